/// What a `ReportBuilder` counted of the records it was given, as a value: each write
/// shard counts its own records and saves its part, and the commit stage adds the
/// parts up in shard order (`ReportBuilder.merge`), so no stage reads every article
/// again for the report.
///
/// Examples are kept in order up to the configured count; merged in shard order
/// they are the first ones of the run, as one builder would have kept them (the
/// examples of a rule, distinct ones only, may differ where a later shard's first
/// examples repeat an earlier shard's).
struct ReportPart: Sendable, Codable {
  var formats: [String: RunReport.FormatCount] = [:]
  var encodings: [String: Int] = [:]
  /// Each quality histogram's counts, in `HistogramCounter` order.
  var signalCounts: [[Int]] = []
  var sites: [String: RunReport.SiteRow] = [:]
  /// Body characters of kept articles per site, for the mean.
  var keptChars: [String: Int] = [:]
  var rules: [String: RunReport.RuleSummary] = [:]
  var reasons: [String: RunReport.ReasonSummary] = [:]
  var qualityRules: [String: Int] = [:]
  /// Blocks removed and the first example, per learned block (its index in the run's list).
  var learnedBlocks: [Int] = []
  var learnedExamples: [String] = []
}
