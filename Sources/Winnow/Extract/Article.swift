/// The kind of a text block, from the markup that held it.
public enum BlockKind: String, Sendable, Hashable, Codable, CaseIterable {
  case heading
  case paragraph
  case caption
  case listItem = "list_item"
  case tableCell = "table_cell"
}

/// One unit of text: a paragraph, a heading, a caption... The unit that
/// cleaning keeps or removes.
public struct Block: Sendable, Hashable, Codable {
  public var kind: BlockKind
  /// The text with its original characters; whitespace runs folded, trimmed.
  public var text: String

  public init(_ kind: BlockKind, _ text: String) {
    self.kind = kind
    self.text = text
  }
}

/// What is known about an article apart from its body.
public struct Metadata: Sendable, Hashable, Codable {
  public var title: String?
  public var url: String?
  public var date: String?
  public var author: String?
  public var categories: [String]
  public var site: String?
  /// Other named fields worth keeping (a TSV label, a JSON field), sorted by name on output.
  public var extra: [String: String]

  public init(
    title: String? = nil, url: String? = nil, date: String? = nil, author: String? = nil,
    categories: [String] = [], site: String? = nil, extra: [String: String] = [:]
  ) {
    self.title = title
    self.url = url
    self.date = date
    self.author = author
    self.categories = categories
    self.site = site
    self.extra = extra
  }
}

/// An article after extraction: metadata and text blocks in reading order.
public struct Article: Sendable, Equatable {
  public var id: String
  public var location: SourceLocation
  public var format: InputFormat
  public var encoding: TextEncoding
  public var compressed: Bool
  public var metadata: Metadata
  public var blocks: [Block]
  public var byteCount: Int

  public init(
    id: String, location: SourceLocation, format: InputFormat, encoding: TextEncoding,
    compressed: Bool, metadata: Metadata, blocks: [Block], byteCount: Int
  ) {
    self.id = id
    self.location = location
    self.format = format
    self.encoding = encoding
    self.compressed = compressed
    self.metadata = metadata
    self.blocks = blocks
    self.byteCount = byteCount
  }
}
