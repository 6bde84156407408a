/// The blocks learned as boilerplate over a run (from `BoilerplateCounts`), per
/// site, and their removal: the second cleaning pass, after counting.
public struct LearnedBoilerplate: Sendable, Equatable {
  /// Site → block hash → articles of the site the block occurs in.
  public let patterns: [String: [UInt64: Int]]

  public init(patterns: [String: [UInt64: Int]]) {
    self.patterns = patterns
  }

  /// Every learned block, most frequent first (then by site and hash, for a stable order).
  public var entries: [(site: String, pattern: UInt64, articles: Int)] {
    patterns.flatMap { site, found in found.map { (site: site, pattern: $0.key, articles: $0.value) } }
      .sorted { ($1.articles, $0.site, $0.pattern) < ($0.articles, $1.site, $1.pattern) }
  }

  /// The article without its learned boilerplate blocks, each recorded with its pattern.
  public func apply(to cleaned: Cleaned, site: String) -> Cleaned {
    guard let found = patterns[site], cleaned.hashes.count == cleaned.article.blocks.count,
      cleaned.hashes.contains(where: { found[$0] != nil })
    else { return cleaned }
    var article = cleaned.article
    article.blocks = []
    var hashes: [UInt64] = []
    var indices: [Int] = []
    var removed = cleaned.removed
    for (i, block) in cleaned.article.blocks.enumerated() {
      let hash = cleaned.hashes[i]
      let index = cleaned.indices.count > i ? cleaned.indices[i] : i
      if found[hash] != nil {
        removed.append(
          RemovedBlock(index: index, block: block, rule: CleanReason.learned, pattern: hash))
      } else {
        article.blocks.append(block)
        hashes.append(hash)
        indices.append(index)
      }
    }
    removed.sort { $0.index < $1.index }
    return Cleaned(article: article, removed: removed, hashes: hashes, indices: indices)
  }
}
