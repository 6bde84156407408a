/// How the Extract stage turns markup into blocks.
public struct ExtractConfig: Sendable, Equatable, Codable {
  /// Re-join text that arrives segmented into words with spaces (no space is
  /// kept between two CJK characters or between CJK text and CJK punctuation).
  public var joinSegmentedCJK = true

  public init() {}

  enum CodingKeys: String, CodingKey {
    case joinSegmentedCJK = "join_segmented_cjk"
  }

  func validate() throws(ConfigError) {}
}
