/// The Clean stage's local part (one article at a time): removes boilerplate
/// blocks by the configured rule lists and by structure (captions, bylines,
/// related-links lists, sign-offs), blocks that repeat the title, and blocks
/// that repeat or nearly repeat an earlier block (a page that carries its body
/// twice comes out with it once). Every removal is recorded with its reason.
/// Boilerplate learned over the whole run is removed later by `LearnedBoilerplate`.
public struct Cleaner: Sendable {
  let config: CleanConfig
  let matchers: [BlockMatcher]
  let doubled: DoubledText

  public init(config: CleanConfig) {
    self.config = config
    matchers = config.rules.map(BlockMatcher.init)
    doubled = DoubledText(
      minChars: config.nearRepeatMinChars, threshold: config.nearRepeatThreshold)
  }

  public func clean(_ article: Article) -> Cleaned {
    var article = article
    var headline: String?
    if config.titleFromFirstBlock,
      let title = TitleEcho.headline(
        of: article,
        isBoilerplate: { ruleName($0, scalarCount: $0.text.scalarCount) != nil })
    {
      article.metadata.title = title
      headline = title
    }
    var pass = CleanPass(cleaner: self, title: TitleEcho(title: article.metadata.title))
    for (index, block) in article.blocks.enumerated() {
      pass.take(block, at: index)
    }
    pass.dropStandfirst()
    pass.cutSignOff()
    var cleaned = article
    cleaned.blocks = pass.kept
    return Cleaned(
      article: cleaned, removed: pass.removed.sorted { $0.index < $1.index }, hashes: pass.hashes,
      indices: pass.indices, headline: headline)
  }

  /// The first configured rule that removes the block, if any. Rules are written in
  /// Simplified; a Traditional page's notices must match them too, so the text is folded,
  /// once some rule admits a block of its length (folding costs a pass over the block).
  func ruleName(_ block: Block, scalarCount: Int) -> String? {
    guard matchers.contains(where: { $0.admits(scalarCount: scalarCount) }) else { return nil }
    let text = ScriptFolding.simplified(text: block.text)
    return matchers.first { $0.matches(text, scalarCount: scalarCount) }?.rule.name
  }
}
