/// Thresholds that turn quality signals into a keep or a reject.
public struct QualityConfig: Sendable, Equatable, Codable {
  /// Fewest characters (not counting whitespace) a clean body may have.
  public var minChars = 50
  /// Largest share of punctuation and symbol characters among non-whitespace characters.
  public var maxPunctuationShare = 0.3
  /// Largest share of U+FFFD replacement characters (text decoded with the wrong encoding).
  public var maxReplacementShare = 0.01
  /// Fewest letters (any script, CJK included) among non-whitespace characters.
  public var minLetterShare = 0.5
  /// Fewest CJK characters among letters; 0 turns the rule off (any language welcome).
  public var minCJKShare = 0.0

  public init() {}

  enum CodingKeys: String, CodingKey {
    case minChars = "min_chars"
    case maxPunctuationShare = "max_punctuation_share"
    case maxReplacementShare = "max_replacement_share"
    case minLetterShare = "min_letter_share"
    case minCJKShare = "min_cjk_share"
  }

  func validate() throws(ConfigError) {
    try Check.range(minChars, 0...1_000_000, key: "quality.min_chars")
    try Check.range(maxPunctuationShare, 0...1, key: "quality.max_punctuation_share")
    try Check.range(maxReplacementShare, 0...1, key: "quality.max_replacement_share")
    try Check.range(minLetterShare, 0...1, key: "quality.min_letter_share")
    try Check.range(minCJKShare, 0...1, key: "quality.min_cjk_share")
  }
}
