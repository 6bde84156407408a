/// Splits HTML into tokens, tolerating broken markup the way browsers do.
///
/// Works on the UTF-8 bytes of the document: everything that ends or starts
/// markup is ASCII, so text runs are skipped byte by byte and only handed out
/// as ranges. Follows the HTML tokenizer where it matters for text:
/// - a `<` that does not start a tag (`a < b`, `<3`, `< p>`) is text;
/// - a tag cut off by the end of input is dropped; a `>` inside a quoted
///   attribute value does not end the tag;
/// - comments (`<!-- … -->`, also unclosed), `<!DOCTYPE …>`, `<?…>` and
///   `</…>` with a non-letter name are comments;
/// - `<![CDATA[…]]>` is literal text (as in XHTML and foreign content);
/// - the content of raw-text elements (`script`, `style`, `title`, …) runs to
///   the matching end tag, case-insensitively, whatever tags it seems to hold.
///
/// Usage: `var t = HTMLTokenizer(bytes); while let token = t.next() { … }`
/// inside `String.withUTF8`, which the buffer must not outlive.
struct HTMLTokenizer {
  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var position = 0
  /// Set after the start tag of a raw-text element: the name whose end tag closes it.
  private var rawTextEnd: String?

  /// Elements whose content is not markup: script and style data, RCDATA
  /// (`title`, `textarea`), and elements whose content a text extractor skips
  /// whole (`noscript`, `template`, `iframe`, ...).
  static let rawTextElements: Set<String> = [
    "script", "style", "title", "textarea", "noscript", "template", "iframe", "xmp",
    "noembed", "noframes",
  ]

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
  }

  /// The next token, or nil at the end of input.
  mutating func next() -> HTMLToken? {
    if let name = rawTextEnd {
      rawTextEnd = nil
      return rawText(closedBy: name)
    }
    while position < bytes.count {
      if bytes[position] == UInt8(ascii: "<"), let token = markup() { return token }
      if let token = text() { return token }
    }
    return nil
  }

  /// Character data up to the next `<` that starts markup (a stray `<` included).
  private mutating func text() -> HTMLToken? {
    let start = position
    position += 1
    while position < bytes.count {
      if bytes[position] == UInt8(ascii: "<") && startsMarkup(at: position) { break }
      position += 1
    }
    return .text(start..<position)
  }

  /// Whether the `<` at `index` opens a tag, an end tag, a comment or a declaration.
  @inline(__always)
  private func startsMarkup(at index: Int) -> Bool {
    guard index + 1 < bytes.count else { return false }
    let next = bytes[index + 1]
    return UTF8Decoding.isASCIILetter(next) || next == UInt8(ascii: "/")
      || next == UInt8(ascii: "!")
      || next == UInt8(ascii: "?")
  }

  /// The markup at the `<` at `position`; nil (position unchanged) when it is text.
  private mutating func markup() -> HTMLToken? {
    guard startsMarkup(at: position) else { return nil }
    let next = bytes[position + 1]
    if UTF8Decoding.isASCIILetter(next) { return startTag() }
    if next == UInt8(ascii: "/") { return endTag() }
    if next == UInt8(ascii: "!") { return declaration() }
    return bogusComment(from: position + 2)
  }
}

extension HTMLTokenizer {
  /// `<name attributes… >`; switches to raw text after a raw-text element's start tag.
  private mutating func startTag() -> HTMLToken {
    let nameStart = position + 1
    let nameEnd = tagNameEnd(from: nameStart)
    let name = UTF8Decoding.lowercasedString(bytes, nameStart..<nameEnd)
    guard let (next, selfClosing) = HTMLAttributes.scan(bytes, from: nameEnd, end: bytes.count)
    else {
      position = bytes.count
      return .comment(nameStart..<bytes.count)
    }
    position = next
    let attributesEnd = next - (selfClosing ? 2 : 1)
    if !selfClosing && HTMLTokenizer.rawTextElements.contains(name) { rawTextEnd = name }
    return .startTag(
      HTMLTag(name: name, attributes: nameEnd..<attributesEnd, selfClosing: selfClosing))
  }

