/// Finds an input's container format from its first bytes.
///
/// Crawled files are named carelessly (Markdown exports saved as `.txt`, JSON
/// Lines as `.json`), so the content decides and the extension only breaks
/// ties when the content matches no rule. The head is UTF-8 by the time it gets
/// here: every rule looks at ASCII structure only.
struct FormatSniffer {
  /// How many non-blank lines the line-format rules look at.
  static let sampleLines = 5
  /// The first TSV column (a label or an id) is at most this long.
  static let maxFirstColumnBytes = 64
  /// How far into the text `<head` or `<body` may appear to count as HTML.
  static let htmlWindow = 1024

  let tsvColumnCount: Int

  /// The format of a file whose first bytes (as UTF-8) are `head`.
  /// `isWholeFile` says whether `head` is all of it, so its last line is complete.
  func sniff(_ head: [UInt8], isWholeFile: Bool, extensionHint: String) -> InputFormat {
    let lines = HeadLines(head, isWholeFile: isWholeFile)
    if lines.isMarkdownFrontMatter() { return .markdown }
    if isHTML(head) { return .html }
    let sample = lines.nonBlank(limit: FormatSniffer.sampleLines)
    if !sample.isEmpty,
      sample.allSatisfy({ line in line.withUnsafeBytes { JSONObjectParser.isObject($0) } })
    {
      return .jsonl
    }
    if tsvColumnCount > 1, !sample.isEmpty, sample.allSatisfy(isTSVLine) { return .tsv }
    return FormatSniffer.format(forExtension: extensionHint) ?? .text
  }

  /// The format an extension stands for, used only when the content is not decisive.
  static func format(forExtension ext: String) -> InputFormat? {
    switch ext {
    case "jsonl", "ndjson": .jsonl
    case "tsv": .tsv
    case "html", "htm", "xhtml": .html
    case "md", "markdown": .markdown
    default: nil
    }
  }

  /// Starts like an HTML document, or has `<head`/`<body` near the start.
  private func isHTML(_ head: [UInt8]) -> Bool {
    let window = head.prefix(FormatSniffer.htmlWindow)
    guard let first = window.firstIndex(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) })
    else { return false }
    if FormatSniffer.hasTag("<!doctype html", in: window, at: first)
      || FormatSniffer.hasTag("<html", in: window, at: first)
    {
      return true
    }
    var index = first
    while let open = window[index...].firstIndex(of: UInt8(ascii: "<")) {
      if FormatSniffer.hasTag("<head", in: window, at: open)
        || FormatSniffer.hasTag("<body", in: window, at: open)
      {
        return true
      }
      index = open + 1
    }
    return false
  }

  /// Whether `tag` (lower case) starts at `index`, in any case.
  private static func hasTag(_ tag: StaticString, in bytes: ArraySlice<UInt8>, at index: Int)
    -> Bool
  {
    let count = tag.utf8CodeUnitCount
    guard index + count <= bytes.endIndex else { return false }
    let pattern = UnsafeBufferPointer(start: tag.utf8Start, count: count)
    return (0..<count).allSatisfy { lowercased(bytes[index + $0]) == pattern[$0] }
  }

  /// Exactly one tab fewer than there are columns, and a first column that
  /// looks like a label or an id: short, not empty, no spaces.
  private func isTSVLine(_ line: ArraySlice<UInt8>) -> Bool {
    guard line.count(where: { $0 == 0x09 }) == tsvColumnCount - 1,
      let firstTab = line.firstIndex(of: 0x09)
    else { return false }
    let first = line[line.startIndex..<firstTab]
    return !first.isEmpty && first.count <= FormatSniffer.maxFirstColumnBytes
      && !first.contains(0x20)
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
  }

}

/// The complete lines of a head, without their line endings.
struct HeadLines {
  let lines: [ArraySlice<UInt8>]

  init(_ head: [UInt8], isWholeFile: Bool) {
    var lines = head.split(separator: 0x0A, omittingEmptySubsequences: false)
    // The last piece is cut off mid-line unless the head is the whole file.
    if !isWholeFile || head.last == 0x0A { lines.removeLast() }
    self.lines = lines.map { $0.last == 0x0D ? $0.dropLast() : $0 }
  }

  /// Up to `limit` lines that are not blank.
  func nonBlank(limit: Int) -> [ArraySlice<UInt8>] {
    Array(lines.lazy.filter { !HeadLines.isBlank($0) }.prefix(limit))
  }

  /// After blank lines, a `---` line, YAML-looking lines with at least one
  /// `key: value`, and a closing `---` (or `...`): Markdown with front matter.
  func isMarkdownFrontMatter() -> Bool {
    guard let open = lines.firstIndex(where: { !HeadLines.isBlank($0) }),
      HeadLines.trimmed(lines[open]).elementsEqual("---".utf8)
    else { return false }
    var sawKey = false
    for line in lines[(open + 1)...] {
      let text = HeadLines.trimmed(line)
      if text.elementsEqual("---".utf8) || text.elementsEqual("...".utf8) { return sawKey }
      if HeadLines.isYAMLKeyLine(line) {
        sawKey = true
      } else if !HeadLines.isYAMLContinuation(line) {
        return false
      }
    }
    return false
  }

  /// `key: value` or `key:` at the start of a line.
  static func isYAMLKeyLine(_ line: ArraySlice<UInt8>) -> Bool {
    guard let first = line.first, first != 0x20, first != 0x09, first != UInt8(ascii: "-"),
      let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex
    else { return false }
    let key = line[line.startIndex..<colon]
    let after = line.index(after: colon)
    return !key.contains(0x20)
      && (after == line.endIndex || line[after] == 0x20 || line[after] == 0x09)
  }

  /// Blank, indented, a list item or a comment: what may follow a key in front matter.
  static func isYAMLContinuation(_ line: ArraySlice<UInt8>) -> Bool {
    guard let first = line.first else { return true }
    return first == 0x20 || first == 0x09 || first == UInt8(ascii: "-")
      || first == UInt8(ascii: "#")
  }

  static func isBlank(_ line: some Collection<UInt8>) -> Bool {
    line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
  }

  static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var end = line.endIndex
    while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
    return line[line.startIndex..<end]
  }
}
