/// Sets of character n-gram hashes of normalized text, for telling near-equal
/// blocks apart from different ones (two copies of a paragraph that differ in
/// punctuation width or a few characters share most of their n-grams).
///
/// Small n (3) because blocks are short: with 5-grams a single changed
/// character already removes five of a 40-character block's shingles.
///
/// - Complexity: O(n log n) to build, O(n) to compare (sorted arrays).
struct Shingles: Sendable {
  /// Sorted, distinct n-gram hashes.
  let values: [UInt64]

  init(_ key: [UInt32], size: Int = 3) {
    guard key.count >= size else {
      values = key.isEmpty ? [] : [BlockHash.of(key)]
      return
    }
    var hashes: [UInt64] = []
    hashes.reserveCapacity(key.count - size + 1)
    for start in 0...(key.count - size) {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for offset in 0..<size {
        hash = (hash ^ UInt64(key[start + offset])) &* 0x0000_0100_0000_01b3
      }
      hashes.append(hash)
    }
    hashes.sort()
    var distinct: [UInt64] = []
    distinct.reserveCapacity(hashes.count)
    for hash in hashes where distinct.last != hash { distinct.append(hash) }
    values = distinct
  }

  /// Jaccard similarity of the two sets (1 for two empty sets).
  func jaccard(_ other: Shingles) -> Double {
    if values.isEmpty && other.values.isEmpty { return 1 }
    let shared = sharedCount(other)
    return Double(shared) / Double(values.count + other.values.count - shared)
  }

  /// The share of these shingles that are also in `other` (how much of this text it holds).
  func containment(in other: Shingles) -> Double {
    values.isEmpty ? 0 : Double(sharedCount(other)) / Double(values.count)
  }

  private func sharedCount(_ other: Shingles) -> Int {
    let a = values
    let b = other.values
    var i = 0
    var j = 0
    var shared = 0
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        shared += 1
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return shared
  }

  /// Whether the sizes alone allow a Jaccard similarity of at least `threshold`.
  func couldReach(_ threshold: Double, with other: Shingles) -> Bool {
    let small = Double(min(values.count, other.values.count))
    let large = Double(max(values.count, other.values.count))
    return large == 0 || small / large >= threshold
  }
}
