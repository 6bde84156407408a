/// What one run adds to the history when its outputs are committed.
public struct RecordedRun: Sendable {
  public var runId: String
  /// The run's own learned-boilerplate counts.
  public var counts: BoilerplateCounts
  /// Every article the run kept.
  public var kept: [KeptArticle]
  /// History rows the run's keepers replace (keeper policy `newest`).
  public var superseded: [Int64]
  /// `FingerprintConfig.historyKey`: what the signatures were made with.
  public var fingerprint: String
  /// The bands × rows the keys were cut with.
  public var bands: LSHParameters

  public init(
    runId: String, counts: BoilerplateCounts, kept: [KeptArticle] = [], superseded: [Int64] = [],
    fingerprint: String, bands: LSHParameters
  ) {
    self.runId = runId
    self.counts = counts
    self.kept = kept
    self.superseded = superseded
    self.fingerprint = fingerprint
    self.bands = bands
  }
}
