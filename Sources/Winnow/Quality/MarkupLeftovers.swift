/// Markup that extraction left in the text: HTML tags (`<p>`, `</div>`, `<!--`), character
/// entities (`&nbsp;`, `&#12345;`, `&#x4E2D;`), Markdown images (`![alt](src)`) and URLs
/// (`http://`, `https://`, `www.`).
///
/// Leftovers show a page the extractor did not understand, or a text that quotes code;
/// either way the text is not prose. Every pattern is ASCII, so the scan runs over UTF-8
/// bytes and a byte covered is a character covered.
///
/// - Complexity: O(n) in the UTF-8 length; each pattern looks ahead a bounded distance.
public struct MarkupLeftovers: Sendable, Hashable, Codable {
  public var tags = 0
  public var entities = 0
  public var markdownImages = 0
  public var urls = 0
  /// Characters inside any of them.
  public var coveredChars = 0

  /// Longest tag, entity or image syntax looked for; longer spans are not markup.
  static let maxTag = 200
  static let maxEntity = 10

  public init() {}

  public init(_ text: String) {
    var text = text
    self = text.withUTF8 { Self(bytes: $0) }
  }

  init(bytes: UnsafeBufferPointer<UInt8>) {
    var i = 0
    while i < bytes.count {
      // Most bytes of Chinese text are past ASCII, where no pattern starts: one test skips them.
      if bytes[i] >= 0x80 {
        i += 1
        continue
      }
      let end: Int
      switch bytes[i] {
      case UInt8(ascii: "<"): end = tag(bytes, i)
      case UInt8(ascii: "&"): end = entity(bytes, i)
      case UInt8(ascii: "!"): end = image(bytes, i)
      case UInt8(ascii: "h"), UInt8(ascii: "w"): end = url(bytes, i)
      default: end = i
      }
      if end > i {
        coveredChars += end - i
        i = end
      } else {
        i += 1
      }
    }
  }

  /// `<` then `/`, `!` or a letter, up to `>` on the same line: a tag. Returns its end.
  private mutating func tag(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    guard start + 2 < b.count, Self.isTagStart(b[start + 1]) else { return start }
    var j = start + 1
    while j < b.count, j - start < Self.maxTag {
      switch b[j] {
      case UInt8(ascii: ">"):
        tags += 1
        return j + 1
      case UInt8(ascii: "<"), 0x0A: return start
      default: j += 1
      }
    }
    return start
  }

  private static func isTagStart(_ c: UInt8) -> Bool {
    c == UInt8(ascii: "/") || c == UInt8(ascii: "!") || isLetter(c)
  }

  /// `&name;`, `&#digits;` or `&#xhex;`. Returns its end.
  private mutating func entity(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    var j = start + 1
    let numeric = j < b.count && b[j] == UInt8(ascii: "#")
    if numeric { j += 1 }
    if numeric, j < b.count, b[j] | 0x20 == UInt8(ascii: "x") { j += 1 }
    let bodyStart = j
    while j < b.count, j - start < Self.maxEntity, Self.isLetter(b[j]) || Self.isDigit(b[j]) {
      j += 1
    }
    guard j < b.count, b[j] == UInt8(ascii: ";"), j - bodyStart >= (numeric ? 1 : 2) else {
      return start
    }
    entities += 1
    return j + 1
  }

  /// `![alt](src)` on one line. Returns its end.
  private mutating func image(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    guard start + 1 < b.count, b[start + 1] == UInt8(ascii: "[") else { return start }
    var j = start + 2
    var inSource = false
    while j < b.count, j - start < Self.maxTag, b[j] != 0x0A {
      if !inSource, b[j] == UInt8(ascii: "]") {
        guard j + 1 < b.count, b[j + 1] == UInt8(ascii: "(") else { return start }
        inSource = true
        j += 1
      } else if inSource, b[j] == UInt8(ascii: ")") {
        markdownImages += 1
        return j + 1
      }
      j += 1
    }
    return start
  }

  /// `http://`, `https://` or `www.` not inside a word, up to whitespace, a non-ASCII
  /// character or a delimiter. Returns its end.
  private mutating func url(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
    if start > 0, Self.isLetter(b[start - 1]) || Self.isDigit(b[start - 1]) { return start }
    guard
      Self.hasPrefix(b, start, "http://") || Self.hasPrefix(b, start, "https://")
        || Self.hasPrefix(b, start, "www.")
    else { return start }
    var j = start + 4
    while j < b.count, Self.isURLByte(b[j]) { j += 1 }
    urls += 1
    return j
  }

  private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ p: StaticString)
    -> Bool
  {
    guard i + p.utf8CodeUnitCount <= b.count else { return false }
    let s = p.utf8Start
    for k in 0..<p.utf8CodeUnitCount where b[i + k] != s[k] { return false }
    return true
  }

  private static func isURLByte(_ c: UInt8) -> Bool {
    switch c {
    case 0x21...0x7E:
      c != UInt8(ascii: "<") && c != UInt8(ascii: ">") && c != UInt8(ascii: "\"")
        && c != UInt8(ascii: "(") && c != UInt8(ascii: ")")
    default: false
    }
  }

  @inline(__always)
  static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
  @inline(__always)
  static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
}
