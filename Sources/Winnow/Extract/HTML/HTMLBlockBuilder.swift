/// Builds blocks and metadata from HTML tokens: a small stand-in for the
/// browser's tree construction that keeps only what text extraction needs.
///
/// Only block-level and skipped elements are tracked, on a stack of open
/// elements; inline elements never split text. End tags close up to the
/// matching open element (a stray end tag is ignored) and start tags close
/// what browsers close implicitly (`<p>` before a block, `<li>` before the
/// next `<li>`, ...), so unclosed tags nest the way a browser shows them.
///
/// Usage: `HTMLBlockBuilder.parse(bytes, policy: .dropBetweenCJK, captionMaxChars: 80)`.
struct HTMLBlockBuilder {
  private let bytes: UnsafeBufferPointer<UInt8>
  private let captions: CaptionRule
  private var blocks: [Block] = []
  private var metadata = HTMLMetadata()
  private var text: BlockText
  private var open: [OpenElement] = []
  /// Open skipped elements (`head`, `nav`, `svg`, ...): text is dropped while positive.
  private var skipDepth = 0
  /// Open `pre` elements: line breaks end blocks while positive.
  private var preDepth = 0
  /// The last token was a `<title>` start tag, so the raw text that follows is the title.
  private var expectingTitle = false
  /// The current block holds an image.
  private var sawImage = false
  /// The last element that ended held nothing but images: the next paragraph may be its caption.
  private var followsImage = false

  private struct OpenElement {
    var name: String
    var role: HTMLElementRole
  }

  /// Blocks and page metadata of the HTML in `bytes`.
  static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, policy: SpacePolicy, captionMaxChars: Int
  ) -> (blocks: [Block], metadata: HTMLMetadata) {
    var builder = HTMLBlockBuilder(bytes: bytes, policy: policy, captionMaxChars: captionMaxChars)
    var tokenizer = HTMLTokenizer(bytes)
    while let token = tokenizer.next() {
      builder.consume(token)
    }
    builder.flush(closing: true)
    return (builder.blocks, builder.metadata)
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, policy: SpacePolicy, captionMaxChars: Int) {
    self.bytes = bytes
    self.captions = CaptionRule(maxChars: captionMaxChars)
    self.text = BlockText(policy: policy, capacity: 1024)
  }

  private mutating func consume(_ token: HTMLToken) {
    let titleFollows = expectingTitle
    expectingTitle = false
    switch token {
    case .text(let range): appendText(range, decodingReferences: true)
    case .cdata(let range): appendText(range, decodingReferences: false)
    case .rawText(let range): if titleFollows { readTitle(range) }
    case .startTag(let tag): start(tag)
    case .endTag(let name): end(name)
    case .comment: break
    }
  }
}

extension HTMLBlockBuilder {
  private mutating func start(_ tag: HTMLTag) {
    let role = self.role(of: tag.name)
    if open.last?.role == .head && !HTMLElementRole.headContent.contains(tag.name) {
      pop(to: open.count - 1)
    }
    switch role {
    case .inline, .ignored: break
    case .lineBreak, .separator: flush(closing: false)
    case .image: if skipDepth == 0 { sawImage = true }
    case .metadata: metadata.read(tag, in: bytes)
    case .title: expectingTitle = metadata.titleElement == nil && !isInForeignContent
    case .block, .preformatted, .skipped, .head: open(tag, role: role)
    }
  }

  /// Opens a tracked element, closing first what its start tag implicitly closes.
  private mutating func open(_ tag: HTMLTag, role: HTMLElementRole) {
    if case .skipped(_, true) = role, skipDepth == 0 { sawImage = true }
    if role.endsBlock {
      closeImplicitly(before: tag.name, role: role)
      flush(closing: false)
    }
    guard !tag.selfClosing else { return }
    open.append(OpenElement(name: tag.name, role: role))
    if case .skipped = role { skipDepth += 1 }
    if role == .head { skipDepth += 1 }
    if role == .preformatted { preDepth += 1 }
  }

  /// The role of an element here: a `form` right under `body` wraps the whole
  /// page (ASP.NET WebForms pages do this), so it is kept as a container.
  private func role(of name: String) -> HTMLElementRole {
    let role = HTMLElementRole.of(name)
    if name == "form" && open.contains(where: { $0.name == "body" })
      && open.allSatisfy({ $0.name == "html" || $0.name == "body" })
    {
      return .block(.paragraph)
    }
    return role
  }

  private var isInForeignContent: Bool {
    open.contains { $0.name == "svg" || $0.name == "math" }
  }

  private mutating func end(_ name: String) {
    let role = HTMLElementRole.of(name)
    if role == .lineBreak {
      flush(closing: false)  // browsers read </br> as <br>
      return
    }
    guard role.isOpened else { return }
    if let index = open.lastIndex(where: { $0.name == name }) {
      pop(to: index)
    } else if name == "p" {
      flush(closing: false)  // a stray </p> makes an empty paragraph: still a break
    }
  }
}

