// Work file codecs of a cleaned article and of the first pass's result. Fields are
// written in declaration order; a change here bumps `workCodecVersion`.

extension RemovedBlock: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(index)
    writer.write(block)
    writer.write(rule)
    writer.write(pattern)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(
      index: try reader.read(), block: try reader.read(), rule: try reader.read(),
      pattern: try reader.read())
  }
}

/// `body` is not stored: the initializer joins it from the kept blocks, as it did when
/// the article was cleaned.
extension Cleaned: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(article)
    writer.write(removed)
    writer.writeFixedArray(hashes)
    writer.write(indices)
    writer.write(headline)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(
      article: try reader.read(), removed: try reader.read(), hashes: try reader.readFixedArray(),
      indices: try reader.read(), headline: try reader.read())
  }
}

/// A tag byte (0 decided, 1 cleaned), then the case's values.
extension FirstPass: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    switch self {
    case .decided(let processed):
      writer.writeByte(0)
      writer.write(processed)
    case .cleaned(let cleaned, let site, let units):
      writer.writeByte(1)
      writer.write(cleaned)
      writer.write(site)
      writer.writeFixedArray(units)
    }
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    switch try reader.readByte() {
    case 0:
      self = .decided(try reader.read())
    case 1:
      self = .cleaned(
        try reader.read(), site: try reader.read(), units: try reader.readFixedArray())
    case let tag:
      throw reader.invalid("FirstPass tag \(tag)")
    }
  }
}
