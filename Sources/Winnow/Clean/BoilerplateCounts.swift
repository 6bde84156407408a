/// How often each block occurs per site over a run, counted by `BlockHash` (as
/// CCNet counts paragraph hashes, Wenzek et al. 2019): a block found in many
/// articles of one site is that site's boilerplate even when no rule names it.
///
/// A plain value, `Codable` and mergeable, so counts from shards can be summed and
/// a later run can start from the counts of earlier nights.
///
/// ```swift
/// var counts = BoilerplateCounts()
/// counts.add(site: "guancha.cn", hashes: cleaned.hashes)
/// let learned = counts.learned(minArticles: 3, minShare: 0.01, maxChars: 200)
/// ```
///
/// - Complexity: memory O(distinct blocks per site), eight bytes of key each.
public struct BoilerplateCounts: Sendable, Equatable, Codable {
  /// One site's counts.
  public struct Site: Sendable, Equatable, Codable {
    /// Articles of the site counted.
    public var articles = 0
    /// Articles each block hash occurs in (once per article however often it repeats).
    public var blocks: [UInt64: Int] = [:]

    public init() {}
  }

  public var sites: [String: Site] = [:]

  public init() {}

  /// Counts one article of `site` with the hashes of its countable blocks.
  /// Mutates the site's entry in place (`sites[site, default:]`): copying it out and
  /// back, as this once did, copied the site's whole block dictionary for every
  /// article, 9 % of a 100k-article run in one site (`perf`).
  public mutating func add(site: String, hashes: some Sequence<UInt64>) {
    sites[site, default: Site()].articles += 1
    for hash in Set(hashes) { sites[site, default: Site()].blocks[hash, default: 0] += 1 }
  }

  /// Adds another run's or shard's counts to these.
  public mutating func merge(_ other: BoilerplateCounts) {
    for (name, site) in other.sites {
      sites[name, default: Site()].articles += site.articles
      sites[name, default: Site()].blocks.merge(site.blocks, uniquingKeysWith: +)
    }
  }

  /// The blocks that count as boilerplate: in at least `minArticles` articles of
  /// their site and in at least `minShare` of them. `minArticles` 0 learns nothing.
  /// `maxChars` is the one the units were counted with (`EdgeSentences`).
  public func learned(minArticles: Int, minShare: Double, maxChars: Int) -> LearnedBoilerplate {
    guard minArticles > 0 else { return LearnedBoilerplate(patterns: [:], maxChars: maxChars) }
    var patterns: [String: [UInt64: Int]] = [:]
    for (name, site) in sites {
      let needed = max(Double(minArticles), minShare * Double(site.articles))
      let found = site.blocks.filter { Double($0.value) >= needed }
      if !found.isEmpty { patterns[name] = found }
    }
    return LearnedBoilerplate(patterns: patterns, maxChars: maxChars)
  }

  /// The site an article's blocks are counted under: `metadata.site` when known; else
  /// the input file for records (a JSON Lines or TSV file is one feed), else the
  /// folder holding the file (a folder of one-file-per-article pages is one crawl).
  public static func site(of article: Article) -> String {
    site(metadata: article.metadata, location: article.location)
  }

  /// The site of an article or record from its metadata and where it was read (the report's
  /// per-site table uses the same rule).
  public static func site(metadata: Metadata, location: SourceLocation) -> String {
    if let site = metadata.site, !site.isEmpty { return site }
    let path = location.path
    if location.line != nil { return path }
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }

  /// The hashes an article contributes: each kept block short enough to count whole
  /// (it has a hash, see `Cleaned.hashes`), and the edge sentences of longer ones (see
  /// `EdgeSentences`); `maxChars` 0 counts whole blocks only.
  static func units(of cleaned: Cleaned, maxChars: Int) -> [UInt64] {
    guard maxChars > 0 else { return cleaned.hashes.filter { $0 != Cleaned.longBlock } }
    let edges = EdgeSentences(maxChars: maxChars)
    var units: [UInt64] = []
    for (block, hash) in zip(cleaned.article.blocks, cleaned.hashes) {
      if hash != Cleaned.longBlock {
        units.append(hash)
      } else {
        units += edges.units(of: block)
      }
    }
    return units
  }
}
