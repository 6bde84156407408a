/// Inside one connected component of verified pairs, picks the articles to keep
/// and gives every other article to a kept one it was verified against.
///
/// Connected components alone chain: A ~ B and B ~ C put A and C in one cluster
/// even when they share little, and on template-heavy pages (price lists, weather)
/// a chain removed articles at similarity 0.1 to their keeper. Here, in keeper
/// order, the first unassigned article is kept and takes every unassigned article
/// it has a verified pair with; the rest go on. So every removed article has a
/// measured pair at or above the threshold with the article kept for it, and no
/// two kept articles form a verified pair.
///
/// Identical copies move as one unit (only one copy of each body was matched).
/// Nodes are those of `ClusterBuilder`: items first, then earlier articles.
struct KeeperAssignment {
  /// For each member node: its keeper node and the pair that ties them.
  private(set) var keeperOf: [Int: (keeper: Int, pair: VerifiedPair)] = [:]
  /// The keeper nodes, in keeper order.
  private(set) var keepers: [Int] = []

  /// The whole component to its best keeper (`dedup.clustering: components`): each
  /// unit by its verified pair with the keeper, or by `estimate` when it joined
  /// through others.
  init(component order: [Int], edges: [VerifiedPair], estimate: (Int, Int) -> VerifiedPair) {
    guard let keeper = order.first else { return }
    keepers = [keeper]
    var direct: [Int: VerifiedPair] = [:]
    for edge in edges where edge.first == keeper || edge.second == keeper {
      direct[edge.first == keeper ? edge.second : edge.first] = edge
    }
    for unit in order.dropFirst() {
      keeperOf[unit] = (keeper, direct[unit] ?? estimate(unit, keeper))
    }
  }

  /// `order` lists the units (a representative per identical group, and earlier
  /// nodes) best keeper first; `edges` are the verified pairs between units.
  init(order: [Int], edges: [VerifiedPair]) {
    var neighbours: [Int: [VerifiedPair]] = [:]
    for edge in edges {
      neighbours[edge.first, default: []].append(edge)
      neighbours[edge.second, default: []].append(edge)
    }
    var assigned = Set<Int>()
    for unit in order where !assigned.contains(unit) {
      assigned.insert(unit)
      keepers.append(unit)
      for edge in neighbours[unit] ?? [] {
        let other = edge.first == unit ? edge.second : edge.first
        guard !assigned.contains(other) else { continue }
        assigned.insert(other)
        keeperOf[other] = (unit, edge)
      }
    }
  }
}

/// The items of one component grouped by identical body: only the first item of
/// each body went through matching, the others are tied to it by `identical` pairs.
struct IdenticalUnits {
  /// One node per unit: the first item of each identical group, and every earlier node.
  let representatives: [Int]
  private let copies: [Int: [Int]]
  private let unitOf: [Int: Int]

  /// `pairs` are the component's own.
  init(group: [Int], itemCount: Int, pairs: [VerifiedPair]) {
    var unitOf: [Int: Int] = [:]
    var copies: [Int: [Int]] = [:]
    for pair in pairs where pair.measure == .identical && pair.second < itemCount {
      unitOf[pair.second] = pair.first
      copies[pair.first, default: []].append(pair.second)
    }
    self.unitOf = unitOf
    self.copies = copies
    representatives = group.filter { unitOf[$0] == nil }
  }

  /// The items a unit stands for: itself and its identical copies, ascending.
  func items(of unit: Int) -> [Int] { ([unit] + (copies[unit] ?? [])).sorted() }

  /// The verified pairs between different units, copies replaced by their unit.
  func edges(_ pairs: [VerifiedPair]) -> [VerifiedPair] {
    pairs.compactMap { pair in
      let (a, b) = (unitOf[pair.first] ?? pair.first, unitOf[pair.second] ?? pair.second)
      guard a != b else { return nil }
      var edge = pair
      (edge.first, edge.second) = (min(a, b), max(a, b))
      return edge
    }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
  }
}
