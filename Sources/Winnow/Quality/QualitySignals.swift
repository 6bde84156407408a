/// Measurements of a clean body that quality rules judge. Shares are of the
/// non-whitespace characters (Unicode scalars), so they do not depend on layout.
public struct QualitySignals: Sendable, Hashable, Codable {
  /// Non-whitespace characters.
  public var chars = 0
  /// Letters of any script, CJK included.
  public var letterShare = 0.0
  /// CJK characters (Han, kana, Hangul) among letters.
  public var cjkShare = 0.0
  public var digitShare = 0.0
  public var punctuationShare = 0.0
  /// U+FFFD: bytes that could not be decoded.
  public var replacementShare = 0.0

  public init() {}

  enum CodingKeys: String, CodingKey {
    case chars
    case letterShare = "letter_share"
    case cjkShare = "cjk_share"
    case digitShare = "digit_share"
    case punctuationShare = "punctuation_share"
    case replacementShare = "replacement_share"
  }

  /// Counts the classes of every scalar of `body` in one pass.
  public init(body: String) {
    var counts = (chars: 0, letters: 0, cjk: 0, digits: 0, punctuation: 0, replacement: 0)
    for scalar in body.unicodeScalars {
      let v = scalar.value
      if ScalarClass.isWhitespace(v) { continue }
      counts.chars += 1
      if ScalarClass.isCJK(v) {
        counts.letters += 1
        counts.cjk += 1
      } else if ScalarClass.isDigit(v) {
        counts.digits += 1
      } else if v == 0xFFFD {
        counts.replacement += 1
      } else if ScalarClass.isPunctuationOrSymbol(v) {
        counts.punctuation += 1
      } else if ScalarClass.isLetter(v) {
        counts.letters += 1
      }
    }
    let total = Double(max(counts.chars, 1))
    chars = counts.chars
    letterShare = Double(counts.letters) / total
    cjkShare = Double(counts.cjk) / Double(max(counts.letters, 1))
    digitShare = Double(counts.digits) / total
    punctuationShare = Double(counts.punctuation) / total
    replacementShare = Double(counts.replacement) / total
  }
}
