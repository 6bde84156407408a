/// The first and the last sentence of a long block. Where a feed joins a whole
/// article into one block (THUCNews: one line per article), site boilerplate is
/// not a block of its own but a sentence at an edge ("本报讯…", "以上信息仅供参考…",
/// "[客服电话]：…"), so for long blocks the edge sentences are what is counted and cut.
struct EdgeSentences {
  /// Sentence ends that split a block.
  static let ends: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "；"]
  /// Closing quotes and brackets that belong to the sentence end before them.
  static let closingQuotes: Set<Unicode.Scalar> = ["”", "’", "\"", "」", "）", ")"]
  /// An edge sentence is at most this long (scalars).
  let maxChars: Int

  /// The block's first sentence through its end mark (a closing quote after the mark
  /// stays with the rest), when something follows it and it is at most `maxChars`
  /// long. Scans the UTF-8 bytes in place: copying them out first cost more than the
  /// scan.
  func lead(of text: String) -> Substring? {
    let end = Self.utf8(of: text) { bytes -> Int? in
      let utf8 = UnsafeBufferPointer(rebasing: bytes.prefix(4 * maxChars + 4))
      var scalars = 0
      for index in 1..<max(1, utf8.count) where utf8[index] & 0xC0 != 0x80 {
        scalars += 1
        if scalars > maxChars { return nil }
        if Self.endsSentence(utf8, before: index) { return index }
      }
      return nil
    }
    return end.map { Substring(text.utf8[..<text.utf8.index(text.utf8.startIndex, offsetBy: $0)]) }
  }

  /// The text after the block's last sentence end but one: its last sentence, or the
  /// unpunctuated line after the last sentence; nil when that is the whole block or
  /// longer than `maxChars`. Scans UTF-8 bytes backwards from the end (it runs on every
  /// long block), so only the tail is looked at.
  func tail(of text: String) -> Substring? {
    let start = Self.utf8(of: text) { bytes -> Int? in
      let utf8 = UnsafeBufferPointer(rebasing: bytes.suffix(4 * maxChars + 4))
      guard utf8.count >= 2 else { return nil }
      var start = utf8.count - 1
      var scalars = 0
      while start > 0 {
        if utf8[start] & 0xC0 != 0x80 { scalars += 1 }
        if scalars > maxChars { return nil }
        if utf8[start] & 0xC0 != 0x80, Self.endsSentence(utf8, before: start) {
          return bytes.count - (utf8.count - start)
        }
        start -= 1
      }
      return nil
    }
    return start.map {
      Substring(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: $0)...])
    }
  }

  /// `body` over the UTF-8 bytes of `text`, in place.
  private static func utf8<T>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    var text = text
    return text.withUTF8(body)
  }

  /// Whether a sentence end (perhaps with a closing quote after it) ends right before `index`.
  static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
    guard index > 0, mayEnd(bytes[index - 1]) else { return false }
    var end = index
    for quote in closingQuoteBytes where end >= quote.count {
      if bytes[(end - quote.count)..<end].elementsEqual(quote) {
        end -= quote.count
        break
      }
    }
    return endBytes.contains { mark in
      end >= mark.count && bytes[(end - mark.count)..<end].elementsEqual(mark)
    }
  }

  /// Whether `byte` is the last byte of an end mark or a closing quote: the test that turns
  /// away almost every position of a scan (it checks itself against `ends` and
  /// `closingQuotes`).
  @inline(__always)
  static func mayEnd(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x82, 0x81, 0x9F, 0x9B, 0x21, 0x3F: true  // 。！？；!?
    case 0x9D, 0x99, 0x8D, 0x89, 0x22, 0x29: true  // ”’」）")
    default: false
    }
  }

  private static let endBytes: [[UInt8]] = ends.map { Array(String($0).utf8) }
  private static let closingQuoteBytes: [[UInt8]] = closingQuotes.map { Array(String($0).utf8) }

  /// Hashes of what a long block contributes: its edge sentences that have text to match.
  func units(of block: Block) -> [UInt64] {
    [lead(of: block.text), tail(of: block.text)].compactMap { part in
      guard let part else { return nil }
      let key = MatchNormalizer.normalize(String(part))
      return key.count >= 4 ? BlockHash.of(key) : nil
    }
  }
}
