import Glibc

/// Decides whether text that is not declared HTML still is: a Markdown body
/// written as HTML (the feed exports), or a record whose text field holds markup.
enum HTMLSniffer {
  /// Block-level tags: inline ones (`<span>`, `<a>`) also turn up in Markdown and
  /// plain text, where `MarkdownInline` strips them; these mean the text is laid out in HTML.
  static let blockTags: Set<String> = [
    "p", "div", "br", "table", "tr", "td", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "figure", "blockquote", "pre", "html", "body", "head",
  ]

  /// Whether `bytes` contain a block-level tag (`<p>`, `<div class=…>`, `<br/>`, ...).
  /// Every record's text is sniffed and most hold no `<` at all, so `memchr` jumps
  /// from one to the next.
  static func containsBlockTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    var index = 0
    while index < bytes.count,
      let hit = memchr(base + index, Int32(UInt8(ascii: "<")), bytes.count - index)
    {
      let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if isBlockTag(bytes, at: position + 1) { return true }
      index = position + 1
    }
    return false
  }

  /// A record's text is HTML when it starts with a tag, comment or doctype, or holds a block-level tag.
  static func looksLikeHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count && UTF8Decoding.isASCIISpace(bytes[index]) { index += 1 }
    if index + 1 < bytes.count && bytes[index] == UInt8(ascii: "<")
      && (UTF8Decoding.isASCIILetter(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "!"))
    {
      return true
    }
    return containsBlockTag(bytes)
  }

  /// Whether a block tag name starts at `start` (after `<` or `</`) and ends at whitespace, `/` or `>`.
  private static func isBlockTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    var nameStart = start
    if nameStart < bytes.count && bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
    var index = nameStart
    while index < bytes.count && index - nameStart < 11
      && UTF8Decoding.isASCIIAlphanumeric(bytes[index])
    {
      index += 1
    }
    guard index > nameStart, index < bytes.count else { return false }
    let after = bytes[index]
    guard
      UTF8Decoding.isASCIISpace(after) || after == UInt8(ascii: ">") || after == UInt8(ascii: "/")
    else {
      return false
    }
    return blockTags.contains(UTF8Decoding.lowercasedString(bytes, nameStart..<index))
  }
}
