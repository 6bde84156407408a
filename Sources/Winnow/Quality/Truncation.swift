/// Whether a text ends mid-sentence: its last non-whitespace character is not
/// sentence-final punctuation or a closing quote or bracket after one.
///
/// A crawl cut off at a byte limit, or a teaser ("阅读全文"), ends mid-word;
/// complete news ends with 。！？ or a closing quote, bracket ("（完）") or ellipsis.
enum Truncation {
  /// Sentence-final punctuation, and closers that follow it (`。”`, `！）`).
  @inline(__always)
  static func endsSentence(_ v: UInt32) -> Bool {
    switch v {
    case 0x2E, 0x21, 0x3F, 0x22, 0x27, 0x29, 0x5D: true  // . ! ? " ' ) ]
    case 0x3002, 0xFF0E, 0xFF61, 0xFF01, 0xFF1F: true  // 。 ． ｡ ！ ？
    case 0x2026, 0x22EF: true  // … ⋯
    case 0x300D, 0x300F, 0x3011, 0x3015, 0x3017, 0xFF09, 0xFF3D: true  // 」 』 】 〕 〗 ） ］
    case 0x201D, 0x2019, 0xFF02, 0xFF07, 0x00BB, 0x203A: true  // ” ’ ＂ ＇ » ›
    case 0xFF5E, 0x7E: true  // ～ ~ (an informal sentence end)
    default: false
    }
  }

  /// `last` is the last non-whitespace scalar, or nil for an empty text (not truncated).
  static func isTruncated(last: UInt32?) -> Bool {
    guard let last else { return false }
    return !endsSentence(last)
  }
}
