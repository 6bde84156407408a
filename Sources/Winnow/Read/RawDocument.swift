/// Where an article came from: the input file and, for files that hold many
/// articles (JSON Lines, TSV), the 1-based line of its record.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The path as the user named it (input argument joined with the path inside it).
  public var path: String
  /// 1-based line of the record, or nil when the whole file is one article.
  public var line: Int?

  public init(path: String, line: Int? = nil) {
    self.path = path
    self.line = line
  }

  public var description: String { line.map { "\(path):\($0)" } ?? path }
}

/// The container format of an input, found by sniffing its content.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
  case text
  case markdown
  case html
  case jsonl
  case tsv
}

/// The character encoding an input was decoded from.
public enum TextEncoding: String, Sendable, Hashable, Codable, CaseIterable {
  case utf8 = "UTF-8"
  case utf8BOM = "UTF-8-BOM"
  case utf16LE = "UTF-16LE"
  case utf16BE = "UTF-16BE"
  case gb18030 = "GB18030"
  case big5 = "BIG5"
}

/// One article as the Read stage found it: decoded text plus the record's own
/// fields, before any markup is interpreted.
public struct RawDocument: Sendable {
  /// Stable id: the record's id field, else derived from path and position.
  public var id: String
  public var location: SourceLocation
  public var format: InputFormat
  public var encoding: TextEncoding
  /// True when the file was gzip-compressed.
  public var compressed: Bool
  /// The article's text: the whole file for text, Markdown and HTML; the text
  /// field for JSON Lines and TSV records.
  public var content: String
  /// Named fields of a record (title, url, date, label, ...), empty for whole files.
  public var fields: [String: String]
  /// Bytes this article took in its input (after decompression).
  public var byteCount: Int

  public init(
    id: String, location: SourceLocation, format: InputFormat, encoding: TextEncoding,
    compressed: Bool, content: String, fields: [String: String] = [:], byteCount: Int
  ) {
    self.id = id
    self.location = location
    self.format = format
    self.encoding = encoding
    self.compressed = compressed
    self.content = content
    self.fields = fields
    self.byteCount = byteCount
  }
}

/// Input that could not become a document: a file that cannot be opened or
/// decoded, or a record that does not parse. It still gets an id so that it
/// lands in the rejected output.
public struct ReadFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
  public var id: String
  public var location: SourceLocation
  public var message: String
  /// The undecodable or unparsable input, as far as it could be turned into text.
  public var content: String
  public var byteCount: Int
  /// Known for a broken record of a file that was otherwise read; nil when the file itself failed.
  public var format: InputFormat?
  public var encoding: TextEncoding?

  public init(
    id: String, location: SourceLocation, message: String, content: String = "", byteCount: Int = 0
  ) {
    self.id = id
    self.location = location
    self.message = message
    self.content = content
    self.byteCount = byteCount
  }

  public var description: String { "\(location): \(message)" }
}

/// What reading yields for each article-sized piece of input, in input order.
public enum ReadResult: Sendable {
  case document(RawDocument)
  case failure(ReadFailure)
}
