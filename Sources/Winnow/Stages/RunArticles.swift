import Foundation

/// Every article of a run as the dedup stages see it, numbered in input order over
/// all shards (its ordinal): the items that go to dedup with their band keys, the
/// repeated ids, and random access to what stays on disk: signatures in the prints
/// files, full articles in the articles files, read by offset when a pair or the
/// report needs them. Memory holds about 234 bytes per article.
struct RunArticles: Sendable {
  /// Later articles (not rejected already) whose id an earlier article used, each
  /// with the ordinal of that first article.
  let repeated: [Int: Int]
  /// The articles that go to dedup: fingerprinted, not rejected, not repeating an id.
  let ordinals: [Int]
  let items: [DedupItem]
  let signatures: ItemSignatures
  private let shelf: Shelf

  /// Loads every shard's prints, cutting the band keys on `jobs` threads.
  init(_ plan: RunPlan, _ work: WorkFolder, parameters: LSHParameters, jobs: Int) throws {
    var loaded = try Loaded(plan, work, parameters: parameters, jobs: jobs)
    shelf = loaded.shelf
    repeated = try Self.repeatedIds(loaded.entries, shelf)
    var ordinals: [Int] = []
    var items: [DedupItem] = []
    for (ordinal, entry) in loaded.entries.enumerated()
    where !entry.rejected && repeated[ordinal] == nil {
      guard let print = entry.fingerprint else { continue }
      ordinals.append(ordinal)
      items.append(DedupItem(fingerprint: print, bodyLength: entry.bodyLength))
    }
    let keys = loaded.keys(of: ordinals, bands: parameters.bands)
    self.ordinals = ordinals
    self.items = items
    signatures = ItemSignatures(bands: parameters.bands, keys: keys) { [shelf, ordinals] in
      shelf.signature(ordinals[$0])
    }
  }

  /// The article at `ordinal`, read back from its shard's articles file.
  func article(_ ordinal: Int) throws -> ProcessedArticle { try shelf.article(ordinal) }

  /// The id of the article at `ordinal`, read back from its print.
  func id(_ ordinal: Int) throws -> String { try shelf.entry(ordinal).id }

  /// Item `item`'s match text, read back for exact verification, for code that cannot
  /// throw: an article that cannot be read back gives an empty text, and `failure`
  /// keeps the first error for the caller to throw once that code returns.
  func matchText(ofItem item: Int, failure: FirstFailure) -> String {
    do {
      return try shelf.article(ordinals[item]).matchText
    } catch {
      failure.record(error)
      return ""
    }
  }

  private static func repeatedIds(_ entries: [PrintEntry], _ shelf: Shelf) throws -> [Int: Int] {
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
      var first: [String: Int] = [:]  // equal hashes, confirmed on the ids
      for ordinal in order[start..<end] where end - start > 1 {
        let id = try shelf.entry(ordinal).id
        if let earlier = first[id] {
          if !entries[ordinal].rejected { repeated[ordinal] = earlier }
        } else {
          first[id] = ordinal
        }
      }
      start = end
    }
    return repeated
  }
}

/// Where each article's print entry and full record lie in the shards' files. The
/// prints were checked as they were loaded; an article's record is checked against
/// its print's CRC when read, so no dedup stage reads a whole articles file to check it
/// (the write stage reads it all, checked, anyway).
private struct Shelf: Sendable {
  let shardStarts: [Int]
  let prints: [WorkFileReader]
  let articles: [WorkFileReader]
  let printOffsets: [Int]
  let articleOffsets: [Int]
  let articleCRCs: [UInt32]

  private func shard(of ordinal: Int) -> Int { (shardStarts.lastIndex { $0 <= ordinal }) ?? 0 }

  func article(_ ordinal: Int) throws -> ProcessedArticle {
    let file = articles[shard(of: ordinal)]
    let offset = articleOffsets[ordinal]
    let bytes = try file.record(at: offset)
    guard bytes.withUnsafeBytes({ WorkFileIO.crc32(0, $0) }) == articleCRCs[ordinal] else {
      throw WorkFileError(
        path: file.path,
        "the record at payload offset \(offset) does not match its checksum: the file is damaged; \(WorkFileError.rerun)"
      )
    }
    do {
      return try BinaryReader.decode(ProcessedArticle.self, from: bytes)
    } catch {
      throw error.located(in: file.path, offset: offset)
    }
  }

