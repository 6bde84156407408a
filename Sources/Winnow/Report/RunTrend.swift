extension RunReport {
  /// One run's key figures in the trend across nights. Small, so report.json carries every
  /// point and `winnow report RUN_DIR` draws the same trend without the other reports.
  public struct TrendPoint: Sendable, Equatable, Codable {
    public var runId = ""
    /// `finished_at`, or `started_at` for runs reported before schema 4.
    public var finishedAt = ""
    public var articles = 0
    public var kept = 0
    public var rejectedByReason: [String: Int] = [:]
    /// Duplicates over articles in.
    public var duplicateRate = 0.0
    /// Input megabytes per wall-clock second.
    public var mbPerSecond = 0.0
    public var seconds = 0.0

    public init() {}

    /// "2 (duplicate 1, quality 1)": the total, then each reason by name.
    public var rejectedText: String {
      let total = rejectedByReason.values.reduce(0, +)
      let reasons = rejectedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
      return reasons.isEmpty ? "\(total)" : "\(total) (\(reasons.joined(separator: ", ")))"
    }
  }
}

extension RunSummary {
  /// The run as a point of the trend.
  public var trendPoint: RunReport.TrendPoint {
    var p = RunReport.TrendPoint()
    p.runId = runId
    p.finishedAt = sortKey
    p.articles = counts.articles
    p.kept = counts.clean
    p.rejectedByReason = counts.rejectedByReason
    p.duplicateRate = duplicateRate
    p.mbPerSecond = throughput
    p.seconds = seconds
    return p
  }
}

/// A list that decodes as empty when its key is missing, so a report.json written before the
/// list existed still reads (schema 4 has no `trend`) and renders.
@propertyWrapper
public struct EmptyWhenMissing<Element: Sendable & Equatable & Codable>: Sendable, Equatable,
  Codable
{
  public var wrappedValue: [Element]

  public init(wrappedValue: [Element] = []) { self.wrappedValue = wrappedValue }

  public init(from decoder: Decoder) throws {
    wrappedValue = try decoder.singleValueContainer().decode([Element].self)
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(wrappedValue)
  }
}

extension KeyedDecodingContainer {
  /// Chosen over the generic `decode` by synthesized `Codable`: a missing key is an empty list.
  func decode<Element>(_ type: EmptyWhenMissing<Element>.Type, forKey key: Key) throws
    -> EmptyWhenMissing<Element>
  {
    try decodeIfPresent(type, forKey: key) ?? EmptyWhenMissing()
  }
}
