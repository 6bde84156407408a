/// Groups an article set into duplicate clusters: exact copies by content
/// hash, near duplicates by MinHash LSH with every candidate verified.
///
/// 1. Exact: items with equal content hashes (non-empty bodies) are joined;
///    only the first of each group goes on, as its copies have the same signature.
/// 2. Candidates: `BandIndex` proposes pairs (LSH banding, Leskovec et al.,
///    *MMDS* ch. 3.4, over the signatures); with containment on, `ContainmentIndex`
///    proposes pairs where a shorter text may lie inside a longer one.
/// 3. Verification (`PairVerifier`): signature estimate, then exact Jaccard on the
///    shingle sets when the caller can recompute them.
/// 4. Union-find finds the connected components of the verified pairs; inside each,
///    `KeeperAssignment` keeps articles in keeper order (longest body first, the
///    earliest among equals) and gives each the articles verified against it
///    (`dedup.clustering: keeper`), or the whole component to its best (`components`).
///
/// Output depends only on the items and the configuration, never on hashing
/// or scheduling order.
///
/// - Complexity: O(n log n) for n items plus O(p · L) to verify p candidate
///   pairs of signature length L, plus the shingling and merging of the pairs
///   checked exactly; memory O(n + p) besides the items and one batch of sets.
public struct Deduplicator: Sendable {
  public let config: DedupConfig
  /// The bands × rows in use: from the configuration, or `LSHParameters.optimal`.
  public let parameters: LSHParameters

  /// Uses `config.bands` × `config.rows` when set, else the optimal split of
  /// `signatureLength` for the threshold. Bands that would not fit in the
  /// signature are dropped (the configuration check should prevent that).
  public init(config: DedupConfig, signatureLength: Int) {
    self.config = config
    var parameters =
      config.bands > 0 && config.rows > 0
      ? LSHParameters(bands: config.bands, rows: config.rows)
      : LSHParameters.optimal(
        threshold: config.threshold, signatureLength: signatureLength,
        falseNegativeWeight: config.falseNegativeWeight)
    parameters.rows = max(1, min(parameters.rows, signatureLength))
    parameters.bands = max(1, min(parameters.bands, signatureLength / parameters.rows))
    self.parameters = parameters
  }

  /// Items in input order; `shingles(i)` recomputes item i's shingle set from its
  /// text (the same `Fingerprinter`'s `shingleSet`), which exact verification and
  /// containment need, on `jobs` threads; without it pairs are decided on the
  /// signatures alone. With `earlier`, items are also matched against the articles
  /// earlier runs kept (`collide(_:with:)` first). Returns the clusters with at
  /// least one duplicate, sorted by keeper index, members sorted by index.
  ///
  /// The one-process form of the two steps a sharded run does apart: `pairs` (per
  /// band shard) and `cluster` (once).
  public func run(
    _ items: [DedupItem], jobs: Int = 1, earlier: EarlierContext? = nil,
    shingles: (@Sendable (Int) -> ShingleSet)? = nil
  ) -> DedupResult {
    let signatures = ItemSignatures(items, parameters: parameters)
    let found = pairs(
      items, signatures, bands: 0..<parameters.bands, withCopies: true, jobs: jobs,
      shingles: shingles)
    return cluster(items, signatures, found, earlier: earlier)
  }

  /// The verified pairs among `items` that LSH proposes in `bands`, each pair found
  /// in the first band where the two keys agree, so that shards of the bands find
  /// disjoint pairs; with `withCopies`, also the identical copies and the containment
  /// pairs (one shard does those). Pairs sorted.
  public func pairs(
    _ items: [DedupItem], _ signatures: ItemSignatures, bands: some Sequence<Int>,
    withCopies: Bool, jobs: Int = 1, shingles: (@Sendable (Int) -> ShingleSet)? = nil
  ) -> FoundPairs {
    let (representatives, copies) = exactCopies(items)
    let index = BandIndex(parameters: parameters, window: config.candidateWindow)
    let candidates = index.candidatePairs(
      signatures, among: representatives, bands: bands, jobs: jobs)
    let contained =
      withCopies ? containmentCandidates(representatives, items, jobs: jobs, shingles) : []
    let outcome = PairVerifier(config: config, jobs: jobs).verify(
      candidates, contained: contained, items: items, signatures: signatures, shingles: shingles)
    var found = FoundPairs(pairs: ((withCopies ? copies : []) + outcome.pairs).sorted(by: <))
    found.candidates = candidates.count
    found.containmentCandidates = contained.count
    found.signatureRejected = outcome.signatureRejected
    found.exactChecked = outcome.exactChecked
    found.exactRejected = outcome.exactRejected
    return found
  }

