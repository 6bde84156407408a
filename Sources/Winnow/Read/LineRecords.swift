/// What the articles and failures of one input file have in common, and how
/// they are built, so that every result of the file is labelled alike.
struct RecordSource {
  var file: InputFile
  var format: InputFormat
  var encoding: TextEncoding
  var compressed: Bool

  func document(line: Int?, id: String?, content: String, fields: [String: String], byteCount: Int)
    -> ReadResult
  {
    .document(
      RawDocument(
        id: id ?? DocumentID.derived(relativePath: file.relativePath, line: line),
        location: SourceLocation(path: file.path, line: line), format: format, encoding: encoding,
        compressed: compressed, content: content, fields: fields, byteCount: byteCount))
  }

  /// A failure of the whole file (`line` nil) or of one record; a record's
  /// failure carries the file's format and encoding, which are known by then.
  func failure(line: Int?, message: String, content: String = "", byteCount: Int = 0) -> ReadResult
  {
    var failure = ReadFailure(
      id: DocumentID.derived(relativePath: file.relativePath, line: line),
      location: SourceLocation(path: file.path, line: line), message: message, content: content,
      byteCount: byteCount)
    if line != nil {
      failure.format = format
      failure.encoding = encoding
    }
    return .failure(failure)
  }
}

/// Turns the lines of a JSON Lines or TSV file into documents and failures.
/// Blank lines are skipped: they are not articles, and not errors either.
struct LineRecords {
  let source: RecordSource
  let config: ReadConfig
  /// Converts each line to UTF-8 first; nil when the file is UTF-8 already.
  let decoder: LegacyDecoder?
  private let tsv: TSVRecords

  init(source: RecordSource, config: ReadConfig, decoder: LegacyDecoder?) {
    self.source = source
    self.config = config
    self.decoder = decoder
    tsv = TSVRecords(columns: config.tsvColumns)
  }

  /// The result for one line, or nil for a blank line or a TSV header.
  func result(for line: SplitLine) -> ReadResult? {
    switch line {
    case .oversized(let number, _, let size):
      let limit = config.maxArticleBytes
      return source.failure(
        line: number,
        message: "the record is \(size) bytes, over read.max_article_bytes = \(limit)",
        byteCount: size)
    case .text(let number, let offset, let bytes):
      if HeadLines.isBlank(bytes) { return nil }
      guard let decoder else {
        return record(bytes, number: number, offset: offset, size: bytes.count)
      }
      switch decoder.decode(bytes) {
      case .invalid(let at):
        return encodingFailure(bytes, number: number, offset: offset, at: at)
      case .decoded(let utf8):
        return utf8.withUnsafeBytes {
          record($0, number: number, offset: offset, size: bytes.count)
        }
      }
    }
  }

  /// Parses a line that is (meant to be) UTF-8. `size` is the line's size in the file.
  private func record(_ bytes: UnsafeRawBufferPointer, number: Int, offset: Int, size: Int)
    -> ReadResult?
  {
    let parsed: Result<Record?, RecordError> =
      switch source.format {
      case .tsv: tsv.make(bytes, number: number)
      default: JSONLinesRecord.make(bytes, names: config.jsonl).map { $0 }
      }
    switch parsed {
    case .success(nil):
      return nil
    case .success(let record?):
      return source.document(
        line: number, id: record.id, content: record.content, fields: record.fields, byteCount: size
      )
    case .failure(let error):
      if let at = UTF8Check.firstInvalid(bytes) {
        return encodingFailure(bytes, number: number, offset: offset, at: at)
      }
      return source.failure(
        line: number, message: error.message,
        content: String(decoding: bytes, as: UTF8.self), byteCount: size)
    }
  }

  /// "not valid UTF-8: byte 0xFF at offset 1234 (byte 17 of the line)"; the location names the line.
  private func encodingFailure(_ bytes: UnsafeRawBufferPointer, number: Int, offset: Int, at: Int)
    -> ReadResult
  {
    let byte = at < bytes.count ? TextDecoder.hexByte(bytes[at]) : "end of line"
    let how =
      decoder == nil
      ? "UTF-8" : "\(source.encoding.rawValue), the encoding of the file's first 64 KiB"
    return source.failure(
      line: number,
      message:
        "not valid \(how): byte \(byte) at offset \(offset + at) (byte \(at + 1) of the line)",
      content: String(decoding: bytes, as: UTF8.self), byteCount: bytes.count)
  }
}
