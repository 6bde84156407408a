/// A block the Clean stage took out, with the rule that took it.
public struct RemovedBlock: Sendable, Hashable {
  /// Position of the block in the extracted article.
  public var index: Int
  /// The removed text: a whole block, or the part of one that was cut
  /// (a byline prefix, a sign-off, the second copy of a doubled block).
  public var block: Block
  /// A boilerplate rule's name, or one of the built-in reasons in `CleanReason`.
  public var rule: String
  /// For learned boilerplate: the hash of the block's normalized text (see `BoilerplateCounts`).
  public var pattern: UInt64?

  public init(index: Int, block: Block, rule: String, pattern: UInt64? = nil) {
    self.index = index
    self.block = block
    self.rule = rule
    self.pattern = pattern
  }
}

/// Names of the removals that are not configured rule lists.
public enum CleanReason {
  /// The block repeats an earlier block of the same article (after normalization).
  public static let repeatedBlock = "repeated_block"
  /// The block nearly repeats an earlier block (shingle similarity at or above the threshold).
  public static let nearRepeat = "near_repeat"
  /// The second copy of a text a single block carries twice.
  public static let repeatedText = "repeated_text"
  /// A short line at the top that a later paragraph repeats (a standfirst or summary).
  public static let standfirst = "standfirst"
  /// The block repeats the article's title.
  public static let titleEcho = "title_echo"
  /// The block has no letter or digit at all.
  public static let noText = "no_text"
  /// Extract marked the block as an image caption.
  public static let caption = "caption"
  /// A byline bracket cut from the start of a paragraph ("【编译/观察者网 李焕宇】").
  public static let bylinePrefix = "byline_prefix"
  /// A byline bracket standing alone as a block.
  public static let byline = "byline"
  /// A title-like line under a related-links heading.
  public static let relatedLinks = "related_links"
  /// A sign-off: "（完）", an editor code such as "(XWT185)".
  public static let signOff = "signoff"
  /// A block that occurs in many articles of the same site (see `BoilerplateCounts`).
  public static let learned = "learned_boilerplate"
}

/// An article after cleaning: the kept blocks in order, and every removed one.
public struct Cleaned: Sendable, Equatable {
  /// The article with only its kept blocks.
  public let article: Article
  public let removed: [RemovedBlock]
  /// The clean body as written out: kept blocks joined by a blank line (joined once, used by several stages).
  public let body: String
  /// `BlockHash` of each kept block's normalized text, in order (empty when not computed),
  /// so counting learned boilerplate needs no second normalization; `longBlock` for a block
  /// longer than `clean.learned_max_chars`, which is never learned whole (no hash spent on it).
  public let hashes: [UInt64]
  /// The hash recorded for a block too long to be learned whole.
  public static let longBlock: UInt64 = 0
  /// Each kept block's index in the extracted article, in order (empty when not computed).
  public let indices: [Int]
  /// The first block when Clean took it as the title (`clean.title_from_first_block`): it
  /// left the body for the metadata, but it is still part of the text as it arrived.
  public let headline: String?

  public init(
    article: Article, removed: [RemovedBlock], hashes: [UInt64] = [], indices: [Int] = [],
    headline: String? = nil
  ) {
    self.article = article
    self.removed = removed
    self.hashes = hashes
    self.indices = indices
    self.headline = headline
    body = article.blocks.map(\.text).joined(separator: "\n\n")
  }

  /// The text near-duplicate matching sees: the body, after the headline taken from it.
  /// Whether a first line becomes the title depends on layout (a segmented copy breaks
  /// its headline onto a line of its own, the original runs it into the body), so
  /// matching the body alone would part copies of one text.
  public var matchText: String { Self.matchText(headline: headline, body: body) }

  static func matchText(headline: String?, body: String) -> String {
    guard let headline else { return body }
    return body.isEmpty ? headline : headline + "\n\n" + body
  }
}
