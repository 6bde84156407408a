/// Turns the components of the verified pairs into decisions: clusters among
/// the run's own items, and, when earlier runs' articles are in a component,
/// duplicates of the history (policy `earliest`) or history rows the run's
/// keeper replaces (policy `newest`).
///
/// Nodes below `items.count` are the run's items; the others are
/// `earlier.articles`, in order.
struct ClusterBuilder {
  let items: [DedupItem]
  let earlier: EarlierContext?
  /// Each verified pair by its nodes, for the similarity of a member to its keeper.
  private let evidence: [IndexPair: VerifiedPair]

  init(items: [DedupItem], pairs: [VerifiedPair], earlier: EarlierContext?) {
    self.items = items
    self.earlier = earlier
    var evidence: [IndexPair: VerifiedPair] = [:]
    for pair in pairs {
      evidence[IndexPair(UInt32(pair.first), UInt32(pair.second))] = pair
    }
    self.evidence = evidence
  }

  func build(_ sets: inout UnionFind) -> DedupResult {
    var result = DedupResult(clusters: [], stats: DedupStats())
    for group in components(&sets) {
      let fresh = group.filter { $0 < items.count }
      let old = group.filter { $0 >= items.count }
      guard let earlier, !old.isEmpty else {
        result.clusters.append(cluster(of: fresh))
        continue
      }
      switch earlier.policy {
      case .earliest:
        let keeper = old.min { rank(earlier, $0) < rank(earlier, $1) } ?? old[0]
        result.earlierDuplicates += fresh.map { duplicate($0, of: keeper, earlier) }
      case .newest:
        if fresh.count > 1 { result.clusters.append(cluster(of: fresh)) }
        result.superseded += old.map { earlier.articles[$0 - items.count].row }
      }
    }
    result.clusters.sort { $0.keeper < $1.keeper }
    result.earlierDuplicates.sort { $0.item < $1.item }
    result.superseded.sort()
    return result
  }

  /// The components with two or more nodes, each ascending, in order of their first node.
  private func components(_ sets: inout UnionFind) -> [[Int]] {
    var slotOfRoot: [Int: Int] = [:]
    var groups: [[Int]] = []
    for node in 0..<sets.count where sets.size(of: node) > 1 {
      let root = sets.find(node)
      if let slot = slotOfRoot[root] {
        groups[slot].append(node)
      } else {
        slotOfRoot[root] = groups.count
        groups.append([node])
      }
    }
    return groups
  }

  /// Earlier articles are kept by the time their run added them, then by row.
  private func rank(_ earlier: EarlierContext, _ node: Int) -> (String, Int64) {
    let article = earlier.articles[node - items.count]
    return (article.addedAt, article.row)
  }

  /// The cluster of `group` (ascending item indices): the longest body is kept,
  /// the earliest among equals, and every other item is a member.
  private func cluster(of group: [Int]) -> DuplicateCluster {
    var keeper = group[0]
    for item in group.dropFirst() where items[item].bodyLength > items[keeper].bodyLength {
      keeper = item
    }
    let kept = items[keeper].fingerprint
    let members = group.filter { $0 != keeper }.map { item in
      let (similarity, measure) =
        items[item].fingerprint.contentHash == kept.contentHash
        ? (1, .identical) : similarity(of: item, to: keeper, signature: kept.signature)
      return DuplicateCluster.Member(index: item, similarity: similarity, measure: measure)
    }
    return DuplicateCluster(keeper: keeper, members: members)
  }

  private func duplicate(_ item: Int, of keeper: Int, _ earlier: EarlierContext) -> EarlierDuplicate
  {
    let article = earlier.articles[keeper - items.count]
    let (similarity, measure) = similarity(of: item, to: keeper, signature: article.signature)
    return EarlierDuplicate(item: item, earlier: article, similarity: similarity, measure: measure)
  }

  /// A member's similarity to the keeper node with `signature`: a verified pair
  /// gives its own measure; a member joined through others is estimated.
  private func similarity(of item: Int, to keeper: Int, signature: [UInt32]) -> (
    Double, DuplicateCluster.Measure
  ) {
    if let pair = evidence[IndexPair(UInt32(item), UInt32(keeper))] {
      return (pair.similarity, pair.measure)
    }
    return (MinHasher.estimatedJaccard(items[item].fingerprint.signature, signature), .estimated)
  }
}
