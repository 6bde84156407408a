/// Rules that look at a block's shape and position rather than at a pattern
/// list alone: a byline bracket at the start of a paragraph, the title-like lines
/// under a related-links heading, and the sign-off at the end of an article.
enum StructureRules {
  /// Words that open a byline bracket: "【文/观察者网 鞠峰】", "【编译/观察者网 李焕宇】".
  static let bylineOpeners = ["文/", "编译/", "记者", "作者", "来源", "编辑", "撰文", "采写"]
  /// A byline bracket is at most this long (in scalars, brackets included).
  static let bylineMaxChars = 40

  /// A byline bracket opening `text` and the text after it, or nil when `text` has none.
  /// The rest may be empty: then the whole block is a byline.
  static func bylinePrefix(_ text: String) -> (byline: String, rest: String)? {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, first == "【" || first == "[" else { return nil }
    let close: Unicode.Scalar = first == "【" ? "】" : "]"
    let inside = scalars.index(after: scalars.startIndex)
    guard bylineOpeners.contains(where: { String(scalars[inside...]).hasPrefix($0) }) else {
      return nil
    }
    guard let end = scalars.prefix(bylineMaxChars).firstIndex(of: close) else { return nil }
    let after = scalars.index(after: end)
    let rest = scalars[after...].drop { $0.properties.isWhitespace }
    return (String(scalars[..<after]), String(rest))
  }

  /// Sentence-final punctuation: a line ending in one is a sentence, not a link title.
  static let sentenceEnds: Set<Unicode.Scalar> = [
    "。", "！", "？", "!", "?", "…", "；", ";", "”", "\"",
  ]
  /// A related-links entry is at most this long (in scalars).
  static let linkTitleMaxChars = 40

  /// Whether the block reads like the title of a linked article: short, no sentence end.
  static func isLinkTitle(_ text: String, scalarCount: Int) -> Bool {
    guard scalarCount <= linkTitleMaxChars, let last = text.unicodeScalars.last else {
      return false
    }
    return !sentenceEnds.contains(last)
  }

  /// Sign-offs standing alone as a block: "（完）", "(XWT185)".
  static func isSignOff(_ text: String) -> Bool {
    guard text.utf8.count <= 40 else { return false }
    return signOffLength(at: Substring(text).unicodeScalars) == text.unicodeScalars.count
  }

  /// The text before a sign-off that ends it ("…。(XWT185)"), and the sign-off; nil when it has none.
  static func withoutSignOff(_ text: String) -> (rest: String, signOff: String)? {
    let scalars = Substring(text).unicodeScalars
    guard let close = scalars.last, close == ")" || close == "）" || close == "】" else {
      return nil
    }
    let tail = scalars.suffix(12)
    for start in tail.indices where start != scalars.startIndex {
      let candidate = scalars[start...]
      guard signOffLength(at: candidate) > 0 else { continue }
      let rest = String(scalars[..<start]).trimmingTrailingSpaces()
      return rest.isEmpty ? nil : (rest, String(candidate))
    }
    return nil
  }

  /// The length of `scalars` when it is exactly one sign-off, else 0: "（完）", "(完)",
  /// "【完】", or an editor code in brackets: two to six capitals and one to six digits.
  private static func signOffLength(at scalars: Substring.UnicodeScalarView) -> Int {
    guard let open = scalars.first, let close = scalars.last, scalars.count >= 3 else { return 0 }
    let pairs: [Unicode.Scalar: Unicode.Scalar] = ["（": "）", "(": ")", "【": "】"]
    guard pairs[open] == close else { return 0 }
    let inner = scalars.dropFirst().dropLast()
    if String(inner) == "完" || String(inner) == "全文完" { return scalars.count }
    let letters = inner.prefix { $0.value >= 0x41 && $0.value <= 0x5A }
    let digits = inner.dropFirst(letters.count)
    let isCode =
      (2...6).contains(letters.count) && (1...6).contains(digits.count)
      && digits.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
    return isCode ? scalars.count : 0
  }
}
