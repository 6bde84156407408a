/// Plain text to blocks: every non-empty line is a paragraph.
///
/// Segmented corpora often put a whole article on one line and mark the break
/// between title and body with a wider gap ("总统府   俄 驳斥"), so with
/// `gapBreak` set a run of at least that many spaces also ends a block.
struct PlainTextParser {
  var policy: SpacePolicy
  /// A run of this many horizontal whitespace characters ends a block; 0 turns it off.
  var gapBreak: Int

  /// The paragraphs of the UTF-8 text in `bytes`.
  func blocks(_ bytes: UnsafeBufferPointer<UInt8>) -> [Block] {
    var blocks: [Block] = []
    var text = BlockText(policy: policy, capacity: 1024)
    var gap = 0
    var index = 0
    while index < bytes.count {
      let (value, next) = UTF8Decoding.scalar(in: bytes, at: index)
      index = next
      if PlainTextParser.isLineBreak(value) {
        gap = 0
        PlainTextParser.flush(&text, into: &blocks)
        continue
      }
      if ScalarClass.isWhitespace(value) {
        gap += 1
      } else {
        if gapBreak > 0 && gap >= gapBreak { PlainTextParser.flush(&text, into: &blocks) }
        gap = 0
      }
      text.append(value)
    }
    PlainTextParser.flush(&text, into: &blocks)
    return blocks
  }

  private static func flush(_ text: inout BlockText, into blocks: inout [Block]) {
    if let line = text.take() { blocks.append(Block(.paragraph, line)) }
  }

  /// Line feed, carriage return, vertical tab, form feed, next line and the
  /// Unicode line and paragraph separators.
  @inline(__always)
  static func isLineBreak(_ value: UInt32) -> Bool {
    (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029
  }
}
