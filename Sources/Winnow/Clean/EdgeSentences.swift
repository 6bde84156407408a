/// The first and the last sentence of a long block. Where a feed joins a whole
/// article into one block (THUCNews: one line per article), site boilerplate is
/// not a block of its own but a sentence at an edge ("本报讯…", "以上信息仅供参考…",
/// "[客服电话]：…"), so for long blocks the edge sentences are what is counted and cut.
struct EdgeSentences {
  /// Sentence ends that split a block.
  static let ends: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "；"]
  /// Closing quotes that belong to the sentence end before them.
  static let closingQuotes: Set<Unicode.Scalar> = ["”", "’", "\"", "」"]
  /// An edge sentence is at most this long (scalars).
  let maxChars: Int

  /// The block's first sentence (through its end mark), when something follows it.
  func lead(of text: String) -> Substring? {
    let scalars = Substring(text).unicodeScalars
    var count = 0
    for index in scalars.indices {
      count += 1
      if count > maxChars { return nil }
      guard Self.ends.contains(scalars[index]) else { continue }
      let end = scalars.index(after: index)
      return end == scalars.endIndex ? nil : Substring(scalars[..<end])
    }
    return nil
  }

  /// The text after the block's last sentence end but one: its last sentence, or the
  /// unpunctuated line after the last sentence; nil when that is the whole block.
  func tail(of text: String) -> Substring? {
    let scalars = Substring(text).unicodeScalars
    guard !scalars.isEmpty else { return nil }
    var index = scalars.index(before: scalars.endIndex)
    var count = 1
    while index > scalars.startIndex {
      let previous = scalars.index(before: index)
      if Self.ends.contains(scalars[previous]) { return Substring(scalars[index...]) }
      if Self.closingQuotes.contains(scalars[previous]), previous > scalars.startIndex,
        Self.ends.contains(scalars[scalars.index(before: previous)])
      {
        return Substring(scalars[index...])  // "…。”我要评论": the quote ends the sentence
      }
      count += 1
      if count > maxChars { return nil }
      index = previous
    }
    return nil
  }

  /// Hashes of what a block contributes to the counts: the whole block when it is short,
  /// else its edge sentences (that have text to match).
  func units(of block: Block) -> [UInt64] {
    let bytes = block.text.utf8.count
    if bytes <= maxChars
      || (bytes <= 4 * maxChars && block.text.unicodeScalars.count <= maxChars)
    {
      return [BlockHash.of(MatchNormalizer.normalize(block.text))]
    }
    return [lead(of: block.text), tail(of: block.text)].compactMap { part in
      guard let part else { return nil }
      let key = MatchNormalizer.normalize(String(part))
      return key.count >= 4 ? BlockHash.of(key) : nil
    }
  }
}
