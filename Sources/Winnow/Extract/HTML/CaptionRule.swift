/// Decides whether a paragraph right after an image-only element is that
/// image's caption.
///
/// Feed exports put captions in their own centered paragraph after the
/// image (`<p><img></p><p><span style=color:#666>阿拉木图机场 （资料图）</span></p>`),
/// but a short body paragraph can follow an image just as well ("路透社从消息
///人士处得知，……已经被临时取消。"). Captions are labels, not sentences, so a
/// block that ends with a Chinese full stop, exclamation or question mark
/// (before any closing quotes or brackets) stays a paragraph.
struct CaptionRule: Sendable {
  /// Longer blocks are never captions.
  var maxChars: Int

  /// Whether `text`, `length` scalars long and right after an image-only element, is a caption.
  func isCaption(_ text: String, length: Int) -> Bool {
    length <= maxChars && !CaptionRule.endsSentence(text)
  }

  /// Whether the last scalar, closing quotes and brackets skipped, is 。！？ (or a full-width form).
  static func endsSentence(_ text: String) -> Bool {
    for scalar in text.unicodeScalars.reversed() {
      switch scalar.value {
      case 0x3002, 0xFF01, 0xFF1F, 0xFF0E: return true  // 。！？．
      case 0x201D, 0x2019, 0x300D, 0x300F, 0xFF09, 0x29, 0x22, 0x27, 0x3011, 0x300B: continue
      default: return false
      }
    }
    return false
  }
}
