/// A kept article as the write stage hands it to the commit stage for the history.
extension KeptArticle: WorkCodable {
  static let kind = "kept"

  /// The kept `record` with its fingerprint, band keys cut by `keys`' bands.
  init(_ record: CorpusRecord, _ print: Fingerprint, _ keys: Deduplicator) {
    self.init(
      id: record.id,
      site: BoilerplateCounts.site(metadata: record.metadata, location: record.location),
      date: record.metadata.date, contentHash: print.contentHash, shingleCount: print.shingleCount,
      signature: print.signature, bandKeys: keys.bandKeys(of: print.signature))
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    let id = try reader.read(String.self)
    let site = try reader.read(String.self)
    let date = try reader.read(String?.self)
    let print = try reader.read(Fingerprint.self)
    self.init(
      id: id, site: site, date: date, contentHash: print.contentHash,
      shingleCount: print.shingleCount, signature: print.signature,
      bandKeys: try reader.readFixedArray())
  }

  func encode(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(site)
    writer.write(date)
    writer.write(
      Fingerprint(contentHash: contentHash, signature: signature, shingleCount: shingleCount))
    writer.writeFixedArray(bandKeys)
  }
}
