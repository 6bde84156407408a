/// Inline Markdown to plain text: what a reader sees of a line.
///
/// - `![alt](src)` images are dropped (alt text is not article text);
/// - `[text](url)` and `[text][ref]` keep their text;
/// - `**`, `__`, `~~` and backticks are removed (single `*` and `_` stay:
///   they are too often literal in news text to guess);
/// - `\*` escapes keep the character; inline HTML tags are removed and
///   `<https://…>` autolinks keep the address; character references decode.
enum MarkdownInline {
  /// Appends the visible text of the inline Markdown in `range` to `text`.
  static func render(
    _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into text: inout BlockText
  ) {
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      let byte = bytes[index]
      if byte >= 0x80 {
        let (value, next) = UTF8Decoding.scalar(in: bytes, at: index)
        text.append(value)
        index = next
      } else if let next = markup(bytes, at: index, end: end, into: &text) {
        index = next
      } else {
        text.append(UInt32(byte))
        index += 1
      }
    }
  }

  /// Handles the markup that starts at `index`, returning where it ends; nil when the byte is literal.
  private static func markup(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, into text: inout BlockText
  ) -> Int? {
    switch bytes[index] {
    case UInt8(ascii: "\\"):
      guard index + 1 < end, isASCIIPunctuation(bytes[index + 1]) else { return nil }
      text.append(UInt32(bytes[index + 1]))
      return index + 2
    case UInt8(ascii: "`"):
      return index + MarkdownSyntax.run(of: bytes[index], in: bytes, from: index, end: end)
    case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
      let count = MarkdownSyntax.run(of: bytes[index], in: bytes, from: index, end: end)
      return count >= 2 ? index + count : nil
    case UInt8(ascii: "!"):
      guard index + 1 < end, bytes[index + 1] == UInt8(ascii: "["),
        let link = link(bytes, at: index + 1, end: end)
      else { return nil }
      return link.next
    case UInt8(ascii: "["):
      guard let link = link(bytes, at: index, end: end) else { return nil }
      render(bytes, link.text, into: &text)
      return link.next
    case UInt8(ascii: "<"):
      return inlineTag(bytes, at: index, end: end, into: &text)
    case UInt8(ascii: "&"):
      guard
        let reference = CharacterReference.decode(bytes, at: index, end: end, inAttribute: false)
      else {
        return nil
      }
      text.append(reference.value)
      return reference.next
    default:
      return nil
    }
  }

  /// `[text](destination)` or `[text][label]` at the `[` at `index`: the text range and the end.
  private static func link(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int
  ) -> (text: Range<Int>, next: Int)? {
    guard let close = matching(bytes, from: index, end: end, open: "[", close: "]"), close + 1 < end
    else {
      return nil
    }
    let textRange = (index + 1)..<close
    switch bytes[close + 1] {
    case UInt8(ascii: "("):
      guard let target = matching(bytes, from: close + 1, end: end, open: "(", close: ")") else {
        return nil
      }
      return (textRange, target + 1)
    case UInt8(ascii: "["):
      guard let label = matching(bytes, from: close + 1, end: end, open: "[", close: "]") else {
        return nil
      }
      return (textRange, label + 1)
    default:
      return nil
    }
  }

  /// The index of the bracket that closes the one at `start`, honouring nesting and `\` escapes.
  private static func matching(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, open: Unicode.Scalar,
    close: Unicode.Scalar
  ) -> Int? {
    var depth = 0
    var index = start
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if byte == UInt8(ascii: open) { depth += 1 }
      if byte == UInt8(ascii: close) {
        depth -= 1
        if depth == 0 { return index }
      }
      index += 1
    }
    return nil
  }

  /// An inline HTML tag (removed) or an autolink (its address kept) at the `<` at `index`.
  private static func inlineTag(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, into text: inout BlockText
  ) -> Int? {
    guard index + 1 < end,
      UTF8Decoding.isASCIILetter(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "/")
        || bytes[index + 1] == UInt8(ascii: "!"),
      let close = (index + 1..<end).first(where: { bytes[$0] == UInt8(ascii: ">") })
    else { return nil }
    let inner = (index + 1)..<close
    let isAutolink =
      inner.contains { bytes[$0] == UInt8(ascii: ":") }
      && !inner.contains { UTF8Decoding.isASCIISpace(bytes[$0]) }
    var position = inner.lowerBound
    while isAutolink && position < inner.upperBound {
      let (value, next) = UTF8Decoding.scalar(in: bytes, at: position)
      text.append(value)
      position = next
    }
    return close + 1
  }

  private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
      || (0x7B...0x7E).contains(byte)
  }
}