  /// `</name …>`, `</>` (ignored, as a comment) or `</ …>` (a bogus comment).
  private mutating func endTag() -> HTMLToken {
    let nameStart = position + 2
    guard nameStart < bytes.count, UTF8Decoding.isASCIILetter(bytes[nameStart]) else {
      if nameStart < bytes.count && bytes[nameStart] == UInt8(ascii: ">") {
        position = nameStart + 1
        return .comment(nameStart..<nameStart)
      }
      return bogusComment(from: nameStart)
    }
    let nameEnd = tagNameEnd(from: nameStart)
    let name = UTF8Decoding.lowercasedString(bytes, nameStart..<nameEnd)
    guard let (next, _) = HTMLAttributes.scan(bytes, from: nameEnd, end: bytes.count) else {
      position = bytes.count
      return .comment(nameStart..<bytes.count)
    }
    position = next
    return .endTag(name)
  }

  /// A tag name runs to whitespace, `/` or `>`.
  private func tagNameEnd(from start: Int) -> Int {
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if UTF8Decoding.isASCIISpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
        break
      }
      index += 1
    }
    return index
  }

  /// `<!-- … -->`, `<![CDATA[ … ]]>`, or any other `<! … >` (DOCTYPE included).
  private mutating func declaration() -> HTMLToken {
    let start = position + 2
    if hasPrefix("--", at: start) { return comment(from: start + 2) }
    if hasPrefix("[CDATA[", at: start) {
      let contentStart = start + 7
      let close = find("]]>", from: contentStart)
      position = min(close + 3, bytes.count)
      return .cdata(contentStart..<close)
    }
    return bogusComment(from: start)
  }

  /// A comment from just after `<!--` to `-->` or `--!>`; `<!-->` and `<!--->` are empty.
  private mutating func comment(from start: Int) -> HTMLToken {
    if hasPrefix(">", at: start) || hasPrefix("->", at: start) {
      position = start + (bytes[start] == UInt8(ascii: ">") ? 1 : 2)
      return .comment(start..<start)
    }
    var index = start
    while index < bytes.count {
      let close = find("--", from: index)
      guard close < bytes.count else { break }
      if hasPrefix("-->", at: close) || hasPrefix("--!>", at: close) {
        position = close + (bytes[close + 2] == UInt8(ascii: ">") ? 3 : 4)
        return .comment(start..<close)
      }
      index = close + 1
    }
    position = bytes.count
    return .comment(start..<bytes.count)
  }

  /// Everything up to the next `>`: how browsers read `<?…>`, `<!…>` and `</ …>`.
  private mutating func bogusComment(from start: Int) -> HTMLToken {
    var index = start
    while index < bytes.count && bytes[index] != UInt8(ascii: ">") { index += 1 }
    position = min(index + 1, bytes.count)
    return .comment(min(start, index)..<index)
  }
}

extension HTMLTokenizer {
  /// The content of a raw-text element up to `</name` followed by whitespace, `/` or `>`.
  private mutating func rawText(closedBy name: String) -> HTMLToken {
    let start = position
    var index = start
    while index < bytes.count {
      let candidate = find("</", from: index)
      guard candidate < bytes.count else { break }
      if matchesEndTag(name, at: candidate + 2) {
        position = candidate
        return .rawText(start..<candidate)
      }
      index = candidate + 2
    }
    position = bytes.count
    return .rawText(start..<bytes.count)
  }

  /// Whether `name` (lower case) starts at `index`, case-insensitively, and ends there.
  private func matchesEndTag(_ name: String, at index: Int) -> Bool {
    var cursor = index
    for byte in name.utf8 {
      guard cursor < bytes.count, UTF8Decoding.lowercased(bytes[cursor]) == byte else {
        return false
      }
      cursor += 1
    }
    guard cursor < bytes.count else { return true }
    let after = bytes[cursor]
    return UTF8Decoding.isASCIISpace(after) || after == UInt8(ascii: "/")
      || after == UInt8(ascii: ">")
  }

  /// Whether the ASCII text `prefix` is at `index` (exact case).
  private func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    return prefix.withUTF8Buffer { pattern in
      (0..<count).allSatisfy { bytes[index + $0] == pattern[$0] }
    }
  }

  /// The index of the next occurrence of the ASCII text `pattern` at or after `start`, else the end.
  private func find(_ pattern: StaticString, from start: Int) -> Int {
    let first = pattern.utf8Start.pointee
    var index = start
    while index < bytes.count {
      if bytes[index] == first && hasPrefix(pattern, at: index) { return index }
      index += 1
    }
    return bytes.count
  }
}
