/// What the dedup stages need of one article, one entry per article of a shard
/// in input order: enough to match it, to name keepers and find repeated ids, and
/// to read the article back (its offset in the shard's articles file, and the
/// checksum its record is checked against when read back by that offset).
struct PrintEntry: Sendable, WorkCodable {
  static let kind = "prints"
  /// A 128-bit hash of the id: equal ids, equal hashes (repeated ids are rejected).
  var idHash: ContentHash
  /// The id itself: clusters name their keeper by it. Read back from the prints
  /// (about a seventh of the articles file's size) rather than from the article, and
  /// not kept in memory once loaded.
  var id: String
  /// Rejected before dedup (unreadable, failed quality…): never matched.
  var rejected: Bool
  var fingerprint: Fingerprint?
  /// Length of the clean body in Unicode scalars (`QualitySignals.chars`).
  var bodyLength: Int
  /// Where the article starts in the shard's articles file.
  var offset = 0
  /// CRC-32 of the article's record: the dedup stages read a few records back by offset,
  /// and check each rather than the whole file (12 GB for a 10 GB run).
  var articleCRC: UInt32 = 0

  init(_ article: ProcessedArticle) {
    idHash = Self.hash(article.record.id)
    id = article.record.id
    rejected = article.isRejected
    fingerprint = article.fingerprint
    bodyLength = article.record.quality?.chars ?? 0
  }

  init(from input: inout BinaryReader) throws(WorkFileError) {
    idHash = ContentHash(high: try input.readFixed(), low: try input.readFixed())
    id = try input.readString()
    rejected = try input.read(Bool.self)
    bodyLength = try input.read(Int.self)
    offset = try input.read(Int.self)
    articleCRC = try input.readFixed()
    fingerprint = try input.read(Fingerprint?.self)
  }

  func encode(to out: inout BinaryWriter) {
    out.writeFixed(idHash.high)
    out.writeFixed(idHash.low)
    out.writeString(id)
    out.write(rejected)
    out.write(bodyLength)
    out.write(offset)
    out.writeFixed(articleCRC)
    out.write(fingerprint)
  }

  /// Two independent 64-bit hashes of the id's UTF-8 bytes, eight bytes per word.
  static func hash(_ id: String) -> ContentHash {
    var high = HashMix.mix(0x6964_6869)
    var low = HashMix.mix(0x6964_6c6f)
    var word: UInt64 = 0
    var filled = 0
    for byte in id.utf8 {
      word |= UInt64(byte) << (8 * UInt64(filled))
      filled += 1
      if filled == 8 {
        high = HashMix.mix(high ^ word)
        low = HashMix.mix(low &+ word)
        (word, filled) = (0, 0)
      }
    }
    let last = word ^ UInt64(id.utf8.count) << 56
    return ContentHash(high: HashMix.mix(high ^ last), low: HashMix.mix(low &+ last))
  }
}
