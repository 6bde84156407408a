/// How the Extract stage turns markup into blocks.
public struct ExtractConfig: Sendable, Equatable, Codable {
  /// Re-join text that arrives segmented into words with spaces (no space is
  /// kept between two CJK characters or between CJK text and CJK punctuation).
  public var joinSegmentedCJK = true
  /// In HTML and Markdown, which whitespace between two CJK characters (or CJK
  /// punctuation) is dropped: `line_breaks`, as browsers do, or `all`.
  public var dropCJKSpaces = CJKSpaceRule.lineBreaks
  /// Text counts as segmented when at least this share of its CJK characters
  /// is followed by a space (about half are in segmented text, almost none in prose).
  public var segmentedSpaceRatio = 0.25
  /// Text with fewer CJK characters than this is never treated as segmented:
  /// too little to tell a segmented article from a short spaced phrase.
  public var segmentedMinCJK = 20
  /// In segmented plain text, a run of at least this many spaces ends a block
  /// (segmented corpora mark the title/body break so); 0 turns it off.
  public var segmentedGapBreak = 3
  /// A block of at most this many characters right after an image-only
  /// element is the image's caption.
  public var captionMaxChars = 80

  public init() {}

  enum CodingKeys: String, CodingKey {
    case joinSegmentedCJK = "join_segmented_cjk"
    case dropCJKSpaces = "drop_cjk_spaces"
    case segmentedSpaceRatio = "segmented_space_ratio"
    case segmentedMinCJK = "segmented_min_cjk"
    case segmentedGapBreak = "segmented_gap_break"
    case captionMaxChars = "caption_max_chars"
  }

  func validate() throws(ConfigError) {
    try Check.range(segmentedSpaceRatio, 0.01...1.0, key: "extract.segmented_space_ratio")
    try Check.range(segmentedMinCJK, 1...1_000_000, key: "extract.segmented_min_cjk")
    try Check.range(segmentedGapBreak, 0...1000, key: "extract.segmented_gap_break")
    try Check.range(captionMaxChars, 0...10_000, key: "extract.caption_max_chars")
  }
}

/// Which whitespace between CJK characters markup extraction drops.
public enum CJKSpaceRule: String, Sendable, Equatable, Codable, CaseIterable {
  /// Only runs that hold a line break: a wrap inside Chinese text is no space,
  /// but one the author typed ("记者 崔璞玉", "讲话 图自外媒") separates.
  case lineBreaks = "line_breaks"
  /// Every run between two CJK characters or CJK punctuation.
  case all
}
