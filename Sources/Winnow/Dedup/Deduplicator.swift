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
/// 4. Union-find turns the verified pairs into clusters (connected components).
///    The keeper is the longest body, ties going to the earliest item.
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
  /// signatures alone. Returns the clusters with at least one duplicate, sorted by
  /// keeper index, members sorted by index.
  public func run(
    _ items: [DedupItem], jobs: Int = 1, shingles: (@Sendable (Int) -> ShingleSet)? = nil
  ) -> DedupResult {
    var sets = UnionFind(count: items.count)
    let (representatives, copies) = joinExactCopies(items, in: &sets)
    let signatures = items.map(\.fingerprint.signature)
    let index = BandIndex(parameters: parameters, window: config.candidateWindow)
    let candidates = index.candidatePairs(of: signatures, among: representatives)
    let contained = containmentCandidates(representatives, items, jobs: jobs, shingles)
    let outcome = PairVerifier(config: config, jobs: jobs).verify(
      candidates, contained: contained, items: items, shingles: shingles)
    for pair in outcome.pairs { sets.union(pair.first, pair.second) }
    let pairs = (copies + outcome.pairs).sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    let clusters = makeClusters(items, &sets, pairs)
    var stats = DedupStats(
      bands: parameters.bands, rows: parameters.rows,
      exactPairs: clusters.reduce(0) { $0 + $1.members.count(where: \.exact) },
      candidatePairs: candidates.count, verifiedPairs: outcome.pairs.count,
      clusters: clusters.count, duplicates: clusters.reduce(0) { $0 + $1.members.count })
    stats.containmentCandidates = contained.count
    stats.signatureRejected = outcome.signatureRejected
    stats.exactChecked = outcome.exactChecked
    stats.exactRejected = outcome.exactRejected
    stats.containmentPairs = outcome.pairs.count(where: { $0.evidence == .containment })
    return DedupResult(clusters: clusters, pairs: pairs, stats: stats)
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

  /// Joins items with equal content hashes and returns the first item of each
  /// distinct non-empty body, ascending, and the pairs joined (each copy with the
  /// first). Empty bodies are never duplicates.
  private func joinExactCopies(_ items: [DedupItem], in sets: inout UnionFind) -> (
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
        sets.union(first, item)
        copies.append(VerifiedPair(first: first, second: item, similarity: 1, evidence: .identical))
      } else {
        representatives.append(item)
      }
    }
    return (representatives.sorted(), copies)
  }

  /// The components of `sets` with two or more items, as clusters sorted by keeper.
  private func makeClusters(
    _ items: [DedupItem], _ sets: inout UnionFind, _ pairs: [VerifiedPair]
  ) -> [DuplicateCluster] {
    var slotOfRoot: [Int: Int] = [:]
    var groups: [[Int]] = []
    for item in items.indices where sets.size(of: item) > 1 {
      let root = sets.find(item)
      if let slot = slotOfRoot[root] {
        groups[slot].append(item)
      } else {
        slotOfRoot[root] = groups.count
        groups.append([item])
      }
    }
    var evidence: [IndexPair: VerifiedPair] = [:]
    for pair in pairs {
      evidence[IndexPair(UInt32(pair.first), UInt32(pair.second))] = pair
    }
    return groups.map { cluster(of: $0, items, evidence) }.sorted { $0.keeper < $1.keeper }
  }

  /// The cluster of `group` (ascending indices): the longest body is kept,
  /// the earliest among equals, and every other item is a member, measured by
  /// its verified pair with the keeper when there is one.
  private func cluster(
    of group: [Int], _ items: [DedupItem], _ evidence: [IndexPair: VerifiedPair]
  ) -> DuplicateCluster {
    var keeper = group[0]
    for item in group.dropFirst() where items[item].bodyLength > items[keeper].bodyLength {
      keeper = item
    }
    let kept = items[keeper].fingerprint
    let members = group.filter { $0 != keeper }.map { item in
      if items[item].fingerprint.contentHash == kept.contentHash {
        return DuplicateCluster.Member(index: item, similarity: 1, measure: .identical)
      }
      if let pair = evidence[IndexPair(UInt32(item), UInt32(keeper))] {
        return DuplicateCluster.Member(
          index: item, similarity: pair.similarity, measure: DuplicateCluster.Measure(pair.evidence)
        )
      }
      return DuplicateCluster.Member(
        index: item,
        similarity: MinHasher.estimatedJaccard(items[item].fingerprint.signature, kept.signature),
        measure: .estimated)
    }
    return DuplicateCluster(keeper: keeper, members: members)
  }
}
