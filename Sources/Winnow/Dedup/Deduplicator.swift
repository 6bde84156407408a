/// Groups an article set into duplicate clusters: exact copies by content
/// hash, near duplicates by MinHash LSH with every candidate verified.
///
/// 1. Exact: items with equal content hashes (non-empty bodies) are joined;
///    only the first of each group goes on to LSH, as its copies have the same
///    signature.
/// 2. Near: `BandIndex` proposes candidate pairs (LSH banding, Leskovec et al.,
///    *MMDS* ch. 3.4, over Broder's MinHash); a pair is joined only if its
///    estimated Jaccard similarity reaches `threshold`.
/// 3. Union-find turns the joined pairs into clusters (connected components).
///    The keeper is the longest body, ties going to the earliest item.
///
/// Output depends only on the items and the configuration, never on hashing
/// or scheduling order.
///
/// - Complexity: O(n log n) for n items plus O(p · L) to verify p candidate
///   pairs of signature length L; memory O(n + p) besides the items.
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

  /// Items in input order. Returns the clusters with at least one duplicate,
  /// sorted by keeper index, members sorted by index.
  public func run(_ items: [DedupItem]) -> DedupResult {
    var sets = UnionFind(count: items.count)
    let representatives = joinExactCopies(items, in: &sets)
    let signatures = items.map(\.fingerprint.signature)
    let index = BandIndex(parameters: parameters, window: config.candidateWindow)
    let candidates = index.candidatePairs(of: signatures, among: representatives)
    let verified = candidates.filter { pair in
      MinHasher.estimatedJaccard(signatures[pair.first], signatures[pair.second])
        >= config.threshold
    }
    for pair in verified { sets.union(pair.first, pair.second) }
    let clusters = makeClusters(items, &sets)
    let duplicates = clusters.reduce(0) { $0 + $1.members.count }
    let exact = clusters.reduce(0) { $0 + $1.members.count(where: \.exact) }
    let stats = DedupStats(
      bands: parameters.bands, rows: parameters.rows, exactPairs: exact,
      candidatePairs: candidates.count, verifiedPairs: verified.count,
      clusters: clusters.count, duplicates: duplicates)
    return DedupResult(clusters: clusters, stats: stats)
  }

  /// Joins items with equal content hashes and returns the first item of each
  /// distinct non-empty body, ascending. Empty bodies are never duplicates.
  private func joinExactCopies(_ items: [DedupItem], in sets: inout UnionFind) -> [Int] {
    var order = items.indices.filter { items[$0].fingerprint.shingleCount > 0 }
    order.sort { a, b in
      let (x, y) = (items[a].fingerprint.contentHash, items[b].fingerprint.contentHash)
      return (x.high, x.low, a) < (y.high, y.low, b)
    }
    var representatives: [Int] = []
    for item in order {
      let hash = items[item].fingerprint.contentHash
      if let first = representatives.last, items[first].fingerprint.contentHash == hash {
        sets.union(first, item)
      } else {
        representatives.append(item)
      }
    }
    return representatives.sorted()
  }

  /// The components of `sets` with two or more items, as clusters sorted by keeper.
  private func makeClusters(_ items: [DedupItem], _ sets: inout UnionFind) -> [DuplicateCluster] {
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
    return groups.map { cluster(of: $0, items) }.sorted { $0.keeper < $1.keeper }
  }

  /// The cluster of `group` (ascending indices): the longest body is kept,
  /// the earliest among equals, and every other item is a member.
  private func cluster(of group: [Int], _ items: [DedupItem]) -> DuplicateCluster {
    var keeper = group[0]
    for item in group.dropFirst() where items[item].bodyLength > items[keeper].bodyLength {
      keeper = item
    }
    let kept = items[keeper].fingerprint
    let members = group.filter { $0 != keeper }.map { item in
      let print = items[item].fingerprint
      return print.contentHash == kept.contentHash
        ? DuplicateCluster.Member(index: item, similarity: 1, exact: true)
        : DuplicateCluster.Member(
          index: item, similarity: MinHasher.estimatedJaccard(print.signature, kept.signature),
          exact: false)
    }
    return DuplicateCluster(keeper: keeper, members: members)
  }
}