  /// Clusters from every verified pair among `items` (all of `pairs`' shards, merged)
  /// and, with `earlier`, the pairs with the history's articles.
  public func cluster(
    _ items: [DedupItem], _ signatures: ItemSignatures, _ found: FoundPairs,
    earlier: EarlierContext? = nil
  ) -> DedupResult {
    var sets = UnionFind(count: items.count + (earlier?.articles.count ?? 0))
    let acrossRuns =
      earlier?.pairs(items: items, signatures: signatures, threshold: config.threshold) ?? []
    let pairs = (found.pairs + acrossRuns).sorted(by: <)
    for pair in pairs { sets.union(pair.first, pair.second) }
    var result = ClusterBuilder(
      items: items, earlier: earlier, clustering: config.clustering, signatures: signatures,
      pairs: pairs
    ).build(&sets)
    result.stats = stats(result, found, earlier)
    result.pairs = pairs.filter { $0.second < items.count }
    return result
  }

  /// The counts of every step, for the report's funnel.
  private func stats(_ result: DedupResult, _ found: FoundPairs, _ earlier: EarlierContext?)
    -> DedupStats
  {
    let verified = found.pairs.filter { $0.measure != .identical }
    var stats = DedupStats(
      bands: parameters.bands, rows: parameters.rows,
      exactPairs: result.clusters.reduce(0) { $0 + $1.members.count(where: \.exact) },
      candidatePairs: found.candidates, verifiedPairs: verified.count,
      clusters: result.clusters.count,
      duplicates: result.clusters.reduce(0) { $0 + $1.members.count })
    stats.containmentCandidates = found.containmentCandidates
    stats.signatureRejected = found.signatureRejected
    stats.exactChecked = found.exactChecked
    stats.exactRejected = found.exactRejected
    stats.containmentPairs = verified.count(where: { $0.measure == .containment })
    stats.earlierArticles = earlier?.collisions.index.count ?? 0
    stats.earlierCandidates = earlier?.collisions.rows.count ?? 0
    stats.earlierDuplicates = result.earlierDuplicates.count
    return stats
  }

  /// The LSH band keys of `signature`, one per band: what the history stores.
  public func bandKeys(of signature: [UInt32]) -> [UInt64] {
    BandIndex(parameters: parameters, window: config.candidateWindow).keys(of: signature)
  }

  /// The earlier articles (from the history's `index`) that `items` collide with,
  /// by content hash or band key: the rows to fetch before `run(…, earlier:)`.
  public func collide(
    _ items: [DedupItem], _ signatures: ItemSignatures, with index: EarlierIndex
  ) -> EarlierCollisions {
    let members = items.indices.filter { items[$0].fingerprint.shingleCount > 0 }
    let candidates = EarlierCandidates(members: members, items: items, earlier: index) {
      signatures.key($0, band: $1)
    }
    return EarlierCollisions(candidates: candidates, index: index)
  }

  /// Containment candidates among the representatives; empty when containment is
  /// off or no text is at hand. Shingles every representative once, keeping only samples.
  private func containmentCandidates(
    _ representatives: [Int], _ items: [DedupItem], jobs: Int,
    _ shingles: (@Sendable (Int) -> ShingleSet)?
  ) -> [IndexPair] {
    guard config.containmentEnabled, let shingles else { return [] }
    let index = ContainmentIndex(config: config)
    let long = representatives.filter {
      items[$0].fingerprint.shingleCount >= config.containmentMinShingles
    }
    let samples = ConcurrentMap.map(long, jobs: jobs) { index.samples(of: shingles($0)) }
    return index.candidatePairs(Dictionary(uniqueKeysWithValues: zip(long, samples)))
  }

  /// The first item of each distinct non-empty body, ascending, and the pairs that
  /// join each copy to that first item. Empty bodies are never duplicates.
  private func exactCopies(_ items: [DedupItem]) -> (
    representatives: [Int], copies: [VerifiedPair]
  ) {
    var order = items.indices.filter { items[$0].fingerprint.shingleCount > 0 }
    order.sort { a, b in
      let (x, y) = (items[a].fingerprint.contentHash, items[b].fingerprint.contentHash)
      return (x.high, x.low, a) < (y.high, y.low, b)
    }
    var representatives: [Int] = []
    var copies: [VerifiedPair] = []
    for item in order {
      let hash = items[item].fingerprint.contentHash
      if let first = representatives.last, items[first].fingerprint.contentHash == hash {
        copies.append(VerifiedPair(first: first, second: item, similarity: 1, measure: .identical))
      } else {
        representatives.append(item)
      }
    }
    return (representatives.sorted(), copies)
  }
}

/// The verified pairs of one shard of the bands (or all of them), with the counts
/// of the verification funnel; the shards' `FoundPairs` add up (`merge`).
public struct FoundPairs: Sendable, Equatable {
  /// Sorted by (first, second).
  public var pairs: [VerifiedPair]
  public var candidates = 0
  public var containmentCandidates = 0
  public var signatureRejected = 0
  public var exactChecked = 0
  public var exactRejected = 0

  public init(pairs: [VerifiedPair] = []) {
    self.pairs = pairs
  }

  /// Adds another shard's pairs and counts.
  public mutating func merge(_ other: FoundPairs) {
    pairs = (pairs + other.pairs).sorted(by: <)
    candidates += other.candidates
    containmentCandidates += other.containmentCandidates
    signatureRejected += other.signatureRejected
    exactChecked += other.exactChecked
    exactRejected += other.exactRejected
  }
}
