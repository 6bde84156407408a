/// An article's distinct shingle hashes: what exact verification and
/// containment compare, recomputed from the text only for the articles that
/// need it (signatures are all dedup keeps for every article).
public struct ShingleSet: Sendable, Equatable {
  /// Distinct 64-bit shingle hashes, in order of first occurrence.
  public let hashes: [UInt64]

  /// `hashes` must be distinct.
  public init(distinct hashes: [UInt64]) {
    self.hashes = hashes
  }

  public var count: Int { hashes.count }

  /// How many hashes the two sets share. The smaller set goes into an
  /// open-addressing table (linear probing, at most half full; the values are
  /// uniform hashes, so their low bits index it) and the larger probes it:
  /// linear time and no sorting (sorting each set once and merging made the
  /// dedup stage twice as slow on the harness in Benchmarks/dedup.sh).
  ///
  /// - Complexity: O(m + n).
  public func sharedCount(with other: ShingleSet) -> Int {
    let (small, large) = count <= other.count ? (hashes, other.hashes) : (other.hashes, hashes)
    guard !small.isEmpty else { return 0 }
    var capacity = 16
    while capacity < 2 * small.count { capacity <<= 1 }
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { table in
      table.initialize(repeating: 0)
      let mask = capacity - 1
      var holdsZero = false
      for value in small {
        if value == 0 {
          holdsZero = true
          continue
        }
        var slot = Int(truncatingIfNeeded: value) & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = value
      }
      var shared = 0
      for value in large {
        if value == 0 {
          if holdsZero { shared += 1 }
          continue
        }
        var slot = Int(truncatingIfNeeded: value) & mask
        while table[slot] != 0 && table[slot] != value { slot = (slot + 1) & mask }
        if table[slot] == value { shared += 1 }
      }
      return shared
    }
  }

  /// Jaccard similarity |A ∩ B| / |A ∪ B|; 0 when both are empty.
  public func jaccard(_ other: ShingleSet) -> Double {
    let shared = sharedCount(with: other)
    let union = count + other.count - shared
    return union == 0 ? 0 : Double(shared) / Double(union)
  }

  /// Containment of the smaller set in the larger: |A ∩ B| / min(|A|, |B|); 0 when one is empty.
  public func containment(_ other: ShingleSet) -> Double {
    let smaller = Swift.min(count, other.count)
    return smaller == 0 ? 0 : Double(sharedCount(with: other)) / Double(smaller)
  }
}
