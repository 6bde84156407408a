/// Finds pairs where a shorter article may lie inside a longer one: a short
/// repost of part of an article, whose Jaccard similarity is too low for LSH.
///
/// Broder's mod-m sampling ("On the resemblance and containment of documents",
/// 1997): keep the shingles whose hash is 0 modulo m. Sampling by value, not by
/// position, means a set's sample is the sample of its superset restricted to
/// it, so if A ⊆ B then sample(A) ⊆ sample(B) and the share of A's samples found
/// in B estimates the containment of A in B. Pairs that share at least half the
/// samples the threshold asks for become candidates; `PairVerifier` checks them exactly.
///
/// - Complexity: O(s log s) for s samples in all, plus the pairs of each posting
///   list; a sample held by more than `maxPosting` articles (a stock phrase) is skipped.
struct ContainmentIndex {
  let config: DedupConfig
  /// Articles beyond this many on one sample make it a stock phrase, not evidence.
  let maxPosting = 64

  /// The sampled shingles of one article's set.
  func samples(of set: ShingleSet) -> [UInt64] {
    let modulus = UInt64(config.containmentSampling)
    return set.hashes.filter { ($0 >> 32) % modulus == 0 }
  }

  /// Candidate pairs among the items of `samples` (item index → its samples;
  /// the caller leaves out articles under `containment_min_shingles`), sorted and distinct.
  func candidatePairs(_ samples: [Int: [UInt64]]) -> [IndexPair] {
    var entries: [(sample: UInt64, item: UInt32)] = []
    var sampleCount: [Int: Int] = [:]
    for (member, drawn) in samples {
      sampleCount[member] = drawn.count
      entries += drawn.map { ($0, UInt32(truncatingIfNeeded: member)) }
    }
    entries.sort { ($0.sample, $0.item) < ($1.sample, $1.item) }
    var shared = postingPairs(entries)
    shared.sort()
    return countedPairs(shared) { pair, count in
      let smaller = min(sampleCount[pair.first] ?? 0, sampleCount[pair.second] ?? 0)
      return Double(count) >= max(2, 0.5 * config.containmentThreshold * Double(smaller))
    }
  }

  /// One pair per two articles on the same sample, for every sample not over `maxPosting`.
  private func postingPairs(_ entries: [(sample: UInt64, item: UInt32)]) -> [IndexPair] {
    var pairs: [IndexPair] = []
    var start = 0
    while start < entries.count {
      var end = start + 1
      while end < entries.count && entries[end].sample == entries[start].sample { end += 1 }
      if end - start <= maxPosting {
        for p in start..<end {
          for q in (p + 1)..<end { pairs.append(IndexPair(entries[p].item, entries[q].item)) }
        }
      }
      start = end
    }
    return pairs
  }

  /// The distinct pairs of sorted `pairs` whose number of occurrences satisfies `keep`.
  private func countedPairs(_ pairs: [IndexPair], keep: (IndexPair, Int) -> Bool) -> [IndexPair] {
    var kept: [IndexPair] = []
    var start = 0
    while start < pairs.count {
      var end = start + 1
      while end < pairs.count && pairs[end] == pairs[start] { end += 1 }
      if keep(pairs[start], end - start) { kept.append(pairs[start]) }
      start = end
    }
    return kept
  }
}
