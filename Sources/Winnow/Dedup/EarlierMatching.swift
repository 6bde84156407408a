/// A new article that duplicates an article an earlier run kept.
public struct EarlierDuplicate: Sendable, Equatable {
  /// The new article's index among the deduplicator's items.
  public var item: Int
  /// The earlier article it duplicates (the keeper of its cluster).
  public var earlier: EarlierArticle
  /// Jaccard similarity to `earlier`, as `measure` says it was found.
  public var similarity: Double
  public var measure: DuplicateCluster.Measure
}

/// The first half of matching a run against the history: which earlier
/// articles the new ones collide with, so that only those are fetched.
public struct EarlierCollisions: Sendable {
  let candidates: EarlierCandidates
  let index: EarlierIndex
  /// The history rows to fetch as `EarlierArticle`s, ascending.
  public let rows: [Int64]

  init(candidates: EarlierCandidates, index: EarlierIndex) {
    self.candidates = candidates
    self.index = index
    let positions = Set(candidates.identical.map(\.earlier) + candidates.banded.map(\.earlier))
    rows = positions.map { index.rows[$0] }.sorted()
  }
}

/// Everything the deduplicator needs to match against the history: the
/// collisions, the fetched earlier articles and who is kept across time.
public struct EarlierContext: Sendable {
  public var collisions: EarlierCollisions
  public var articles: [EarlierArticle]
  public var policy: KeeperPolicy

  public init(collisions: EarlierCollisions, articles: [EarlierArticle], policy: KeeperPolicy) {
    self.collisions = collisions
    self.articles = articles
    self.policy = policy
  }

  /// The verified new–earlier pairs, with earlier articles numbered after the
  /// `itemCount` new items: identical by content hash, or banded and estimated
  /// at or above `threshold` on the signatures (the history keeps no text, so
  /// no exact check is possible here).
  func pairs(items: [DedupItem], signatures: ItemSignatures, threshold: Double) -> [VerifiedPair] {
    var node: [Int64: Int] = [:]
    for (k, article) in articles.enumerated() { node[article.row] = items.count + k }
    let rows = collisions.index.rows
    var pairs: [VerifiedPair] = []
    for (item, position) in collisions.candidates.identical {
      guard let other = node[rows[position]] else { continue }
      pairs.append(VerifiedPair(first: item, second: other, similarity: 1, measure: .identical))
    }
    for (item, position) in collisions.candidates.banded {
      guard let other = node[rows[position]] else { continue }
      let similarity = MinHasher.estimatedJaccard(
        signatures.signature(item), articles[other - items.count].signature)
      if similarity >= threshold {
        pairs.append(
          VerifiedPair(first: item, second: other, similarity: similarity, measure: .estimated))
      }
    }
    return pairs
  }
}
