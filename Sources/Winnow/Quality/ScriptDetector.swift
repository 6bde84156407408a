/// The writing system of a text, decided from character statistics.
public enum Script: String, Sendable, Hashable, Codable, CaseIterable {
  case simplified, traditional, japanese, latin, other
}

/// Decides the script from the class counts of one pass (`CharacterClasses`).
///
/// - Mostly CJK letters: kana make it Japanese (Japanese prose is 30–70 % kana; Chinese
///   news quotes a katakana name now and then, far below 10 %), Hangul makes it Korean
///   (`other`), else Han text is Traditional when it has more Traditional-only than
///   Simplified-only characters of `ScriptTable`, and Simplified otherwise (also on a tie,
///   which for real text means too few Han characters to tell).
/// - Mostly Latin letters: `latin`. Anything else, or no letters at all: `other`.
enum ScriptDetector {
  /// Share of kana among CJK letters from which a text is Japanese.
  static let japaneseKanaShare = 0.1

  static func detect(_ c: CharacterClasses) -> Script {
    guard c.letters > 0 else { return .other }
    if c.cjk * 2 >= c.letters {
      if Double(c.kana) >= japaneseKanaShare * Double(c.cjk) { return .japanese }
      if c.hangul * 2 >= c.cjk { return .other }
      return c.traditionalOnly > c.simplifiedOnly ? .traditional : .simplified
    }
    return c.latin * 2 >= c.letters ? .latin : .other
  }
}
