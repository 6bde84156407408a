/// How much detail the reports carry.
public struct ReportConfig: Sendable, Equatable, Codable {
  /// Example blocks shown per cleaning rule.
  public var examplesPerRule = 3
  /// Duplicate clusters listed in full, biggest first.
  public var maxClusters = 50
  /// Rejected articles listed per reason.
  public var examplesPerReason = 5
  /// Characters of text shown in an example before it is cut with "…".
  public var exampleChars = 120

  public init() {}

  enum CodingKeys: String, CodingKey {
    case examplesPerRule = "examples_per_rule"
    case maxClusters = "max_clusters"
    case examplesPerReason = "examples_per_reason"
    case exampleChars = "example_chars"
  }

  func validate() throws(ConfigError) {
    try Check.range(examplesPerRule, 0...1000, key: "report.examples_per_rule")
    try Check.range(maxClusters, 0...1_000_000, key: "report.max_clusters")
    try Check.range(examplesPerReason, 0...1000, key: "report.examples_per_reason")
    try Check.range(exampleChars, 10...10_000, key: "report.example_chars")
  }
}
