/// One named list of patterns that marks a whole block as boilerplate.
public struct BoilerplateRule: Sendable, Equatable, Codable {
  /// How a pattern must sit in a block for the rule to match.
  public enum Match: String, Sendable, Codable {
    case contains, prefix, suffix, exact
  }

  /// The name reported for every block the rule removes.
  public var name: String
  public var match: Match
  public var patterns: [String]
  /// Only blocks of at most this many characters match; 0 means any length.
  /// Keeps a notice pattern from removing a long body paragraph that quotes it.
  public var maxChars: Int

  public init(name: String, match: Match = .contains, patterns: [String], maxChars: Int = 0) {
    self.name = name
    self.match = match
    self.patterns = patterns
    self.maxChars = maxChars
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case name, match, patterns
    case maxChars = "max_chars"
  }

  /// Decodes strictly: list entries have no defaults to lay over, so unknown keys are caught here.
  public init(from decoder: any Decoder) throws {
    let raw = try decoder.container(keyedBy: AnyCodingKey.self)
    let known = Set(CodingKeys.allCases.map(\.rawValue))
    if let unknown = raw.allKeys.first(where: { !known.contains($0.stringValue) }) {
      throw DecodingError.dataCorruptedError(
        forKey: unknown, in: raw, debugDescription: "unknown key '\(unknown.stringValue)'")
    }
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decode(String.self, forKey: .name)
    match = try c.decodeIfPresent(Match.self, forKey: .match) ?? .contains
    patterns = try c.decode([String].self, forKey: .patterns)
    maxChars = try c.decodeIfPresent(Int.self, forKey: .maxChars) ?? 0
  }
}

/// Any key, to list the keys a YAML mapping really has.
struct AnyCodingKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// How the Clean stage removes blocks.
public struct CleanConfig: Sendable, Equatable, Codable {
  public var rules: [BoilerplateRule] = BoilerplateRule.defaults
  /// Keep only the first of blocks that are equal after normalization.
  public var dropRepeatedBlocks = true
  /// Drop blocks equal to the title once the title is in the metadata.
  public var dropTitleBlocks = true
  /// When the metadata has no title, take a headline-like first block as the title (plain text files).
  public var titleFromFirstBlock = true
  /// Among this many blocks at the top, a block nearly equal to the title is an echo too.
  public var titleEchoTopBlocks = 3
  /// Shingle similarity at or above which a block counts as a copy of an earlier block
  /// (or of the title at the top); 1 keeps only exact repeats.
  public var nearRepeatThreshold = 0.8
  /// Blocks shorter than this (normalized characters) are too short to judge as near repeats.
  public var nearRepeatMinChars = 20
  /// A block is learned boilerplate when it occurs in at least this many articles of a site...
  public var learnedMinArticles = 3
  /// ...and in at least this share of the site's articles in the run.
  public var learnedMinShare = 0.01
  /// Longer blocks (normalized characters) are never learned whole — a long paragraph
  /// shared by a few articles is a repost's body, which dedup handles — only by their
  /// first and last sentence (`EdgeSentences`). 0 counts whole blocks of any length.
  public var learnedMaxChars = 200

  public init() {}

  enum CodingKeys: String, CodingKey {
    case rules
    case dropRepeatedBlocks = "drop_repeated_blocks"
    case dropTitleBlocks = "drop_title_blocks"
    case titleFromFirstBlock = "title_from_first_block"
    case titleEchoTopBlocks = "title_echo_top_blocks"
    case nearRepeatThreshold = "near_repeat_threshold"
    case nearRepeatMinChars = "near_repeat_min_chars"
    case learnedMinArticles = "learned_min_articles"
    case learnedMinShare = "learned_min_share"
    case learnedMaxChars = "learned_max_chars"
  }

  func validate() throws(ConfigError) {
    for (i, rule) in rules.enumerated() {
      try Check.nonEmpty(rule.name, key: "clean.rules[\(i)].name")
      guard !rule.patterns.isEmpty, rule.patterns.allSatisfy({ !$0.isEmpty }) else {
        throw .invalidValue(
          key: "clean.rules[\(i)].patterns", message: "needs at least one non-empty pattern")
      }
      try Check.range(rule.maxChars, 0...100_000, key: "clean.rules[\(i)].max_chars")
    }
    try Check.range(titleEchoTopBlocks, 0...100, key: "clean.title_echo_top_blocks")
    try Check.range(nearRepeatThreshold, 0.5...1.0, key: "clean.near_repeat_threshold")
    try Check.range(nearRepeatMinChars, 5...10_000, key: "clean.near_repeat_min_chars")
    try Check.range(learnedMinArticles, 0...1_000_000, key: "clean.learned_min_articles")
    try Check.range(learnedMinShare, 0.0...1.0, key: "clean.learned_min_share")
    try Check.range(learnedMaxChars, 0...100_000, key: "clean.learned_max_chars")
  }
}

extension BoilerplateRule {
  /// The built-in rule list; `Config/winnow.yaml` documents each one.
  public static let defaults: [BoilerplateRule] = [
    BoilerplateRule(
      name: "notice",
      patterns: [
        "不得转载", "严禁转载", "禁止转载", "侵权必究", "版权所有", "转载请注明", "版权声明", "授权转载",
        "All rights reserved",
      ], maxChars: 120),
    BoilerplateRule(
      name: "app_prompt",
      patterns: ["下载界面新闻", "扫一扫下载", "下载APP", "下载客户端", "打开APP", "APP内打开", "扫码下载"],
      maxChars: 60),
    BoilerplateRule(
      name: "share_comment", match: .exact,
      patterns: ["评论", "微博", "微信", "微信公众号", "分享", "分享到", "收藏", "点赞", "QQ空间", "我要评论"]),
    BoilerplateRule(
      name: "comment_widget",
      patterns: ["暂无评论", "发表评论", "条评论", "快来评价", "我要评论", "网友评论"], maxChars: 40),
    BoilerplateRule(
      name: "caption",
      patterns: ["图片来源", "资料图", "视频截图", "图自", "摄影：", "摄影/", "供图", "图源："], maxChars: 80),
    BoilerplateRule(
      name: "byline", match: .prefix,
      patterns: ["记者 ", "记者：", "记者:", "【文/", "责任编辑", "编辑：", "编辑:", "编译/", "作者：", "来源："],
      maxChars: 40),
    BoilerplateRule(
      name: "page_ui", match: .exact,
      patterns: [
        "正在阅读:", "正在阅读：", "点击查看大图", "返回顶部", "上一篇", "下一篇", "打印本页", "关闭窗口", "点击进入专题",
        "查看原文", "阅读全文", "展开全文",
      ]),
    BoilerplateRule(
      name: "breadcrumb", match: .prefix,
      patterns: ["当前位置", "您的位置", "你的位置", "您现在的位置", "所在位置"], maxChars: 60),
    BoilerplateRule(
      name: "related_links", match: .prefix,
      patterns: ["相关报道", "相关阅读", "延伸阅读", "相关新闻", "推荐阅读"], maxChars: 20),
  ]
}
