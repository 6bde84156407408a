/// Finds candidate pairs by LSH banding: items whose signatures agree on
/// every row of at least one band.
///
/// Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3.4. Each
/// band's `rows` values are hashed to a 64-bit key; sorting (key, item) pairs
/// per band (`sortedByKey`) puts each bucket's items next to each other in index order, so
/// the output does not depend on hashing order. Candidates are only that:
/// the deduplicator verifies each on the full signatures.
///
/// A bucket of m items yields all m(m − 1)/2 pairs while m ≤ `window` + 1.
/// Beyond that each item is paired with the `window` items after it: a bucket
/// that large is a family of near-identical texts, which those pairs already
/// connect, and all pairs would grow quadratically.
///
/// - Complexity: O(b · (n + p)) expected time for b bands, n items and p
///   candidate pairs; O(n + p) memory (one band's entries at a time per thread).
struct BandIndex {
  let parameters: LSHParameters
  /// Most following items one item is paired with inside a bucket.
  let window: Int

  /// One item in one band: the band's key and the item's index.
  struct Entry: Comparable {
    var key: UInt64
    var item: UInt32

    static func < (lhs: Entry, rhs: Entry) -> Bool {
      (lhs.key, lhs.item) < (rhs.key, rhs.item)
    }
  }

  /// The distinct candidate pairs among `members` (item indices, ascending) that
  /// `bands` propose, sorted, the bands taken on up to `jobs` threads. A pair belongs
  /// to the first band in which its keys agree (whether or not `window` let that band
  /// pair them), so the bands' pairs are disjoint, and so are any shards' of the bands.
  func candidatePairs(
    _ keys: ItemSignatures, among members: [Int], bands: some Sequence<Int>, jobs: Int = 1
  ) -> [IndexPair] {
    let bands = Array(bands)
    let perBand = ConcurrentMap.map(Array(bands.indices), jobs: jobs) { [self] i in
      ownedPairs(keys, among: members, band: bands[i])
    }
    return perBand.reduce(into: []) { $0 += $1 }.sorted()
  }

  /// The pairs `band` proposes that no earlier band's keys join.
  private func ownedPairs(_ keys: ItemSignatures, among members: [Int], band: Int) -> [IndexPair] {
    let entries = Self.sortedByKey(
      members.map { member in
        Entry(key: keys.key(member, band: band), item: UInt32(truncatingIfNeeded: member))
      })
    return bucketPairs(entries).filter { pair in
      !(0..<band).contains { earlier in
        keys.key(pair.first, band: earlier) == keys.key(pair.second, band: earlier)
      }
    }
  }

  /// `entries`, given in item order, in (key, item) order. The keys are hashes, so their
  /// top bits spread the entries evenly: one stable counting pass on those bits leaves
  /// buckets of a few entries each, sorted where they hold more than one. Two passes over
  /// the entries instead of a comparison sort's log n: for 2.8 million articles the
  /// bands' sorting was most of the collide stage.
  static func sortedByKey(_ entries: [Entry]) -> [Entry] {
    let bits = min(16, max(1, Int.bitWidth - entries.count.leadingZeroBitCount - 2))
    let shift = UInt64(UInt64.bitWidth - bits)
    var starts = [Int](repeating: 0, count: (1 << bits) + 1)
    for entry in entries { starts[Int(entry.key >> shift) + 1] += 1 }
    for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
    var next = starts
    var sorted = [Entry](repeating: Entry(key: 0, item: 0), count: entries.count)
    for entry in entries {
      let bucket = Int(entry.key >> shift)
      sorted[next[bucket]] = entry
      next[bucket] += 1
    }
    for bucket in 0..<(1 << bits) where starts[bucket + 1] - starts[bucket] > 1 {
      sorted[starts[bucket]..<starts[bucket + 1]].sort()
    }
    return sorted
  }

  /// The pairs within each run of equal keys of sorted `entries`, sorted and distinct.
  private func bucketPairs(_ entries: [Entry]) -> [IndexPair] {
    var pairs: [IndexPair] = []
    var start = 0
    while start < entries.count {
      var end = start + 1
      while end < entries.count && entries[end].key == entries[start].key { end += 1 }
      for p in start..<end {
        for q in (p + 1)..<min(end, p + 1 + window) {
          pairs.append(IndexPair(entries[p].item, entries[q].item))
        }
      }
      start = end
    }
    pairs.sort()
    return pairs
  }

  /// The signature's key in every band, in band order.
  func keys(of signature: [UInt32]) -> [UInt64] {
    (0..<parameters.bands).map { key(of: signature, band: $0) }
  }

  /// The key of `signature`'s band number `band`: its `rows` values, two per
  /// word, absorbed into a hash seeded by the band number.
  func key(of signature: [UInt32], band: Int) -> UInt64 {
    let start = band * parameters.rows
    let end = start + parameters.rows
    var state = HashMix.mix(UInt64(truncatingIfNeeded: band) &+ 0x4241_4E44)
    var i = start
    while i < end {
      var word = UInt64(signature[i])
      if i + 1 < end { word |= UInt64(signature[i + 1]) << 32 }
      state = HashMix.mix(state ^ word)
      i += 2
    }
    return state
  }
}

/// Two item indices, the smaller first, packed in one word so that sorting
/// and merging lists of pairs is sorting and merging integers.
struct IndexPair: Hashable, Comparable {
  private let packed: UInt64

  init(_ a: UInt32, _ b: UInt32) {
    packed = UInt64(min(a, b)) << 32 | UInt64(max(a, b))
  }

  var first: Int { Int(packed >> 32) }
  var second: Int { Int(packed & 0xFFFF_FFFF) }

  static func < (lhs: IndexPair, rhs: IndexPair) -> Bool { lhs.packed < rhs.packed }

  /// The sorted union, without repeats, of two sorted lists of distinct pairs.
  static func mergeDistinct(_ a: [IndexPair], _ b: [IndexPair]) -> [IndexPair] {
    if a.isEmpty { return b }
    var merged: [IndexPair] = []
    merged.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      let next: IndexPair
      if j == b.count || (i < a.count && a[i] <= b[j]) {
        next = a[i]
        i += 1
      } else {
        next = b[j]
        j += 1
      }
      if merged.last != next { merged.append(next) }
    }
    return merged
  }
}