  /// The print entry of the article at `ordinal`, whole.
  func entry(_ ordinal: Int) throws -> PrintEntry {
    try prints[shard(of: ordinal)].record(at: printOffsets[ordinal], as: PrintEntry.self)
  }

  /// The signature of the article at `ordinal`; the prints were verified when loaded.
  func signature(_ ordinal: Int) -> [UInt32] {
    do {
      return try entry(ordinal).fingerprint?.signature ?? []
    } catch {
      preconditionFailure("cannot read a signature back: \(error)")
    }
  }
}

/// The prints of every shard as read: entries without their signatures, each
/// fingerprinted article's band keys (by ordinal), and the files' offsets.
private struct Loaded {
  var entries: [PrintEntry]
  var shelf: Shelf
  /// `bands` keys per article, zero for an article without a fingerprint.
  private var keys: [UInt64]

  init(_ plan: RunPlan, _ work: WorkFolder, parameters: LSHParameters, jobs: Int) throws {
    let index = BandIndex(parameters: parameters, window: 0)
    var entries: [PrintEntry] = []
    var keys: [UInt64] = []
    var starts: [Int] = []
    var prints: [WorkFileReader] = []
    var articles: [WorkFileReader] = []
    var printOffsets: [Int] = []
    for shard in 0..<plan.shards {
      starts.append(entries.count)
      let file = try plan.reader(
        work.file(.fingerprint, shard: shard, "prints"), kind: PrintEntry.kind)
      var unused = StageTimes()
      try RecordStream(file: file, jobs: jobs).run(times: &unused) { record, _ in
        Self.entry(record, index)
      } consume: { (entry: PrintEntry, entryKeys: [UInt64], offset: Int) in
        printOffsets.append(offset)
        keys += entryKeys
        entries.append(entry)
      }
      prints.append(file)
      articles.append(
        try plan.reader(
          work.file(.fingerprint, shard: shard, "articles"), kind: FingerprintStage.articlesKind))
    }
    shelf = Shelf(
      shardStarts: starts, prints: prints, articles: articles, printOffsets: printOffsets,
      articleOffsets: entries.map(\.offset), articleCRCs: entries.map(\.articleCRC))
    self.entries = entries
    self.keys = keys
  }

  /// A print entry without its id and signature, its band keys (zeros without a
  /// fingerprint) and where its record starts; nil when the bytes do not decode.
  private static func entry(_ record: RecordStream.Record, _ index: BandIndex) -> (
    PrintEntry, [UInt64], Int
  )? {
    guard var entry = try? BinaryReader.decode(PrintEntry.self, from: record.bytes) else {
      return nil
    }
    let signature = entry.fingerprint?.signature ?? []
    let keys =
      signature.isEmpty
      ? [UInt64](repeating: 0, count: index.parameters.bands) : index.keys(of: signature)
    entry.fingerprint?.signature = []
    entry.id = ""
    return (entry, keys, record.offset)
  }

  /// The keys of `ordinals` (ascending), moved to the front in place and returned.
  mutating func keys(of ordinals: [Int], bands: Int) -> [UInt64] {
    for (item, ordinal) in ordinals.enumerated() where item != ordinal {
      for band in 0..<bands { keys[item * bands + band] = keys[ordinal * bands + band] }
    }
    keys.removeLast(keys.count - ordinals.count * bands)
    defer { keys = [] }
    return keys
  }
}

/// A run's articles as the dedup stages load them, kept between tasks of one process:
/// `winnow run`'s cluster stage would otherwise read every print again right after
/// collide did. `StageRunner` clears it before any other stage.
final class LoadedArticles: @unchecked Sendable {
  // `kept` is only touched with `lock` held.
  private let lock = NSLock()
  private var kept: RunArticles?

  /// The articles loaded before, or `load`'s, kept for the next task.
  func articles(_ load: () throws -> RunArticles) rethrows -> RunArticles {
    lock.lock()
    defer { lock.unlock() }
    if let kept { return kept }
    let articles = try load()
    kept = articles
    return articles
  }

  func clear() {
    lock.lock()
    kept = nil
    lock.unlock()
  }
}

/// The first error met inside code that cannot throw (a closure run on worker threads),
/// kept for the caller to throw once that code returns.
final class FirstFailure: @unchecked Sendable {
  // `error` is only touched with `lock` held.
  private let lock = NSLock()
  private var error: (any Error)?

  func record(_ error: any Error) {
    lock.withLock { self.error = self.error ?? error }
  }

  /// Throws the error recorded first, if any.
  func check() throws {
    if let error = lock.withLock({ error }) { throw error }
  }
}
