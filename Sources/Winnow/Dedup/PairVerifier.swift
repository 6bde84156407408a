/// A pair of articles found to be duplicates, and on what evidence.
public struct VerifiedPair: Sendable, Equatable, Comparable {
  public var first: Int
  public var second: Int
  /// Jaccard similarity: exact unless `measure` is `.estimated`.
  public var similarity: Double
  /// How the pair was decided: identical content hashes, exact Jaccard, the
  /// signature estimate alone, or containment.
  public var measure: DuplicateCluster.Measure

  /// By the two items: pairs sort the same whichever shard found them.
  public static func < (a: VerifiedPair, b: VerifiedPair) -> Bool {
    (a.first, a.second) < (b.first, b.second)
  }
}

/// Decides which candidate pairs are duplicates, cheapest test first, and counts
/// what each test removed (the report shows the funnel).
///
/// 1. Signature: the fraction of equal signature positions estimates Jaccard. A pair
///    that can be checked exactly needs only `threshold − signature_margin` here;
///    one that cannot (no text, or over `exact_max_shingles`) needs the threshold.
/// 2. Exact: the shingle sets are recomputed from the text, in batches of at most
///    `exact_batch_shingles` hashes so memory stays bounded, and compared by merge.
///    The size bound comes first: J ≤ min(|A|, |B|) / max(|A|, |B|).
///
/// Containment candidates skip step 1 (their Jaccard is low by nature) and pass
/// step 2 on containment instead.
struct PairVerifier {
  let config: DedupConfig
  /// Threads that recompute shingle sets.
  var jobs = 1

  /// The accepted pairs, sorted, and the counts behind them.
  struct Outcome {
    var pairs: [VerifiedPair] = []
    var signatureRejected = 0
    var exactChecked = 0
    var exactRejected = 0
  }

  /// Verifies `candidates` (from LSH) and `contained` (from `ContainmentIndex`), both
  /// sorted and distinct. Without `shingles`, every pair is decided on its signatures.
  func verify(
    _ candidates: [IndexPair], contained: [IndexPair], items: [DedupItem],
    signatures: ItemSignatures, shingles: (@Sendable (Int) -> ShingleSet)?
  ) -> Outcome {
    var outcome = Outcome()
    var exactQueue: [IndexPair] = []
    let exact = shingles != nil
    let verdicts = ConcurrentMap.map(candidates, jobs: jobs, chunk: Self.chunk) {
      [self] pair -> SignatureVerdict in
      let estimate = signatures.estimate(pair.first, pair.second)
      let checkable = exact && canCheckExactly(pair, items)
      guard estimate >= config.threshold - (checkable ? config.signatureMargin : 0) else {
        return .rejected
      }
      return checkable ? .checkExactly : .accepted(estimate)
    }
    for (pair, verdict) in zip(candidates, verdicts) {
      switch verdict {
      case .rejected: outcome.signatureRejected += 1
      case .checkExactly: exactQueue.append(pair)
      case .accepted(let estimate):
        outcome.pairs.append(
          VerifiedPair(
            first: pair.first, second: pair.second, similarity: estimate, measure: .estimated))
      }
    }
    if let shingles {
      exactQueue = IndexPair.mergeDistinct(exactQueue, contained)
      checkExactly(exactQueue, items: items, shingles: shingles, into: &outcome)
    }
    outcome.pairs.sort(by: <)
    return outcome
  }

  private func canCheckExactly(_ pair: IndexPair, _ items: [DedupItem]) -> Bool {
    config.exactVerification
      && max(
        items[pair.first].fingerprint.shingleCount, items[pair.second].fingerprint.shingleCount)
        <= config.exactMaxShingles
  }

  /// Step 2 over `queue`, one batch of shingle sets at a time.
  private func checkExactly(
    _ queue: [IndexPair], items: [DedupItem], shingles: @escaping @Sendable (Int) -> ShingleSet,
    into outcome: inout Outcome
  ) {
    for batch in ShingleBatches(pairs: queue, items: items, limit: config.exactBatchShingles) {
      let needed = Array(Set(batch.flatMap { [$0.first, $0.second] })).sorted()
      let computed = ConcurrentMap.map(needed, jobs: jobs, shingles)
      let sets = Dictionary(uniqueKeysWithValues: zip(needed, computed))
      let decided = ConcurrentMap.map(Array(batch), jobs: jobs, chunk: Self.chunk) { [self] pair in
        sets[pair.first].flatMap { a in sets[pair.second].flatMap { decide(pair, a, $0) } }
      }
      for accepted in decided {
        outcome.exactChecked += 1
        if let accepted { outcome.pairs.append(accepted) } else { outcome.exactRejected += 1 }
      }
    }
  }

  /// What the signatures say of a candidate pair.
  private enum SignatureVerdict {
    case rejected
    case checkExactly
    /// Accepted on the estimate alone (it cannot be checked exactly).
    case accepted(Double)
  }

  /// Pairs handed to a thread at a time: one pair is too little work (reading two
  /// signatures back, or merging two shingle sets), and done in line these loops were
  /// most of a 10 GB run's collide.
  private static let chunk = 256

  /// The verified pair when `a` and `b` reach the threshold or, with containment on,
  /// the shorter lies inside the longer; nil otherwise.
  func decide(_ pair: IndexPair, _ a: ShingleSet, _ b: ShingleSet) -> VerifiedPair? {
    let (small, large) = (min(a.count, b.count), max(a.count, b.count))
    let containmentPossible =
      config.containmentEnabled && small >= config.containmentMinShingles
    guard small > 0,
      Double(small) >= config.threshold * Double(large) || containmentPossible
    else { return nil }
    let shared = a.sharedCount(with: b)
    let jaccard = Double(shared) / Double(a.count + b.count - shared)
    if jaccard >= config.threshold {
      return VerifiedPair(
        first: pair.first, second: pair.second, similarity: jaccard, measure: .exact)
    }
    guard containmentPossible, Double(shared) >= config.containmentThreshold * Double(small)
    else { return nil }
    return VerifiedPair(
      first: pair.first, second: pair.second, similarity: jaccard, measure: .containment)
  }
}

/// Cuts a sorted pair list into runs whose distinct items hold at most `limit`
/// shingles together (a run always takes at least one pair), so exact verification
/// holds one run's sets at a time. An item may be recomputed in a later run.
struct ShingleBatches: Sequence, IteratorProtocol {
  let pairs: [IndexPair]
  let items: [DedupItem]
  let limit: Int
  private var position = 0

  init(pairs: [IndexPair], items: [DedupItem], limit: Int) {
    self.pairs = pairs
    self.items = items
    self.limit = limit
  }

  mutating func next() -> ArraySlice<IndexPair>? {
    guard position < pairs.count else { return nil }
    let start = position
    var seen = Set<Int>()
    var total = 0
    while position < pairs.count {
      let pair = pairs[position]
      let added = [pair.first, pair.second].filter { !seen.contains($0) }
      let cost = added.reduce(0) { $0 + items[$1].fingerprint.shingleCount }
      if position > start && total + cost > limit { break }
      seen.formUnion(added)
      total += cost
      position += 1
    }
    return pairs[start..<position]
  }
}
