// Work file codecs of an extracted article and its parts. Fields are written in
// declaration order; a change here bumps `workCodecVersion`.

extension InputFormat: WorkTagged {
  static let workTags: [InputFormat] = [.text, .markdown, .html, .jsonl, .tsv]
}

extension TextEncoding: WorkTagged {
  static let workTags: [TextEncoding] = [.utf8, .utf8BOM, .utf16LE, .utf16BE, .gb18030, .big5]
}

extension BlockKind: WorkTagged {
  static let workTags: [BlockKind] = [.heading, .paragraph, .caption, .listItem, .tableCell]
}

extension SourceLocation: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(path)
    writer.write(line)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(path: try reader.read(), line: try reader.read())
  }
}

extension Block: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(kind)
    writer.write(text)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(try reader.read(), try reader.read())
  }
}

/// `extra` goes sorted by key (the `Dictionary` codec), so equal metadata gives equal bytes.
extension Metadata: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(title)
    writer.write(url)
    writer.write(date)
    writer.write(author)
    writer.write(categories)
    writer.write(site)
    writer.write(extra)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(
      title: try reader.read(), url: try reader.read(), date: try reader.read(),
      author: try reader.read(), categories: try reader.read(), site: try reader.read(),
      extra: try reader.read())
  }
}

extension Article: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(location)
    writer.write(format)
    writer.write(encoding)
    writer.write(compressed)
    writer.write(metadata)
    writer.write(blocks)
    writer.write(byteCount)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(
      id: try reader.read(), location: try reader.read(), format: try reader.read(),
      encoding: try reader.read(), compressed: try reader.read(), metadata: try reader.read(),
      blocks: try reader.read(), byteCount: try reader.read())
  }
}
