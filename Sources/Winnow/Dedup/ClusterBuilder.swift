/// Turns the verified pairs into decisions, one connected component at a time:
/// which articles are kept (`KeeperAssignment`), clusters among the run's own
/// items, and, when earlier runs' articles are in a component, duplicates of the
/// history (policy `earliest`) or history rows the run's keepers replace (`newest`).
///
/// Nodes below `items.count` are the run's items; the others are
/// `earlier.articles`, in order.
struct ClusterBuilder {
  let items: [DedupItem]
  let earlier: EarlierContext?
  let clustering: Clustering
  let signatures: ItemSignatures
  /// Every verified pair, first node ascending.
  let pairs: [VerifiedPair]

  func build(_ sets: inout UnionFind) -> DedupResult {
    var result = DedupResult(clusters: [], stats: DedupStats())
    var pairsOfRoot: [Int: [VerifiedPair]] = [:]
    for pair in pairs { pairsOfRoot[sets.find(pair.first), default: []].append(pair) }
    for group in components(&sets) {
      let local = pairsOfRoot[sets.find(group[0])] ?? []
      let units = IdenticalUnits(group: group, itemCount: items.count, pairs: local)
      let order = order(units.representatives)
      let assignment =
        clustering == .keeper
        ? KeeperAssignment(order: order, edges: units.edges(local))
        : KeeperAssignment(component: order, edges: units.edges(local), estimate: estimate)
      for keeper in assignment.keepers {
        let members = units.representatives.filter { assignment.keeperOf[$0]?.keeper == keeper }
        decide(keeper, members, units, assignment, into: &result)
      }
    }
    result.clusters.sort { $0.keeper < $1.keeper }
    result.earlierDuplicates.sort { $0.item < $1.item }
    result.superseded.sort()
    return result
  }

  /// Units best keeper first: with policy `earliest` (or no history) earlier
  /// articles by the time they were added, then new ones longest first (earliest
  /// among equals); with `newest` the new ones first.
  private func order(_ units: [Int]) -> [Int] {
    let fresh = units.filter { $0 < items.count }.sorted {
      (-items[$0].bodyLength, $0) < (-items[$1].bodyLength, $1)
    }
    guard let earlier else { return fresh }
    let old = units.filter { $0 >= items.count }.sorted { rank(earlier, $0) < rank(earlier, $1) }
    return earlier.policy == .earliest ? old + fresh : fresh + old
  }

  /// A pair estimated from the signatures, for a member joined to its keeper through others.
  private func estimate(_ node: Int, _ keeper: Int) -> VerifiedPair {
    let signature = { (node: Int) -> [UInt32] in
      node < items.count
        ? signatures.signature(node)
        : earlier?.articles[node - items.count].signature ?? []
    }
    return VerifiedPair(
      first: min(node, keeper), second: max(node, keeper),
      similarity: MinHasher.estimatedJaccard(signature(node), signature(keeper)),
      measure: .estimated)
  }

  /// What one keeper unit and its member units become: a cluster of new items, the
  /// new items' rejection as copies of an earlier article, or earlier rows superseded.
  private func decide(
    _ keeper: Int, _ members: [Int], _ units: IdenticalUnits, _ assignment: KeeperAssignment,
    into result: inout DedupResult
  ) {
    let tied = members.flatMap { member in
      units.items(of: member).map { ($0, assignment.keeperOf[member]?.pair) }
    }
    if keeper >= items.count {
      guard let earlier else { return }
      let article = earlier.articles[keeper - items.count]
      result.earlierDuplicates += tied.compactMap { item, pair in
        pair.map {
          EarlierDuplicate(
            item: item, earlier: article, similarity: $0.similarity, measure: $0.measure)
        }
      }
      return
    }
    result.superseded += members.filter { $0 >= items.count }.compactMap {
      earlier?.articles[$0 - items.count].row
    }
    let group = units.items(of: keeper)
    let kept = group.max { (items[$0].bodyLength, -$0) < (items[$1].bodyLength, -$1) } ?? keeper
    var cluster = group.filter { $0 != kept }.map {
      DuplicateCluster.Member(index: $0, similarity: 1, measure: .identical)
    }
    cluster += tied.compactMap { item, pair in
      guard item < items.count, let pair else { return nil }
      return DuplicateCluster.Member(
        index: item, similarity: pair.similarity, measure: pair.measure)
    }
    guard !cluster.isEmpty else { return }
    result.clusters.append(
      DuplicateCluster(keeper: kept, members: cluster.sorted { $0.index < $1.index }))
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
}
