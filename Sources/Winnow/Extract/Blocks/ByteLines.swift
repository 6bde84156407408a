/// Line-by-line reading of UTF-8 bytes for the line-oriented formats
/// (front matter, Markdown): lines end at `\n`, `\r\n` or `\r`.
enum ByteLines {
  /// The line that starts at `start`, without its terminator, and where the next line starts.
  static func line(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int
  ) -> (content: Range<Int>, next: Int) {
    var index = start
    while index < end && bytes[index] != 0x0A && bytes[index] != 0x0D { index += 1 }
    guard index < end else { return (start..<end, end) }
    let skip = bytes[index] == 0x0D && index + 1 < end && bytes[index + 1] == 0x0A ? 2 : 1
    return (start..<index, index + skip)
  }

  /// `range` without leading and trailing ASCII whitespace.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper && UTF8Decoding.isASCIISpace(bytes[lower]) { lower += 1 }
    while upper > lower && UTF8Decoding.isASCIISpace(bytes[upper - 1]) { upper -= 1 }
    return lower..<upper
  }

  /// Whether the bytes of `range` are exactly the ASCII text `text`.
  static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ text: StaticString)
    -> Bool
  {
    guard range.count == text.utf8CodeUnitCount else { return false }
    return text.withUTF8Buffer { pattern in
      (0..<range.count).allSatisfy { bytes[range.lowerBound + $0] == pattern[$0] }
    }
  }
}
