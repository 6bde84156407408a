/// Every article of a run as the dedup stages see it: each shard's print entries
/// in order (ordinal = position over all shards), and random access to the full
/// articles in the shards' articles files, read by offset when needed (texts for
/// exact verification, records for the report and the pairs file).
struct RunArticles: Sendable {
  let entries: [PrintEntry]
  /// The ordinal of each shard's first article.
  let shardStarts: [Int]
  private let files: [WorkFileReader]

  init(_ plan: RunPlan, _ work: WorkFolder) throws {
    var entries: [PrintEntry] = []
    var starts: [Int] = []
    var files: [WorkFileReader] = []
    for shard in 0..<plan.shards {
      starts.append(entries.count)
      let prints = try plan.reader(
        work.file(.fingerprint, shard: shard, "prints"), kind: PrintEntry.kind)
      try prints.forEachRecord { bytes in
        var input = BinaryReader(bytes)
        entries.append(try PrintEntry(from: &input))
      }
      let articles = try plan.reader(
        work.file(.fingerprint, shard: shard, "articles"), kind: FingerprintStage.articlesKind)
      try articles.verify()
      files.append(articles)
    }
    self.entries = entries
    self.files = files
    shardStarts = starts
  }

  /// The article at `ordinal`, read back from its shard's articles file.
  func article(_ ordinal: Int) throws -> ProcessedArticle {
    let shard = (shardStarts.lastIndex { $0 <= ordinal }) ?? 0
    return try BinaryReader.decode(
      ProcessedArticle.self, from: try files[shard].record(at: entries[ordinal].offset))
  }

  /// Later articles (not rejected already) whose id an earlier article used, each
  /// with the ordinal of that first article. Equal id hashes are confirmed on the ids.
  func repeatedIds() throws -> [Int: Int] {
    let order = entries.indices.sorted {
      let (a, b) = (entries[$0].idHash, entries[$1].idHash)
      return (a.high, a.low, $0) < (b.high, b.low, $1)
    }
    var repeated: [Int: Int] = [:]
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && entries[order[end]].idHash == entries[order[start]].idHash {
        end += 1
      }
      if end - start > 1 { try confirm(Array(order[start..<end]), into: &repeated) }
      start = end
    }
    return repeated
  }

  private func confirm(_ group: [Int], into repeated: inout [Int: Int]) throws {
    var first: [String: Int] = [:]
    for ordinal in group {
      let id = try article(ordinal).record.id
      if let earlier = first[id] {
        if !entries[ordinal].rejected { repeated[ordinal] = earlier }
      } else {
        first[id] = ordinal
      }
    }
  }

  /// The articles that go to dedup, as ordinals and items: fingerprinted, not
  /// rejected, and not repeating an earlier id.
  func items(excluding repeated: [Int: Int]) -> (ordinals: [Int], items: [DedupItem]) {
    var ordinals: [Int] = []
    var items: [DedupItem] = []
    for (ordinal, entry) in entries.enumerated()
    where !entry.rejected && repeated[ordinal] == nil {
      guard let print = entry.fingerprint else { continue }
      ordinals.append(ordinal)
      items.append(DedupItem(fingerprint: print, bodyLength: entry.bodyLength))
    }
    return (ordinals, items)
  }
}
