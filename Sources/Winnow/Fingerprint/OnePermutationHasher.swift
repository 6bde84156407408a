/// One-permutation hashing with optimal densification: a signature of the same
/// shape as `MinHasher`'s from one hash per shingle instead of one per
/// shingle and permutation.
///
/// Li, Owen & Zhang, "One Permutation Hashing" (NIPS 2012): hash every element
/// once, split the hash space into k bins by the high bits, and keep the
/// minimum of the remaining bits in each bin. Two sets agree in a non-empty
/// bin with probability J, but a set with few elements leaves bins empty.
/// Shrivastava, "Optimal Densification for Fast and Accurate Minwise Hashing"
/// (ICML 2017) fills each empty bin j from the first non-empty bin of a
/// seeded probe sequence that depends only on j (never on the set), so two
/// sets fill the same empty bin from the same place. With that, for every
/// position j, P[sig_j(A) = sig_j(B)] = J (Shrivastava 2017, Theorem 3.1):
/// the fraction of equal positions stays an unbiased estimate of Jaccard
/// similarity, and LSH banding and verification work unchanged.
///
/// Values are 32 bits like MinHash's; the bin comes from the top bits by
/// multiply-shift range reduction, so any signature length is allowed.
///
/// - Complexity: O(s + k) expected time for s distinct shingles and k bins
///   (densification probes about k/m times for a set filling m bins); O(k) memory.
struct OnePermutationHasher: Sendable {
  /// The value of every signature position for a body without shingles.
  static let emptyValue = MinHasher.emptyValue
  /// Probes of the seeded sequence before falling back to a scan from j
  /// (rotation densification, Shrivastava & Li 2014: still the same rule for
  /// every set, so still unbiased). It keeps densification finite; with 128
  /// bins and one non-empty one, 4096 misses happen with probability e^-32.
  static let maxProbes = 4096

  /// Signature values per set (bins).
  let length: Int
  private let seed: UInt64
  private let probeSeed: UInt64

  init(length: Int, seed: UInt64) {
    precondition(length >= 1, "a signature has at least one value")
    self.length = length
    self.seed = HashMix.derive(seed, purpose: 1)
    probeSeed = HashMix.derive(seed, purpose: 2)
  }

  /// The signature of the set of `hashes` (repeats do not change it); all
  /// `emptyValue` when `hashes` is empty.
  func signature(of hashes: UnsafeBufferPointer<UInt64>) -> [UInt32] {
    guard !hashes.isEmpty else { return [UInt32](repeating: Self.emptyValue, count: length) }
    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: length) { bins in
      bins.initialize(repeating: .max)
      let k = UInt64(length)
      for x in hashes {
        let h = HashMix.mix(x ^ seed)
        let bin = Int(truncatingIfNeeded: ((h >> 32) &* k) >> 32)
        bins[bin] = Swift.min(bins[bin], h & 0xFFFF_FFFF)
      }
      return densified(bins)
    }
  }

  /// The signature of `bins` (empty bins hold `UInt64.max`, at least one is
  /// not empty), each empty bin filled by optimal densification.
  private func densified(_ bins: UnsafeMutableBufferPointer<UInt64>) -> [UInt32] {
    [UInt32](unsafeUninitializedCapacity: bins.count) { values, initialized in
      for j in bins.indices {
        let source = bins[j] == .max ? donor(of: j, in: bins) : j
        values[j] = UInt32(truncatingIfNeeded: bins[source])
      }
      initialized = bins.count
    }
  }

  /// The bin whose value empty bin `j` takes: the first non-empty bin of j's
  /// probe sequence, a splitmix64 stream seeded by mix(probeSeed ^ j), which
  /// depends only on j, never on the set.
  private func donor(of j: Int, in bins: UnsafeMutableBufferPointer<UInt64>) -> Int {
    let k = UInt64(bins.count)
    let base = HashMix.mix(probeSeed ^ UInt64(j))
    for attempt in 1...UInt64(Self.maxProbes) {
      let probe = HashMix.mix(base &+ attempt &* 0x9E37_79B9_7F4A_7C15)
      let candidate = Int(truncatingIfNeeded: ((probe >> 32) &* k) >> 32)
      if bins[candidate] != .max { return candidate }
    }
    let offset = bins.indices.first { bins[($0 + j) % bins.count] != .max } ?? 0
    return (j + offset) % bins.count
  }
}
