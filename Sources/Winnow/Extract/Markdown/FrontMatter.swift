import Yams

/// The YAML block between `---` lines that opens feed-exported Markdown
/// (Hexo and Jekyll style), and the metadata it holds.
///
/// Feed exports may start with blank lines before the opening `---`; the
/// block ends at the next `---` or `...` line. Without a closing line there is
/// no front matter: a lone `---` is a Markdown thematic break.
struct FrontMatter {
  /// The YAML text, as a byte range of the document.
  var yaml: Range<Int>
  /// The 1-based document line on which the YAML text starts (for error positions).
  var firstLine: Int
  /// Where the body after the closing line starts.
  var bodyStart: Int

  /// Finds the front matter at the start of `bytes`, if there is one.
  static func locate(in bytes: UnsafeBufferPointer<UInt8>) -> FrontMatter? {
    let end = bytes.count
    var index = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    var lineNumber = 1
    var opening = ByteLines.line(in: bytes, from: index, end: end)
    while ByteLines.trimmed(bytes, opening.content).isEmpty && opening.next < end {
      index = opening.next
      lineNumber += 1
      opening = ByteLines.line(in: bytes, from: index, end: end)
    }
    guard isDelimiter(bytes, opening.content, allowDots: false) else { return nil }
    var cursor = opening.next
    while cursor < end {
      let line = ByteLines.line(in: bytes, from: cursor, end: end)
      if isDelimiter(bytes, line.content, allowDots: true) {
        return FrontMatter(
          yaml: opening.next..<cursor, firstLine: lineNumber + 1, bodyStart: line.next)
      }
      cursor = line.next
    }
    return nil
  }

  /// `---` (or, closing, `...`) with nothing but trailing whitespace.
  private static func isDelimiter(
    _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, allowDots: Bool
  ) -> Bool {
    let content = ByteLines.trimmed(bytes, line)
    guard content.lowerBound == line.lowerBound else { return false }
    return ByteLines.equals(bytes, content, "---")
      || (allowDots && ByteLines.equals(bytes, content, "..."))
  }
}

extension FrontMatter {
  /// The metadata in the YAML text `yaml`, which starts on document line `firstLine`.
  ///
  /// - Throws: `ExtractFailure` when the YAML does not parse (with Yams'
  ///   line and column) or is not a mapping of keys to values.
  static func metadata(yaml: String, firstLine: Int) throws(ExtractFailure) -> Metadata {
    let node: Node?
    do {
      // Every value is read as text, so tags need no resolving: the basic
      // resolver skips the default one's regular expressions, and naming the
      // encoding skips Yams' lookup of it in the environment. Both cost more
      // than the rest of a document's extraction.
      node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
    } catch {
      throw invalid(error, firstLine: firstLine)
    }
    guard let node else { return Metadata() }
    guard let mapping = node.mapping else {
      throw ExtractFailure(
        message:
          "invalid front matter: YAML starting at line \(firstLine) is not a mapping of keys to values"
      )
    }
    return FrontMatterFields(mapping).metadata
  }

  /// The failure for a Yams error, with its position in the front matter and in the document.
  private static func invalid(_ error: any Error, firstLine: Int) -> ExtractFailure {
    let position: (problem: String, mark: Mark?)
    switch error as? YamlError {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      position = (problem, mark)
    case .duplicatedKeysInMapping(let duplicates, let context):
      position = ("duplicate keys " + duplicates.joined(separator: ", "), context.mark)
    case .reader(let problem, _, _, _):
      position = (problem, nil)
    default:
      position = ("\(error)", nil)
    }
    guard let mark = position.mark else {
      return ExtractFailure(message: "invalid YAML front matter: \(position.problem)")
    }
    let line = firstLine + mark.line - 1
    return ExtractFailure(
      message: "invalid YAML front matter at line \(mark.line), column \(mark.column) "
        + "(document line \(line)): \(position.problem)")
  }
}
