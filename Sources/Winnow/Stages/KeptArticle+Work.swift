/// A kept article as the write stage hands it to the commit stage for the history.
extension KeptArticle {
  static let kind = "kept"

  /// The kept `record` with its fingerprint, band keys cut by `keys`' bands.
  init(_ record: CorpusRecord, _ print: Fingerprint, _ keys: Deduplicator) {
    self.init(
      id: record.id,
      site: BoilerplateCounts.site(metadata: record.metadata, location: record.location),
      date: record.metadata.date, contentHash: print.contentHash, shingleCount: print.shingleCount,
      signature: print.signature, bandKeys: keys.bandKeys(of: print.signature))
  }

  init(from input: inout BinaryReader) throws {
    let id = try input.read(String.self)
    let site = try input.read(String.self)
    let date = try input.read(Bool.self) ? try input.read(String.self) : nil
    let print = try Fingerprint(from: &input)
    let count = try input.read(Int.self)
    var keys: [UInt64] = []
    keys.reserveCapacity(count)
    for _ in 0..<count { keys.append(try input.read(UInt64.self)) }
    self.init(
      id: id, site: site, date: date, contentHash: print.contentHash,
      shingleCount: print.shingleCount, signature: print.signature, bandKeys: keys)
  }

  func encoded() -> [UInt8] {
    var out = BinaryWriter()
    out.write(id)
    out.write(site)
    out.write(date != nil)
    if let date { out.write(date) }
    Fingerprint(contentHash: contentHash, signature: signature, shingleCount: shingleCount)
      .encode(to: &out)
    out.write(bandKeys.count)
    for key in bandKeys { out.write(key) }
    return out.bytes
  }
}
