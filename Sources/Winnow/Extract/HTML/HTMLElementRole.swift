/// What an element does to the text around it, which is all block extraction
/// needs to know about HTML's element catalogue.
enum HTMLElementRole: Equatable, Sendable {
  /// Text flows through (`a`, `span`, `strong`, `font`, and every unknown name).
  case inline
  /// Starts and ends a block; text directly inside becomes a block of this kind.
  case block(BlockKind)
  /// `pre`: a block whose line breaks are kept, each line its own block.
  case preformatted
  /// `br`: ends the current line, which becomes a block of the same kind.
  case lineBreak
  /// `hr`: ends the current block.
  case separator
  /// `img`: not text (`alt` and `title` are not read), but a block right after
  /// an image-only element may be its caption.
  case image
  /// Content that is not article text: navigation, forms, embedded media.
  /// `block` says whether it also ends the current block; `media` whether it counts as an image.
  case skipped(block: Bool, media: Bool)
  /// `head`: skipped, except for the metadata elements inside it.
  case head
  /// `title`: its raw text is the document title.
  case title
  /// `meta` and `link`: read for metadata.
  case metadata
  /// Raw-text and void elements whose content (if any) the tokenizer already set aside.
  case ignored

  /// The role of the element with the lower-cased tag name `name`.
  static func of(_ name: String) -> HTMLElementRole {
    roles[name] ?? .inline
  }

  private static let roles: [String: HTMLElementRole] = {
    var table: [String: HTMLElementRole] = [:]
    let paragraphs = [
      "p", "div", "section", "article", "main", "body", "html", "header", "blockquote", "center",
      "address", "dl", "dt", "dd", "details", "summary", "dialog", "fieldset", "legend", "hgroup",
      "ul", "ol", "menu", "dir", "table", "tbody", "thead", "tfoot", "tr", "search",
    ]
    for name in paragraphs { table[name] = .block(.paragraph) }
    for name in ["h1", "h2", "h3", "h4", "h5", "h6"] { table[name] = .block(.heading) }
    table["li"] = .block(.listItem)
    for name in ["td", "th"] { table[name] = .block(.tableCell) }
    for name in ["figcaption", "caption", "figure"] { table[name] = .block(.caption) }
    for name in ["pre", "listing", "plaintext"] { table[name] = .preformatted }
    for name in ["nav", "footer", "aside", "form"] {
      table[name] = .skipped(block: true, media: false)
    }
    for name in ["button", "select", "svg", "math", "object", "canvas", "map", "datalist"] {
      table[name] = .skipped(block: false, media: false)
    }
    for name in ["video", "audio"] { table[name] = .skipped(block: false, media: true) }
    let ignored = [
      "script", "style", "noscript", "template", "textarea", "iframe", "xmp", "noembed", "noframes",
      "area", "base", "col", "embed", "input", "param", "source", "track", "wbr", "keygen",
    ]
    for name in ignored { table[name] = .ignored }
    table["br"] = .lineBreak
    table["hr"] = .separator
    table["img"] = .image
    table["head"] = .head
    table["title"] = .title
    table["meta"] = .metadata
    table["link"] = .metadata
    return table
  }()

  /// Elements that may stand in `head`; any other start tag ends it, as in browsers.
  static let headContent: Set<String> = [
    "title", "meta", "link", "style", "script", "noscript", "template", "base", "head",
  ]

  /// Whether the element sits on the open-element stack (inline and void ones do not).
  var isOpened: Bool {
    switch self {
    case .block, .preformatted, .skipped, .head: true
    default: false
    }
  }

  /// Whether opening the element ends the block before it.
  var endsBlock: Bool {
    switch self {
    case .block, .preformatted, .separator, .head: true
    case .skipped(let block, _): block
    default: false
    }
  }
}
