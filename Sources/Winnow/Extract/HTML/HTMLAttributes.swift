/// The attribute syntax of a tag: `name`, `name=value`, `name="value"`,
/// `name='value'`, as browsers read it.
///
/// The tokenizer uses `scan` to find where a tag ends (a `>` inside quotes
/// does not end it); `parse` turns the same bytes into decoded values for the
/// few tags whose attributes matter (`meta`, `link`).
enum HTMLAttributes {
  /// One attribute's name and value byte ranges; the value is nil without `=`.
  struct Span {
    var name: Range<Int>
    var value: Range<Int>?
  }

  /// Reads attributes from `start` until the `>` that ends the tag.
  ///
  /// Returns the index just past that `>` and whether the tag ended in `/>`,
  /// or nil when the input ends first (browsers drop such a tag).
  static func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, visit: (Span) -> Void = { _ in }
  ) -> (next: Int, selfClosing: Bool)? {
    var index = start
    while index < end {
      let byte = bytes[index]
      if UTF8Decoding.isASCIISpace(byte) {
        index += 1
      } else if byte == UInt8(ascii: ">") {
        return (index + 1, false)
      } else if byte == UInt8(ascii: "/") {
        if index + 1 < end && bytes[index + 1] == UInt8(ascii: ">") { return (index + 2, true) }
        index += 1
      } else {
        guard let span = attribute(bytes, from: index, end: end) else { return nil }
        visit(span.span)
        index = span.next
      }
    }
    return nil
  }

  /// One attribute from its first name byte; nil when a quoted value never closes.
  private static func attribute(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int
  ) -> (span: Span, next: Int)? {
    var index = start + 1  // a leading "=" belongs to the name, as in browsers
    while index < end && !isNameEnd(bytes[index]) { index += 1 }
    let name = start..<index
    var probe = index
    while probe < end && UTF8Decoding.isASCIISpace(bytes[probe]) { probe += 1 }
    guard probe < end && bytes[probe] == UInt8(ascii: "=") else {
      return (Span(name: name, value: nil), index)
    }
    probe += 1
    while probe < end && UTF8Decoding.isASCIISpace(bytes[probe]) { probe += 1 }
    guard probe < end else { return (Span(name: name, value: nil), probe) }
    let quote = bytes[probe]
    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
      var close = probe + 1
      while close < end && bytes[close] != quote { close += 1 }
      guard close < end else { return nil }
      return (Span(name: name, value: (probe + 1)..<close), close + 1)
    }
    var valueEnd = probe
    while valueEnd < end && !UTF8Decoding.isASCIISpace(bytes[valueEnd])
      && bytes[valueEnd] != UInt8(ascii: ">")
    {
      valueEnd += 1
    }
    return (Span(name: name, value: probe..<valueEnd), valueEnd)
  }

  @inline(__always)
  private static func isNameEnd(_ byte: UInt8) -> Bool {
    UTF8Decoding.isASCIISpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
      || byte == UInt8(ascii: "=")
  }

  /// The attributes in `range`: names lower-cased, values with character
  /// references decoded and whitespace kept; the first of repeated names wins.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [String: String] {
    var result: [String: String] = [:]
    _ = scan(bytes, from: range.lowerBound, end: range.upperBound) { span in
      let name = UTF8Decoding.lowercasedString(bytes, span.name)
      guard result[name] == nil else { return }
      result[name] = span.value.map { decodedValue(bytes, $0) } ?? ""
    }
    return result
  }

  /// An attribute value with its character references decoded.
  static func decodedValue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(range.count)
    var index = range.lowerBound
    while index < range.upperBound {
      if bytes[index] == UInt8(ascii: "&"),
        let reference = CharacterReference.decode(
          bytes, at: index, end: range.upperBound, inAttribute: true)
      {
        UTF8Decoding.append(reference.value, to: &utf8)
        index = reference.next
      } else {
        utf8.append(bytes[index])
        index += 1
      }
    }
    return String(decoding: utf8, as: UTF8.self)
  }
}