extension HTMLBlockBuilder {
  /// What browsers close when a block starts: list items, table cells and rows
  /// before their next sibling, a heading before a heading, an open `<p>` before any block.
  private mutating func closeImplicitly(before name: String, role: HTMLElementRole) {
    switch name {
    case "li": closeOpen(["li"], within: ["ul", "ol", "menu", "dir", "table"])
    case "dt", "dd": closeOpen(["dt", "dd"], within: ["dl", "table"])
    case "td", "th": closeOpen(["td", "th"], within: ["tr", "table"])
    case "tr": closeOpen(["tr"], within: ["table"])
    case "tbody", "thead", "tfoot": closeOpen(["tbody", "thead", "tfoot"], within: ["table"])
    default: break
    }
    if open.last?.name == "p" || (role == .block(.heading) && open.last?.role == .block(.heading)) {
      pop(to: open.count - 1)
    }
  }

  /// Pops to the innermost element named in `names`, unless one named in `boundaries` is nearer.
  private mutating func closeOpen(_ names: Set<String>, within boundaries: Set<String>) {
    for index in open.indices.reversed() {
      if names.contains(open[index].name) {
        pop(to: index)
        return
      }
      if boundaries.contains(open[index].name) { return }
    }
  }

  /// Closes the open element at `index` and everything opened after it; the
  /// current block ends only if one of them is block-level (not a `button`).
  private mutating func pop(to index: Int) {
    if open[index...].contains(where: { $0.role.endsBlock }) { flush(closing: true) }
    while open.count > index, let element = open.popLast() {
      if case .skipped = element.role { skipDepth -= 1 }
      if element.role == .head { skipDepth -= 1 }
      if element.role == .preformatted { preDepth -= 1 }
    }
  }
}

extension HTMLBlockBuilder {
  /// Adds character data to the current block (dropped inside skipped elements).
  private mutating func appendText(_ range: Range<Int>, decodingReferences: Bool) {
    guard skipDepth == 0 || leavesHead(range) else { return }
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte >= 0x80 {
        let (value, next) = UTF8Decoding.scalar(in: bytes, at: index)
        text.append(value)
        index = next
      } else if byte == UInt8(ascii: "&") && decodingReferences,
        let reference = CharacterReference.decode(
          bytes, at: index, end: range.upperBound, inAttribute: false)
      {
        text.append(reference.value)
        index = reference.next
      } else {
        if byte == 0x0A && preDepth > 0 { flush(closing: false) }
        text.append(UInt32(byte))
        index += 1
      }
    }
  }

  /// Visible text while `head` is the innermost open element ends `head`, as in browsers.
  private mutating func leavesHead(_ range: Range<Int>) -> Bool {
    guard open.last?.role == .head, skipDepth == 1 else { return false }
    guard range.contains(where: { !UTF8Decoding.isASCIISpace(bytes[$0]) }) else { return false }
    pop(to: open.count - 1)
    return true
  }

  private mutating func readTitle(_ range: Range<Int>) {
    var title = BlockText(policy: text.policy)
    var index = range.lowerBound
    while index < range.upperBound {
      if bytes[index] == UInt8(ascii: "&"),
        let reference = CharacterReference.decode(
          bytes, at: index, end: range.upperBound, inAttribute: false)
      {
        title.append(reference.value)
        index = reference.next
      } else {
        let (value, next) = UTF8Decoding.scalar(in: bytes, at: index)
        title.append(value)
        index = next
      }
    }
    metadata.titleElement = title.take()
  }
}

extension HTMLBlockBuilder {
  /// Ends the current block. `closing` says an element ended here (not a
  /// `<br>` or the start of a nested block): only then does an image-only
  /// block make the next short paragraph a caption.
  private mutating func flush(closing: Bool) {
    let hadImage = sawImage
    sawImage = false
    let length = text.scalarCount
    guard let string = text.take() else {
      if closing && hadImage { followsImage = true }
      return
    }
    var kind = currentKind
    if followsImage && kind == .paragraph && captions.isCaption(string, length: length) {
      kind = .caption
    }
    followsImage = false
    blocks.append(Block(kind, string))
  }

  /// The kind of the innermost open block; a paragraph inside a `figure` is a caption.
  private var currentKind: BlockKind {
    var kind: BlockKind?
    for element in open.reversed() {
      switch element.role {
      case .block(let elementKind) where kind == nil: kind = elementKind
      case .preformatted where kind == nil: kind = .paragraph
      default: break
      }
      if kind == .paragraph && element.name == "figure" { return .caption }
      if let kind, kind != .paragraph { return kind }
    }
    return kind ?? .paragraph
  }
}
