/// MinHash signatures of shingle sets, and the Jaccard estimate between two.
///
/// Broder, "On the resemblance and containment of documents" (1997): for a
/// random permutation π of the hash space, P[min π(A) = min π(B)] = |A ∩ B| / |A ∪ B|.
/// Permutation i is h_i(x) = (a_i · x + b_i) mod 2^64 with a_i odd (a bijection),
/// a_i and b_i drawn from a seeded splitmix64; the signature keeps the top 32
/// bits of each minimum (the well-mixed bits of a multiply-add). Taking the
/// minimum of the full 64-bit values and truncating afterwards gives the same
/// result as truncating each value first.
///
/// The inner loop runs over the permutations with 8 shingles held in
/// registers: one load and one store of each running minimum per 8 shingles,
/// so the loop is bound by the multiplier, not by memory.
///
/// - Complexity: O(s · k) time for s distinct shingles and k permutations;
///   O(k) memory besides the signature.
struct MinHasher: Sendable {
  /// The value of every signature position for a body without shingles.
  static let emptyValue = UInt32.max

  private let multipliers: [UInt64]
  private let increments: [UInt64]

  /// Signature values per set.
  var length: Int { multipliers.count }

  init(length: Int, seed: UInt64) {
    precondition(length >= 1, "a signature has at least one value")
    var generator = SplitMix64(seed: seed)
    var multipliers: [UInt64] = []
    var increments: [UInt64] = []
    for _ in 0..<length {
      multipliers.append(generator.next() | 1)
      increments.append(generator.next())
    }
    self.multipliers = multipliers
    self.increments = increments
  }

  /// The MinHash signature of the set of `hashes` (repeats do not change it);
  /// all `emptyValue` when `hashes` is empty.
  func signature(of hashes: UnsafeBufferPointer<UInt64>) -> [UInt32] {
    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: length) { minima in
      minima.initialize(repeating: .max)
      multipliers.withUnsafeBufferPointer { a in
        increments.withUnsafeBufferPointer { b in
          var j = 0
          while j + 8 <= hashes.count {
            Self.absorb8(hashes, at: j, a, b, minima)
            j += 8
          }
          while j < hashes.count {
            Self.absorb(hashes[j], a, b, minima)
            j += 1
          }
        }
      }
      return minima.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }
  }

  /// Folds one shingle hash into the running minima.
  @inline(__always)
  private static func absorb(
    _ x: UInt64, _ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>,
    _ minima: UnsafeMutableBufferPointer<UInt64>
  ) {
    for i in 0..<minima.count {
      minima[i] = Swift.min(minima[i], a[i] &* x &+ b[i])
    }
  }

  /// Folds the eight shingle hashes `x[j..<j + 8]` into the running minima.
  @inline(__always)
  private static func absorb8(
    _ x: UnsafeBufferPointer<UInt64>, at j: Int, _ a: UnsafeBufferPointer<UInt64>,
    _ b: UnsafeBufferPointer<UInt64>, _ minima: UnsafeMutableBufferPointer<UInt64>
  ) {
    let (x0, x1, x2, x3) = (x[j], x[j + 1], x[j + 2], x[j + 3])
    let (x4, x5, x6, x7) = (x[j + 4], x[j + 5], x[j + 6], x[j + 7])
    for i in 0..<minima.count {
      let ai = a[i]
      let bi = b[i]
      let low = Swift.min(
        Swift.min(ai &* x0 &+ bi, ai &* x1 &+ bi), Swift.min(ai &* x2 &+ bi, ai &* x3 &+ bi))
      let high = Swift.min(
        Swift.min(ai &* x4 &+ bi, ai &* x5 &+ bi), Swift.min(ai &* x6 &+ bi, ai &* x7 &+ bi))
      minima[i] = Swift.min(minima[i], Swift.min(low, high))
    }
  }

  /// Estimated Jaccard similarity: the fraction of positions where the two
  /// signatures agree. Positions where both hold `emptyValue` (bodies without
  /// shingles) are left out, so two empty bodies score 0, not 1.
  ///
  /// - Complexity: O(k).
  static func estimatedJaccard(_ lhs: [UInt32], _ rhs: [UInt32]) -> Double {
    let count = Swift.min(lhs.count, rhs.count)
    var equal = 0
    var bothEmpty = 0
    for i in 0..<count where lhs[i] == rhs[i] {
      equal += 1
      if lhs[i] == emptyValue { bothEmpty += 1 }
    }
    let compared = count - bothEmpty
    return compared == 0 ? 0 : Double(equal - bothEmpty) / Double(compared)
  }
}
