/// How much detail the reports carry.
public struct ReportConfig: Sendable, Equatable, Codable {
  /// Example blocks shown per cleaning rule.
  public var examplesPerRule = 3
  /// Duplicate clusters listed (report.json, the tables), biggest first.
  public var maxClusters = 50
  /// Of those, the clusters whose texts the report carries, shown side by side in the HTML
  /// report; the others are table rows (keeps the page small for runs with many clusters).
  public var maxClustersInFull = 20
  /// Members listed per cluster; the rest are counted.
  public var maxMembers = 10
  /// Characters of each text kept for a cluster shown in full.
  public var textCharsInFull = 3000
  /// Sites listed in the per-site table, most articles first; the rest are counted.
  public var maxSites = 100
  /// Rejected articles listed per reason.
  public var examplesPerReason = 5
  /// Characters of text shown in an example before it is cut with "…".
  public var exampleChars = 120
  /// Runs in the report's trend (this run and the ones before it in the reports folder):
  /// two weeks of nightly runs show a drift a single comparison hides.
  public var trendRuns = 14

  public init() {}

  enum CodingKeys: String, CodingKey {
    case examplesPerRule = "examples_per_rule"
    case maxClusters = "max_clusters"
    case maxClustersInFull = "max_clusters_in_full"
    case maxMembers = "max_members"
    case textCharsInFull = "text_chars_in_full"
    case maxSites = "max_sites"
    case examplesPerReason = "examples_per_reason"
    case exampleChars = "example_chars"
    case trendRuns = "trend_runs"
  }

  func validate() throws(ConfigError) {
    try Check.range(examplesPerRule, 0...1000, key: "report.examples_per_rule")
    try Check.range(maxClusters, 0...1_000_000, key: "report.max_clusters")
    try Check.range(maxClustersInFull, 0...1000, key: "report.max_clusters_in_full")
    try Check.range(maxMembers, 1...10_000, key: "report.max_members")
    try Check.range(textCharsInFull, 100...100_000, key: "report.text_chars_in_full")
    try Check.range(maxSites, 0...1_000_000, key: "report.max_sites")
    try Check.range(examplesPerReason, 0...1000, key: "report.examples_per_reason")
    try Check.range(exampleChars, 10...10_000, key: "report.example_chars")
    try Check.range(trendRuns, 1...1000, key: "report.trend_runs")
  }
}
