/// A block the Clean stage took out, with the rule that took it.
public struct RemovedBlock: Sendable, Hashable {
  /// Position of the block in the extracted article.
  public var index: Int
  public var block: Block
  /// A boilerplate rule's name, or one of the built-in reasons in `CleanReason`.
  public var rule: String

  public init(index: Int, block: Block, rule: String) {
    self.index = index
    self.block = block
    self.rule = rule
  }
}

/// Names of the removals that are not configured rule lists.
public enum CleanReason {
  /// The block repeats an earlier block of the same article (after normalization).
  public static let repeatedBlock = "repeated_block"
  /// The block repeats the article's title.
  public static let titleEcho = "title_echo"
  /// The block has no letter or digit at all.
  public static let noText = "no_text"
}

/// An article after cleaning: the kept blocks in order, and every removed one.
public struct Cleaned: Sendable {
  /// The article with only its kept blocks.
  public let article: Article
  public let removed: [RemovedBlock]
  /// The clean body as written out: kept blocks joined by a blank line (joined once, used by several stages).
  public let body: String

  public init(article: Article, removed: [RemovedBlock]) {
    self.article = article
    self.removed = removed
    body = article.blocks.map(\.text).joined(separator: "\n\n")
  }
}
