/// Gopher's repetition signals adapted to text without spaces.
///
/// Rae et al. 2021 ("Scaling Language Models: Methods, Analysis & Insights from Training
/// Gopher", Appendix A.1.1, Table A1) remove documents where the most frequent word n-gram
/// (n = 2, 3, 4) covers more than 20 %, 18 %, 16 % of the characters, or where the duplicated
/// word n-grams (n = 5 … 10) cover more than 15 % … 10 %. Chinese has no spaces, so here a
/// token is one CJK character or one run of other letters and digits (a Latin word or a
/// number): Chinese is measured in characters, English still in words. Shares are of the
/// characters of all tokens (punctuation and spaces are not tokens).
///
/// - `topShares[n - 2]`: characters in all occurrences of the most frequent n-gram that
///   occurs at least twice (0 when none does), n = 2 … 4; at most 1.
/// - `duplicateShares[n - 5]`: characters in n-grams that repeat an earlier n-gram,
///   overlapping occurrences counted once, n = 5 … 10. A text carried twice scores 0.5;
///   the first occurrence is not counted, so the share is the part of the text that is
///   redundant.
///
/// An n-gram can repeat only where its (n − 1)-gram prefix repeats, so each n after the
/// first visits only the positions whose shorter n-gram occurred twice: in news text that
/// is a small fraction, and the cost of n = 3 … 10 together stays below that of n = 2.
///
/// - Complexity: O(t) expected for t tokens, with flat arrays and one hash table.
struct Repetition {
  static let topRange = 2...4
  static let duplicateRange = 5...10

  private(set) var topShares = [Double](repeating: 0, count: topRange.count)
  private(set) var duplicateShares = [Double](repeating: 0, count: duplicateRange.count)

  init() {}

  /// `hashes[i]` and `lengths[i]` are the hash and character count of token `i`.
  init(hashes: [UInt64], lengths: [Int32]) {
    let count = hashes.count
    guard count >= 2 else { return }
    var prefix = [Int](repeating: 0, count: count + 1)
    for i in 0..<count { prefix[i + 1] = prefix[i] + Int(lengths[i]) }
    var grams = hashes
    var positions = [Int32](repeating: 0, count: count)
    for i in 0..<count { positions[i] = Int32(i) }
    var slots = [Int32](repeating: 0, count: count)
    var table = NgramTable(capacity: count)
    grams.withUnsafeMutableBufferPointer { grams in
      positions.withUnsafeMutableBufferPointer { positions in
        slots.withUnsafeMutableBufferPointer { slots in
          prefix.withUnsafeBufferPointer { prefix in
            hashes.withUnsafeBufferPointer { hashes in
              let scratch = NgramScratch(
                hashes: hashes, grams: grams, positions: positions, slots: slots, prefix: prefix)
              measureAll(scratch, &table)
            }
          }
        }
      }
    }
  }

  /// Runs n = 2 … 10, each on the positions whose shorter n-gram repeated.
  private mutating func measureAll(_ s: NgramScratch, _ table: inout NgramTable) {
    let count = s.hashes.count
    var live = count
    for n in 2...Self.duplicateRange.upperBound {
      while live > 0, Int(s.positions[live - 1]) + n > count { live -= 1 }
      if live == 0 { break }
      for k in 0..<live {
        let p = Int(s.positions[k])
        s.grams[p] = HashMix.mix(s.grams[p] &+ s.hashes[p + n - 1])
      }
      live = measure(n: n, s, live: live, &table)
    }
  }

  /// Counts the n-grams at `positions[..<live]`, records the shares for `n`, and keeps in
  /// `positions` (returning how many) those whose n-gram occurs more than once.
  private mutating func measure(n: Int, _ s: NgramScratch, live: Int, _ table: inout NgramTable)
    -> Int
  {
    table.clear(capacity: live)
    var duplicated = 0
    var coveredEnd = 0
    var best = (count: Int32(1), first: 0)
    for k in 0..<live {
      let p = Int(s.positions[k])
      let seen = table.insert(s.grams[p])
      s.slots[k] = Int32(truncatingIfNeeded: seen.slot)
      // Every occurrence of an n-gram spans the same characters, so the latest one serves.
      if seen.count > best.count { best = (seen.count, p) }
      if seen.count > 1, p + n > coveredEnd {
        duplicated += s.prefix[p + n] - s.prefix[max(p, coveredEnd)]
        coveredEnd = p + n
      }
    }
    record(n: n, total: s.prefix[s.prefix.count - 1], duplicated: duplicated, best: best, s)
    // Without a branch: whether a position stays is as good as random to the CPU.
    var kept = 0
    for k in 0..<live {
      s.positions[kept] = s.positions[k]
      kept += table.count(at: Int(s.slots[k])) > 1 ? 1 : 0
    }
    return kept
  }

  private mutating func record(
    n: Int, total: Int, duplicated: Int, best: (count: Int32, first: Int), _ s: NgramScratch
  ) {
    let total = Double(max(total, 1))
    if Self.topRange.contains(n), best.count > 1 {
      let span = s.prefix[best.first + n] - s.prefix[best.first]
      topShares[n - Self.topRange.lowerBound] = min(Double(span) * Double(best.count) / total, 1)
    }
    if Self.duplicateRange.contains(n) {
      duplicateShares[n - Self.duplicateRange.lowerBound] = Double(duplicated) / total
    }
  }
}

/// The working arrays of one text, borrowed for the duration of the measurement.
private struct NgramScratch {
  let hashes: UnsafeBufferPointer<UInt64>
  /// The hash of the n-gram starting at each position, extended by one token per n.
  let grams: UnsafeMutableBufferPointer<UInt64>
  /// Positions still in play (their (n − 1)-gram repeated), ascending.
  let positions: UnsafeMutableBufferPointer<Int32>
  let slots: UnsafeMutableBufferPointer<Int32>
  /// `prefix[i]`: characters in tokens `0..<i`.
  let prefix: UnsafeBufferPointer<Int>
}
