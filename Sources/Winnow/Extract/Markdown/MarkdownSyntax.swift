/// Recognizers for Markdown's line-level syntax, on trimmed line byte ranges.
enum MarkdownSyntax {
  private static let hash = UInt8(ascii: "#")
  private static let backtick = UInt8(ascii: "`")
  private static let tilde = UInt8(ascii: "~")

  /// "```" or "~~~" (three or more) opens a code fence; the info string after it is ignored.
  static func fenceOpening(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (
    marker: UInt8, length: Int
  )? {
    let marker = bytes[line.lowerBound]
    guard marker == backtick || marker == tilde else { return nil }
    let length = run(of: marker, in: bytes, from: line.lowerBound, end: line.upperBound)
    return length >= 3 ? (marker, length) : nil
  }

  /// A fence of the same marker, at least as long, with nothing after it.
  static func closesFence(
    _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, marker: UInt8, length: Int
  ) -> Bool {
    guard !line.isEmpty else { return false }
    let count = run(of: marker, in: bytes, from: line.lowerBound, end: line.upperBound)
    return count >= length && count == line.count
  }

  /// The text of `# Heading #` (one to six `#`, then a space or the end of the line).
  static func atxHeadingText(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int>?
  {
    let level = run(of: hash, in: bytes, from: line.lowerBound, end: line.upperBound)
    guard (1...6).contains(level) else { return nil }
    let start = line.lowerBound + level
    guard start == line.upperBound || UTF8Decoding.isASCIISpace(bytes[start]) else { return nil }
    var end = line.upperBound
    while end > start && bytes[end - 1] == hash { end -= 1 }
    if end < line.upperBound && end > start && !UTF8Decoding.isASCIISpace(bytes[end - 1]) {
      end = line.upperBound  // "# C#" keeps its "#": a closing run needs a space before it
    }
    return ByteLines.trimmed(bytes, start..<end)
  }

  /// A line of only `=` or only `-` under a paragraph makes it a heading.
  static func isSetextUnderline(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
    let marker = bytes[line.lowerBound]
    guard marker == UInt8(ascii: "=") || marker == UInt8(ascii: "-") else { return false }
    return run(of: marker, in: bytes, from: line.lowerBound, end: line.upperBound) == line.count
  }

  /// Three or more `-`, `*` or `_`, spaces between them allowed.
  static func isThematicBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
    let marker = bytes[line.lowerBound]
    guard marker == UInt8(ascii: "-") || marker == UInt8(ascii: "*") || marker == UInt8(ascii: "_")
    else {
      return false
    }
    var count = 0
    for index in line {
      if bytes[index] == marker {
        count += 1
      } else if !UTF8Decoding.isASCIISpace(bytes[index]) {
        return false
      }
    }
    return count >= 3
  }

  /// The content after `>` (and one optional space) of a block quote line.
  static func blockquoteContent(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<
    Int
  >? {
    guard bytes[line.lowerBound] == UInt8(ascii: ">") else { return nil }
    return ByteLines.trimmed(bytes, (line.lowerBound + 1)..<line.upperBound)
  }

  /// The text of a list item: after `-`, `*`, `+`, `1.` or `1)` and a space.
  static func listItemText(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Range<Int>? {
    var index = line.lowerBound
    let first = bytes[index]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
      index += 1
    } else {
      while index < line.upperBound && index - line.lowerBound < 9 && isDigit(bytes[index]) {
        index += 1
      }
      guard index > line.lowerBound, index < line.upperBound,
        bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
      else { return nil }
      index += 1
    }
    guard index < line.upperBound, UTF8Decoding.isASCIISpace(bytes[index]) else { return nil }
    return ByteLines.trimmed(bytes, index..<line.upperBound)
  }

  /// `[label]: destination` defines a link target; it is not text.
  static func isReferenceDefinition(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool
  {
    guard bytes[line.lowerBound] == UInt8(ascii: "["),
      let close = line.first(where: { bytes[$0] == UInt8(ascii: "]") }),
      close + 1 < line.upperBound
    else { return false }
    return bytes[close + 1] == UInt8(ascii: ":")
  }

  /// The trimmed cells of `| a | b |`, split at pipes not escaped with `\`.
  static func tableCells(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [Range<Int>] {
    var cells: [Range<Int>] = []
    var start = line.lowerBound + 1
    var index = start
    while index < line.upperBound {
      if bytes[index] == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if bytes[index] == UInt8(ascii: "|") {
        cells.append(ByteLines.trimmed(bytes, start..<index))
        start = index + 1
      }
      index += 1
    }
    if start < line.upperBound { cells.append(ByteLines.trimmed(bytes, start..<line.upperBound)) }
    return cells.filter { !$0.isEmpty }
  }

  /// `---`, `:--`, `--:`, `:-:`: the row under a table header.
  static func isTableDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, _ cell: Range<Int>) -> Bool {
    cell.allSatisfy { bytes[$0] == UInt8(ascii: "-") || bytes[$0] == UInt8(ascii: ":") }
  }

  /// How many `byte` in a row start at `start`.
  static func run(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int)
    -> Int
  {
    var index = start
    while index < end && bytes[index] == byte { index += 1 }
    return index - start
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
