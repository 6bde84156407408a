/// Articles kept by earlier runs, as dedup needs them in memory: content
/// hashes and LSH band keys (8 bytes per band), and nothing else. Their
/// identities and signatures are fetched only for the few that a new article
/// collides with (`EarlierArticle`), so a history of a million articles costs
/// about 160 bytes each in memory, not their 512-byte signatures.
public struct EarlierIndex: Sendable {
  /// The history's row number of each article: how details are fetched.
  public var rows: [Int64] = []
  public var contentHashes: [ContentHash] = []
  /// `bands` keys per article, article after article.
  public var bandKeys: [UInt64] = []
  public let bands: Int

  public init(bands: Int) {
    self.bands = bands
  }

  public var count: Int { rows.count }

  /// Appends an article whose key for band b is `key(b)`: lets a reader copy keys
  /// straight from where they are stored, without an array per article.
  public mutating func append(row: Int64, contentHash: ContentHash, key: (Int) -> UInt64) {
    rows.append(row)
    contentHashes.append(contentHash)
    for band in 0..<bands { bandKeys.append(key(band)) }
  }
}

/// One earlier article that a new article may duplicate: who it is, and its signature.
public struct EarlierArticle: Sendable, Equatable {
  public var row: Int64
  public var id: String
  public var runId: String
  /// When its run added it to the history (ISO 8601): the earliest is kept.
  public var addedAt: String
  public var signature: [UInt32]

  public init(row: Int64, id: String, runId: String, addedAt: String, signature: [UInt32]) {
    self.row = row
    self.id = id
    self.runId = runId
    self.addedAt = addedAt
    self.signature = signature
  }
}

/// Which version survives when a new article duplicates an earlier one.
public enum KeeperPolicy: String, Sendable, Equatable, Codable, CaseIterable {
  /// The earlier article stays the one kept; the new copy is rejected.
  case earliest
  /// The new article is kept and replaces the earlier one in the history.
  case newest
}

/// The new-earlier pairs that share a content hash or a band key.
struct EarlierCandidates {
  /// (new item, earlier position) pairs that are identical by content hash.
  var identical: [(item: Int, earlier: Int)] = []
  /// (new item, earlier position) pairs sharing a band key, identical ones left out.
  var banded: [(item: Int, earlier: Int)] = []

  /// Collides the new `members` with every earlier article. New keys go into one
  /// sorted array with an open-addressing table over it (band keys are seeded by
  /// band, so one table serves all bands), and each earlier key probes it once.
  ///
  /// - Complexity: O(m · b · log(m · b)) to build for m new articles and b bands,
  ///   O(e · b) probes for e earlier ones.
  init(members: [Int], items: [DedupItem], earlier: EarlierIndex, keys: (Int, Int) -> UInt64) {
    var newByHash: [ContentHash: [Int]] = [:]
    for member in members {
      newByHash[items[member].fingerprint.contentHash, default: []].append(member)
    }
    var entries: [(key: UInt64, item: Int32)] = []
    entries.reserveCapacity(members.count * earlier.bands)
    for member in members {
      for band in 0..<earlier.bands { entries.append((keys(member, band), Int32(member))) }
    }
    entries.sort { ($0.key, $0.item) < ($1.key, $1.item) }
    let table = KeyTable(sortedKeys: entries.map(\.key))
    var seen = Set<Int64>()
    for position in 0..<earlier.count {
      if let copies = newByHash[earlier.contentHashes[position]] {
        identical += copies.map { ($0, position) }
        continue
      }
      for band in 0..<earlier.bands {
        for slot in table.range(of: earlier.bandKeys[position * earlier.bands + band]) {
          let item = Int(entries[slot].item)
          if seen.insert(Int64(item) << 32 | Int64(position)).inserted {
            banded.append((item, position))
          }
        }
      }
    }
  }
}

/// Where each distinct key starts in a sorted key array: an open-addressing
/// table (linear probing, at most half full) indexed by the key's low bits,
/// which are uniform because band keys are hashes.
///
/// Almost every probe misses (a million earlier articles, eighteen keys each,
/// against a night's new ones), and a miss in a table of tens of MB is a cache
/// miss. A bitmap of the keys' high bits (16 bits per key, a few MB, 6 % false
/// hits) answers most misses first from cache.
struct KeyTable {
  private var slots: [(key: UInt64, start: Int32, end: Int32)]
  private let mask: Int
  private var filter: BitArray
  private let filterShift: UInt64

  init(sortedKeys: [UInt64]) {
    var capacity = 16
    while capacity < 2 * sortedKeys.count { capacity <<= 1 }
    mask = capacity - 1
    slots = Array(repeating: (0, -1, -1), count: capacity)
    var filterBits = 64
    while filterBits < 16 * sortedKeys.count { filterBits <<= 1 }
    filterShift = UInt64(64 - filterBits.trailingZeroBitCount)
    filter = BitArray(count: filterBits)
    for key in sortedKeys { filter.insert(Int(key >> filterShift)) }
    var start = 0
    while start < sortedKeys.count {
      var end = start + 1
      while end < sortedKeys.count && sortedKeys[end] == sortedKeys[start] { end += 1 }
      var slot = Int(truncatingIfNeeded: sortedKeys[start]) & mask
      while slots[slot].start >= 0 { slot = (slot + 1) & mask }
      slots[slot] = (sortedKeys[start], Int32(start), Int32(end))
      start = end
    }
  }

  /// The positions in the sorted array that hold `key` (empty when none does).
  func range(of key: UInt64) -> Range<Int> {
    guard filter.contains(Int(key >> filterShift)) else { return 0..<0 }
    var slot = Int(truncatingIfNeeded: key) & mask
    while slots[slot].start >= 0 {
      if slots[slot].key == key { return Int(slots[slot].start)..<Int(slots[slot].end) }
      slot = (slot + 1) & mask
    }
    return 0..<0
  }
}
