/// Markdown (CommonMark-ish, line by line) to blocks.
///
/// ATX (`# …`) and Setext (underlined) headings become headings, list items
/// list items, table rows table cells; paragraphs run to a blank line and
/// their lines are joined as the `SpacePolicy` says (no space inside Chinese
/// text). Fenced code is kept as text, a block per line. Inline markup is
/// handled by `MarkdownInline`. Nested structure (lists in quotes, ...) is
/// flattened: extraction only needs the text and its kind.
struct MarkdownParser {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var blocks: [Block] = []
  private var text: BlockText
  private var kind = BlockKind.paragraph
  /// The open code fence: its marker byte (backtick or tilde) and length.
  private var fence: (marker: UInt8, length: Int)?

  /// The blocks of the Markdown in `bytes`.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, policy: SpacePolicy) -> [Block] {
    var parser = MarkdownParser(bytes: bytes, text: BlockText(policy: policy, capacity: 1024))
    var index = 0
    while index < bytes.count {
      let line = ByteLines.line(in: bytes, from: index, end: bytes.count)
      parser.read(line.content)
      index = line.next
    }
    parser.flush()
    return parser.blocks
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, text: BlockText) {
    self.bytes = bytes
    self.text = text
  }

  private mutating func read(_ line: Range<Int>) {
    if fence != nil {
      readCode(line)
      return
    }
    let content = ByteLines.trimmed(bytes, line)
    if content.isEmpty {
      flush()
    } else if let opened = MarkdownSyntax.fenceOpening(bytes, content) {
      flush()
      fence = opened
    } else if let heading = MarkdownSyntax.atxHeadingText(bytes, content) {
      emit(.heading, heading)
    } else if MarkdownSyntax.isSetextUnderline(bytes, content) && !text.isEmpty
      && kind == .paragraph
    {
      kind = .heading
      flush()
    } else if MarkdownSyntax.isThematicBreak(bytes, content) {
      flush()
    } else if let quoted = MarkdownSyntax.blockquoteContent(bytes, content) {
      read(quoted)
    } else {
      readLeaf(content)
    }
  }

  /// A list item, a table row, a link reference definition or a paragraph line.
  private mutating func readLeaf(_ content: Range<Int>) {
    if let item = MarkdownSyntax.listItemText(bytes, content) {
      flush()
      kind = .listItem
      MarkdownInline.render(bytes, item, into: &text)
    } else if bytes[content.lowerBound] == UInt8(ascii: "|") {
      flush()
      readTableRow(content)
    } else if !MarkdownSyntax.isReferenceDefinition(bytes, content) {
      text.appendLineBreak()
      MarkdownInline.render(bytes, content, into: &text)
    }
  }

  /// A line inside a code fence: the closing fence, or a line of literal text.
  private mutating func readCode(_ line: Range<Int>) {
    let content = ByteLines.trimmed(bytes, line)
    if let fence,
      MarkdownSyntax.closesFence(bytes, content, marker: fence.marker, length: fence.length)
    {
      self.fence = nil
      return
    }
    var index = line.lowerBound
    while index < line.upperBound {
      let (value, next) = UTF8Decoding.scalar(in: bytes, at: index)
      text.append(value)
      index = next
    }
    flush()
  }

  /// `| a | b |`: one table cell block per non-empty cell; delimiter rows are skipped.
  private mutating func readTableRow(_ content: Range<Int>) {
    let cells = MarkdownSyntax.tableCells(bytes, content)
    guard !cells.allSatisfy({ MarkdownSyntax.isTableDelimiter(bytes, $0) }) else { return }
    for cell in cells {
      emit(.tableCell, cell)
    }
  }

  /// One whole block of `kind` from the inline content `range`.
  private mutating func emit(_ kind: BlockKind, _ range: Range<Int>) {
    flush()
    self.kind = kind
    MarkdownInline.render(bytes, range, into: &text)
    flush()
  }

  private mutating func flush() {
    if let string = text.take() { blocks.append(Block(kind, string)) }
    kind = .paragraph
  }
}
