/// Reads a document body in the markup it is written in, choosing the
/// whitespace rules from the configuration and from the text itself.
struct BodyReader: Sendable {
  /// The markup a body is parsed as.
  enum Markup {
    case html, markdown, plain
  }

  /// What a body yields: blocks, what the page said about itself (HTML only),
  /// and whether it arrived word-segmented.
  struct Result {
    var blocks: [Block]
    var pageMetadata: HTMLMetadata?
    var segmented: Bool
  }

  let config: ExtractConfig

  /// Blocks of the body in `bytes`, parsed as `markup`.
  func read(_ bytes: UnsafeBufferPointer<UInt8>, as markup: Markup) -> Result {
    let segmented = config.joinSegmentedCJK && detector.isSegmented(bytes)
    let policy: SpacePolicy = segmented ? .joinSegmented : markupPolicy
    switch markup {
    case .html:
      let page = HTMLBlockBuilder.parse(
        bytes, policy: policy, captionMaxChars: config.captionMaxChars)
      return Result(blocks: page.blocks, pageMetadata: page.metadata, segmented: segmented)
    case .markdown:
      return Result(
        blocks: MarkdownParser.parse(bytes, policy: policy), pageMetadata: nil, segmented: segmented
      )
    case .plain:
      let parser = PlainTextParser(
        policy: segmented ? .joinSegmented : .keep,
        gapBreak: segmented ? config.segmentedGapBreak : 0)
      return Result(blocks: parser.blocks(bytes), pageMetadata: nil, segmented: segmented)
    }
  }

  /// Whitespace rule for unsegmented HTML and Markdown.
  private var markupPolicy: SpacePolicy {
    config.dropCJKSpaces == .all ? .dropBetweenCJK : .dropWrapsBetweenCJK
  }

  private var detector: SegmentationDetector {
    SegmentationDetector(
      minimumRatio: config.segmentedSpaceRatio, minimumCJKCount: config.segmentedMinCJK)
  }
}
