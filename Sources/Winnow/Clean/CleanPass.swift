/// One article going through the `Cleaner`: what is kept and removed so far, and
/// what later blocks are compared with (earlier texts, the related-links state).
struct CleanPass {
  let cleaner: Cleaner
  let title: TitleEcho
  private(set) var kept: [Block] = []
  private(set) var hashes: [UInt64] = []
  private(set) var indices: [Int] = []
  private(set) var removed: [RemovedBlock] = []
  /// Normalized text of each kept block (for the standfirst check; dropped with the pass).
  private var keys: [[UInt32]] = []
  private var seen = Set<HashedKey>()
  /// Earlier blocks long enough to judge near repeats, with their shingles once needed.
  private var earlier: [(key: [UInt32], shingles: Shingles?)] = []
  /// True right after a related-links heading, while title-like lines follow.
  private var inRelatedLinks = false

  init(cleaner: Cleaner, title: TitleEcho) {
    self.cleaner = cleaner
    self.title = title
  }

  /// Keeps the block (perhaps without a byline prefix or a second copy of its text) or removes it.
  mutating func take(_ original: Block, at index: Int) {
    var block = original
    if let (byline, rest) = StructureRules.bylinePrefix(block.text) {
      let whole = MatchNormalizer.normalize(rest).isEmpty
      let rule = whole ? CleanReason.byline : CleanReason.bylinePrefix
      removed.append(RemovedBlock(index: index, block: Block(block.kind, byline), rule: rule))
      if whole { return }
      block.text = rest
    }
    var key = HashedKey(MatchNormalizer.normalize(block.text))
    if let rule = removalRule(block, key: key, index: index) {
      removed.append(RemovedBlock(index: index, block: block, rule: rule))
      seen.insert(key)
      return
    }
    seen.insert(key)
    if key.scalars.count >= 2 * cleaner.config.nearRepeatMinChars,
      let (text, copy) = cleaner.doubled.split(block.text, key: key.scalars)
    {
      removed.append(
        RemovedBlock(index: index, block: Block(block.kind, copy), rule: CleanReason.repeatedText))
      block.text = text
      key = HashedKey(MatchNormalizer.normalize(text))
    }
    kept.append(block)
    hashes.append(hash(key))
    indices.append(index)
    keys.append(key.scalars)
  }

  /// The block's hash for counting, or `Cleaned.longBlock` when it is too long to learn whole.
  private func hash(_ key: HashedKey) -> UInt64 {
    let limit = cleaner.config.learnedMaxChars
    return limit > 0 && key.scalars.count > limit ? Cleaned.longBlock : key.hash
  }

  /// Removes a short block at the top whose text recurs inside a later paragraph
  /// (most of its character bigrams are there): a standfirst or summary line that
  /// the body states again in full, perhaps in other words.
  mutating func dropStandfirst() {
    let top = min(kept.count - 1, cleaner.config.titleEchoTopBlocks)
    guard cleaner.config.dropRepeatedBlocks, top > 0 else { return }
    var later: [Shingles]?
    for i in (0..<top).reversed() {
      let key = keys[i]
      guard key.count >= 8, key.count < StructureRules.linkTitleMaxChars * 2 else { continue }
      let shingles = Shingles(key, size: 2)
      let bodies = later ?? keys.map { Shingles($0, size: 2) }
      later = bodies
      let threshold = cleaner.config.nearRepeatThreshold
      guard
        keys.indices.contains(where: {
          $0 > i && keys[$0].count > key.count && shingles.containment(in: bodies[$0]) >= threshold
        })
      else { continue }
      removed.append(
        RemovedBlock(index: indices[i], block: kept[i], rule: CleanReason.standfirst))
      kept.remove(at: i)
      hashes.remove(at: i)
      indices.remove(at: i)
      keys.remove(at: i)
      later?.remove(at: i)
    }
  }

  /// The first reason to remove the block, or nil to keep it. Rules come before
  /// repeats so that a repeated notice is reported as a notice.
  private mutating func removalRule(_ block: Block, key: HashedKey, index: Int) -> String? {
    if key.scalars.isEmpty { return CleanReason.noText }
    if block.kind == .caption { return CleanReason.caption }
    let length = block.text.scalarCount
    if inRelatedLinks {
      inRelatedLinks = StructureRules.isLinkTitle(block.text, scalarCount: length)
      if inRelatedLinks { return CleanReason.relatedLinks }
    }
    if let rule = cleaner.ruleName(block, scalarCount: length) {
      inRelatedLinks = rule == CleanReason.relatedLinks
      return rule
    }
    if StructureRules.isSignOff(block.text) { return CleanReason.signOff }
    if let echo = titleEcho(key.scalars, index: index) { return echo }
    if cleaner.config.dropRepeatedBlocks { return repeatRule(key) }
    return nil
  }

  private func titleEcho(_ key: [UInt32], index: Int) -> String? {
    guard cleaner.config.dropTitleBlocks else { return nil }
    if title.matches(key) { return CleanReason.titleEcho }
    let atTop = kept.isEmpty || index < cleaner.config.titleEchoTopBlocks
    guard atTop, title.nearlyMatches(key, threshold: cleaner.config.nearRepeatThreshold) else {
      return nil
    }
    return CleanReason.titleEcho
  }

  /// `repeated_block` for an exact repeat, `near_repeat` for a near one; remembers the
  /// block for later ones when it is long enough to judge. Shingles are built only for
  /// blocks whose lengths allow the threshold, so a long single-block article costs nothing.
  private mutating func repeatRule(_ hashed: HashedKey) -> String? {
    if seen.contains(hashed) { return CleanReason.repeatedBlock }
    let key = hashed.scalars
    let threshold = cleaner.config.nearRepeatThreshold
    guard key.count >= cleaner.config.nearRepeatMinChars, threshold < 1 else { return nil }
    let candidates = earlier.indices.filter {
      let other = earlier[$0].key.count
      return Double(min(other, key.count)) >= threshold * Double(max(other, key.count))
    }
    guard !candidates.isEmpty else {
      earlier.append((key, nil))
      return nil
    }
    let shingles = Shingles(key)
    var near = false
    for i in candidates where !near {
      let other = earlier[i].shingles ?? Shingles(earlier[i].key)
      earlier[i].shingles = other
      near = shingles.couldReach(threshold, with: other) && shingles.jaccard(other) >= threshold
    }
    earlier.append((key, shingles))
    return near ? CleanReason.nearRepeat : nil
  }

  /// Cuts a sign-off from the end of the last kept block ("…。(XWT185)").
  mutating func cutSignOff() {
    guard let last = kept.last, let index = indices.last,
      let (rest, signOff) = StructureRules.withoutSignOff(last.text)
    else { return }
    removed.append(
      RemovedBlock(index: index, block: Block(last.kind, signOff), rule: CleanReason.signOff))
    kept[kept.count - 1].text = rest
    hashes[hashes.count - 1] = hash(HashedKey(MatchNormalizer.normalize(rest)))
  }
}
