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
      let run = Self.visibleRun(in: bytes, from: index)
      if run.scalars > 0 {
        if gapBreak > 0 && gap >= gapBreak { PlainTextParser.flush(&text, into: &blocks) }
        gap = 0
        text.appendVisible(
          utf8: UnsafeBufferPointer(rebasing: bytes[index..<run.end]),
          first: UTF8Decoding.scalar(in: bytes, at: index).value,
          last: Self.lastScalar(in: bytes, before: run.end), scalars: run.scalars)
        index = run.end
        continue
      }
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

  /// The end of the run from `start` of printable ASCII and of three-byte sequences led
  /// by E3–EF (U+3000–U+FFFF: CJK punctuation, kana, Han, Hangul, full-width forms) but
  /// U+3000 and U+FEFF, and how many scalars it holds. None of these is a line break,
  /// whitespace or invisible, so the loop above would only append each: the run is
  /// appended at once, bytes as they are. A Chinese line is mostly one such run.
  @inline(__always)
  private static func visibleRun(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (
    end: Int, scalars: Int
  ) {
    var index = start
    var scalars = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte > 0x20 && byte < 0x7F {
        index += 1
      } else if byte >= 0xE3 && index + 3 <= bytes.count && !isSpaceOrMark(bytes, at: index) {
        index += 3
      } else {
        break
      }
      scalars += 1
    }
    return (index, scalars)
  }

  /// Whether the sequence at `index`, led by E3 or above, is U+3000 (E3 80 80, the
  /// ideographic space), U+FEFF (EF BB BF, the byte-order mark) or a four-byte one.
  @inline(__always)
  private static func isSpaceOrMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    switch bytes[index] {
    case 0xE3: bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80
    case 0xEF: bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF
    case 0xF0...: true
    default: false
    }
  }

  /// The last scalar of a run that `visibleRun` found ending at `end`.
  @inline(__always)
  private static func lastScalar(in bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> UInt32 {
    bytes[end - 1] < 0x80
      ? UInt32(bytes[end - 1]) : UTF8Decoding.scalar(in: bytes, at: end - 3).value
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
