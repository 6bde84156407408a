/// The blocks (and edge sentences of long blocks) learned as boilerplate over a
/// run, per site, and their removal: the second cleaning pass, after counting.
public struct LearnedBoilerplate: Sendable, Equatable {
  /// Site → hash → articles of the site it occurs in.
  public let patterns: [String: [UInt64: Int]]
  /// Blocks up to this long are matched whole; longer ones by their edge sentences.
  public let maxChars: Int

  public init(patterns: [String: [UInt64: Int]], maxChars: Int = 200) {
    self.patterns = patterns
    self.maxChars = maxChars
  }

  /// Every learned pattern, most frequent first (then by site and hash, for a stable order).
  public var entries: [(site: String, pattern: UInt64, articles: Int)] {
    patterns.flatMap { site, found in
      found.map { (site: site, pattern: $0.key, articles: $0.value) }
    }
    .sorted { ($1.articles, $0.site, $0.pattern) < ($0.articles, $1.site, $1.pattern) }
  }

  /// The article without its learned boilerplate, each removal recorded with its pattern.
  /// `units` are the hashes the article was counted with, when known: an article none of
  /// whose units is learned is returned as it is without looking at its text again.
  public func apply(to cleaned: Cleaned, site: String, units: [UInt64]? = nil) -> Cleaned {
    guard let found = patterns[site], !found.isEmpty,
      cleaned.hashes.count == cleaned.article.blocks.count
    else { return cleaned }
    if let units, !units.contains(where: { found[$0] != nil }) { return cleaned }
    var article = cleaned.article
    article.blocks = []
    var hashes: [UInt64] = []
    var indices: [Int] = []
    var removed = cleaned.removed
    for (i, block) in cleaned.article.blocks.enumerated() {
      let index = cleaned.indices.count > i ? cleaned.indices[i] : i
      if found[cleaned.hashes[i]] != nil {
        removed.append(
          RemovedBlock(
            index: index, block: block, rule: CleanReason.learned, pattern: cleaned.hashes[i]))
        continue
      }
      let (rest, cuts) =
        cleaned.hashes[i] == Cleaned.longBlock ? cutEdges(block, found: found) : (block, [])
      removed += cuts.map {
        RemovedBlock(index: index, block: $0.part, rule: CleanReason.learned, pattern: $0.hash)
      }
      article.blocks.append(rest)
      hashes.append(cleaned.hashes[i])
      indices.append(index)
    }
    removed.sort { $0.index < $1.index }
    return Cleaned(
      article: article, removed: removed, hashes: hashes, indices: indices,
      headline: cleaned.headline)
  }

  /// A long block without its learned lead and tail sentences, and what was cut.
  private func cutEdges(_ block: Block, found: [UInt64: Int]) -> (
    Block, [(part: Block, hash: UInt64)]
  ) {
    let edges = EdgeSentences(maxChars: maxChars)
    var text = block.text
    var cuts: [(part: Block, hash: UInt64)] = []
    if let lead = edges.lead(of: text), let hash = learnedHash(lead, found) {
      cuts.append((Block(block.kind, String(lead).trimmingTrailingSpaces()), hash))
      text = String(
        String.UnicodeScalarView(
          text.unicodeScalars.dropFirst(lead.unicodeScalars.count).drop {
            $0.properties.isWhitespace
          }))
    }
    if let tail = edges.tail(of: text), let hash = learnedHash(tail, found) {
      let part = String(
        String.UnicodeScalarView(tail.unicodeScalars.drop { $0.properties.isWhitespace }))
      cuts.append((Block(block.kind, part), hash))
      text = String(text.unicodeScalars.dropLast(tail.unicodeScalars.count))
        .trimmingTrailingSpaces()
    }
    return (Block(block.kind, text), cuts)
  }

  private func learnedHash(_ part: Substring, _ found: [UInt64: Int]) -> UInt64? {
    let key = MatchNormalizer.normalize(String(part))
    guard key.count >= 4 else { return nil }
    let hash = BlockHash.of(key)
    return found[hash] != nil ? hash : nil
  }
}
