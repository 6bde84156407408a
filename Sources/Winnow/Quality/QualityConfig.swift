/// Thresholds that turn quality signals into a keep or a reject. The defaults and the
/// corpus figures behind them are in docs/quality-rules.md. A share threshold of 1 (for
/// a maximum) or 0 (for a minimum) turns its rule off.
public struct QualityConfig: Sendable, Equatable, Codable {
  /// Fewest characters (not counting whitespace) a clean body may have.
  public var minChars = 50
  /// Largest share of punctuation characters among non-whitespace characters.
  public var maxPunctuationShare = 0.3
  /// Largest share of symbol characters among non-whitespace characters.
  public var maxSymbolShare = 0.1
  /// Largest share of U+FFFD replacement characters (text decoded with the wrong encoding).
  public var maxReplacementShare = 0.01
  /// Largest share of characters in mojibake patterns ("锟斤拷", "Ã©", "鐨銆").
  public var maxMojibakeShare = 0.01
  /// Largest share of characters in leftover tags, entities, Markdown images and URLs.
  public var maxMarkupShare = 0.2
  /// Fewest letters (any script, CJK included) among non-whitespace characters.
  public var minLetterShare = 0.5
  /// Fewest CJK characters among letters; 0 turns the rule off (any language welcome).
  public var minCJKShare = 0.0
  /// Scripts an article may be written in; the default allows all.
  public var allowedScripts = Script.allCases
  /// Largest share of characters in lines that repeat an earlier line.
  public var maxDuplicateLineShare = 0.2
  /// Largest share of characters in paragraphs that repeat an earlier paragraph.
  public var maxDuplicateParagraphShare = 0.2
  /// Largest share of characters in the most frequent 2-, 3-, 4-gram (Gopher, adapted).
  public var maxTop2gramShare = 0.25
  public var maxTop3gramShare = 0.22
  public var maxTop4gramShare = 0.2
  /// Largest share of characters in duplicated 5- … 10-grams (Gopher, adapted).
  public var maxDuplicate5gramShare = 0.45
  public var maxDuplicate6gramShare = 0.42
  public var maxDuplicate7gramShare = 0.4
  public var maxDuplicate8gramShare = 0.39
  public var maxDuplicate9gramShare = 0.38
  public var maxDuplicate10gramShare = 0.37
  /// Largest share of the text cleaning removed as boilerplate.
  public var maxBoilerplateShare = 1.0
  /// Reject a text that ends mid-sentence.
  public var rejectTruncated = false

  public init() {}

  enum CodingKeys: String, CodingKey {
    case minChars = "min_chars"
    case maxPunctuationShare = "max_punctuation_share"
    case maxSymbolShare = "max_symbol_share"
    case maxReplacementShare = "max_replacement_share"
    case maxMojibakeShare = "max_mojibake_share"
    case maxMarkupShare = "max_markup_share"
    case minLetterShare = "min_letter_share"
    case minCJKShare = "min_cjk_share"
    case allowedScripts = "allowed_scripts"
    case maxDuplicateLineShare = "max_duplicate_line_share"
    case maxDuplicateParagraphShare = "max_duplicate_paragraph_share"
    case maxTop2gramShare = "max_top_2gram_share"
    case maxTop3gramShare = "max_top_3gram_share"
    case maxTop4gramShare = "max_top_4gram_share"
    case maxDuplicate5gramShare = "max_duplicate_5gram_share"
    case maxDuplicate6gramShare = "max_duplicate_6gram_share"
    case maxDuplicate7gramShare = "max_duplicate_7gram_share"
    case maxDuplicate8gramShare = "max_duplicate_8gram_share"
    case maxDuplicate9gramShare = "max_duplicate_9gram_share"
    case maxDuplicate10gramShare = "max_duplicate_10gram_share"
    case maxBoilerplateShare = "max_boilerplate_share"
    case rejectTruncated = "reject_truncated"
  }

  /// Thresholds of the most frequent n-gram rules, n = 2…4, with their keys.
  var topNgramRules: [(key: CodingKeys, threshold: Double)] {
    [
      (.maxTop2gramShare, maxTop2gramShare), (.maxTop3gramShare, maxTop3gramShare),
      (.maxTop4gramShare, maxTop4gramShare),
    ]
  }

  /// Thresholds of the duplicated n-gram rules, n = 5…10, with their keys.
  var duplicateNgramRules: [(key: CodingKeys, threshold: Double)] {
    [
      (.maxDuplicate5gramShare, maxDuplicate5gramShare),
      (.maxDuplicate6gramShare, maxDuplicate6gramShare),
      (.maxDuplicate7gramShare, maxDuplicate7gramShare),
      (.maxDuplicate8gramShare, maxDuplicate8gramShare),
      (.maxDuplicate9gramShare, maxDuplicate9gramShare),
      (.maxDuplicate10gramShare, maxDuplicate10gramShare),
    ]
  }

  func validate() throws(ConfigError) {
    try Check.range(minChars, 0...1_000_000, key: "quality.min_chars")
    let shares: [(key: CodingKeys, threshold: Double)] =
      [
        (.maxPunctuationShare, maxPunctuationShare), (.maxSymbolShare, maxSymbolShare),
        (.maxReplacementShare, maxReplacementShare), (.maxMojibakeShare, maxMojibakeShare),
        (.maxMarkupShare, maxMarkupShare), (.minLetterShare, minLetterShare),
        (.minCJKShare, minCJKShare), (.maxDuplicateLineShare, maxDuplicateLineShare),
        (.maxDuplicateParagraphShare, maxDuplicateParagraphShare),
        (.maxBoilerplateShare, maxBoilerplateShare),
      ] + topNgramRules + duplicateNgramRules
    for rule in shares {
      try Check.range(rule.threshold, 0...1, key: "quality.\(rule.key.rawValue)")
    }
  }
}
