/// The Clean stage: removes boilerplate blocks, blocks that repeat the title,
/// and blocks that repeat an earlier block (a page that carries its body twice
/// comes out with it once). Every removal is recorded with its reason.
public struct Cleaner: Sendable {
  private let config: CleanConfig
  private let matchers: [BlockMatcher]

  public init(config: CleanConfig) {
    self.config = config
    matchers = config.rules.map(BlockMatcher.init)
  }

  public func clean(_ article: Article) -> Cleaned {
    var kept: [Block] = []
    var removed: [RemovedBlock] = []
    var seen = Set<[UInt32]>()
    let title = TitleEcho(title: article.metadata.title)
    for (index, block) in article.blocks.enumerated() {
      let key = MatchNormalizer.normalize(block.text)
      if let rule = removalRule(block, key: key, title: title, seen: seen) {
        removed.append(RemovedBlock(index: index, block: block, rule: rule))
      } else {
        kept.append(block)
      }
      seen.insert(key)
    }
    var cleaned = article
    cleaned.blocks = kept
    return Cleaned(article: cleaned, removed: removed)
  }

  /// The first reason to remove the block, or nil to keep it. Rules come
  /// before repeats so that a repeated notice is reported as a notice.
  private func removalRule(_ block: Block, key: [UInt32], title: TitleEcho, seen: Set<[UInt32]>)
    -> String?
  {
    if key.isEmpty { return CleanReason.noText }
    let length = block.text.unicodeScalars.count
    // Rules are written in Simplified; a Traditional page's notices must match them too.
    let text = ScriptFolding.simplified(text: block.text)
    if let matcher = matchers.first(where: { $0.matches(text, scalarCount: length) }) {
      return matcher.rule.name
    }
    if config.dropTitleBlocks && title.matches(key) { return CleanReason.titleEcho }
    if config.dropRepeatedBlocks, seen.contains(key) { return CleanReason.repeatedBlock }
    return nil
  }
}
