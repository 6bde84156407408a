/// How the Read stage finds articles in files.
public struct ReadConfig: Sendable, Equatable, Codable {
  /// Field names of a JSON Lines record.
  public struct JSONFields: Sendable, Equatable, Codable {
    public var text = "text"
    public var title = "title"
    public var url = "url"
    public var date = "date"
    public var id = "id"

    public init() {}
  }

  public var jsonl = JSONFields()
  /// Column names of a TSV line, in order; the column named `text` is the body.
  public var tsvColumns = ["label", "text"]
  /// A whole-file article or a record larger than this is rejected unread.
  public var maxArticleBytes = 16 << 20
  /// Consecutive input files are grouped into pieces of at least this many bytes, and an
  /// uncompressed JSON Lines or TSV file of twice this or more is cut at line ends into
  /// pieces of about this size: the unit a sharded run hands to a shard, and where the
  /// output's gzip members restart (docs/stages.md). Smaller pieces spread small inputs
  /// over more shards.
  public var pieceBytes = 4 << 20

  public init() {}

  enum CodingKeys: String, CodingKey {
    case jsonl
    case tsvColumns = "tsv_columns"
    case maxArticleBytes = "max_article_bytes"
    case pieceBytes = "piece_bytes"
  }

  func validate() throws(ConfigError) {
    for (key, value) in [
      ("text", jsonl.text), ("title", jsonl.title), ("url", jsonl.url), ("date", jsonl.date),
      ("id", jsonl.id),
    ] {
      try Check.nonEmpty(value, key: "read.jsonl.\(key)")
    }
    guard tsvColumns.contains("text") else {
      throw .invalidValue(key: "read.tsv_columns", message: "must name a column 'text'")
    }
    try Check.range(maxArticleBytes, 1024...(1 << 30), key: "read.max_article_bytes")
    try Check.range(pieceBytes, 1...(1 << 40), key: "read.piece_bytes")
  }
}
