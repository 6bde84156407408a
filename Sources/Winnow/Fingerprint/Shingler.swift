/// Cuts normalized text into character n-grams and hashes each to 64 bits,
/// keeping every distinct hash once.
///
/// Character shingles ("w-shingling", Broder, "On the resemblance and
/// containment of documents", 1997) suit Chinese, which has no spaces to cut
/// words at. MinHash estimates the Jaccard similarity of shingle *sets*, so
/// repeats are dropped here: that also spares the MinHasher the work for a
/// body that repeats itself.
///
/// - Complexity: O(n · k) time for n scalars and shingle size k (k/3 mixes per
///   shingle, then one hash-set probe), O(n) memory.
struct Shingler: Sendable {
  /// Scalars per shingle.
  let size: Int
  let seed: UInt64

  init(size: Int, seed: UInt64) {
    precondition(size >= 1, "a shingle has at least one scalar")
    self.size = size
    self.seed = seed
  }

  /// The hash of every shingle of `scalars`, in order, repeats included.
  /// Text shorter than a shingle is one shingle of the whole; empty text has none.
  func hashes(of scalars: UnsafeBufferPointer<UInt32>) -> [UInt64] {
    guard let base = scalars.baseAddress, !scalars.isEmpty else { return [] }
    let width = Swift.min(size, scalars.count)
    let count = scalars.count - width + 1
    return [UInt64](unsafeUninitializedCapacity: count) { hashes, initialized in
      for i in 0..<count {
        hashes[i] = HashMix.hash(base + i, count: width, seed: seed)
      }
      initialized = count
    }
  }

  /// The distinct shingle hashes of `scalars`, in order of first occurrence.
  func distinctHashes(of scalars: UnsafeBufferPointer<UInt32>) -> [UInt64] {
    var all = hashes(of: scalars)
    Self.keepDistinct(&all)
    return all
  }

  /// Drops repeated values from `values`, keeping the first of each in order.
  static func keepDistinct(_ values: inout [UInt64]) {
    let distinct = values.withUnsafeMutableBufferPointer { compactDistinct($0) }
    values.removeSubrange(distinct...)
  }

  /// Moves the distinct values of `values` to its front, in order of first
  /// occurrence, and returns how many there are.
  ///
  /// An open-addressing set (linear probing, at most half full) instead of
  /// sort + unique: the values are already uniform hashes, so their low bits
  /// index the table directly and the pass is linear. 0 marks an empty slot,
  /// so a hash that is 0 is tracked apart.
  static func compactDistinct(_ values: UnsafeMutableBufferPointer<UInt64>) -> Int {
    var capacity = 16
    while capacity < 2 * values.count { capacity <<= 1 }
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { table in
      table.initialize(repeating: 0)
      let mask = capacity - 1
      var distinct = 0
      var sawZero = false
      for j in values.indices {
        let value = values[j]
        var isNew = false
        if value == 0 {
          isNew = !sawZero
          sawZero = true
        } else {
          var slot = Int(truncatingIfNeeded: value) & mask
          while table[slot] != 0 && table[slot] != value { slot = (slot + 1) & mask }
          isNew = table[slot] == 0
          table[slot] = value
        }
        if isNew {
          values[distinct] = value
          distinct += 1
        }
      }
      return distinct
    }
  }
}
