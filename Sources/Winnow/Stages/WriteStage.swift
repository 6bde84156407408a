import Foundation

/// Stage 5, per shard: streams the shard's articles back, applies the cluster
/// stage's decisions and encodes every record as a JSON line on `jobs` threads,
/// into gzip members compressed on worker threads (`MemberFile`):
/// `shard-N.clean`, `.rejected` and, with `--removed`, `.removed`. Members restart
/// at every piece boundary, so the commit stage can lay them end to end into part
/// files that do not depend on the number of shards. A run with one shard lays its
/// part files here at once (`shard-00000.parts/`), as the commit stage would, which
/// then links them into place instead of copying them. With a history, also the
/// kept articles (`shard-N.kept`) the history will record.
struct WriteStage {
  let plan: RunPlan
  let work: WorkFolder
  let jobs: Int

  func run(shard: Int) throws {
    try work.requireComplete(.cluster, shards: plan.shards)
    let stats = try TaskStats.load(work.file(.fingerprint, shard: shard, "stats.json"))
    let decisions = try ClusterStage.decisions(ofShard: shard, work, plan)
    let articles = try plan.reader(
      work.file(.fingerprint, shard: shard, "articles"), kind: FingerprintStage.articlesKind)
    let out = try Outputs(plan, work, shard: shard, jobs: jobs)
    let encoder = Encoder(
      writeRemoved: plan.writeRemoved, keepForHistory: !plan.config.history.path.isEmpty,
      keys: plan.deduplicator)
    var boundaries = Self.boundaries(stats.pieceArticles)
    var written = 0
    var summary = WriteSummary()
    var report = ReportBuilder(
      config: plan.config.report, quality: plan.config.quality,
      dedupThreshold: plan.config.dedup.threshold)
    report.setLearned(try LearnedRules.load(plan, work).learned)
    var times = StageTimes()
    try RecordStream(file: articles, jobs: jobs).run(times: &times) {
      record, times -> Item? in
      decisions.article(record.index, record.bytes).map { article in
        times.measure("write") { encoder.encode(article) }
      }
    } consume: { (item: Item) in
      summary.count(item.record.rejection?.reason, bytes: item.byteCount)
      report.add(item.record, removed: item.removedBlocks)
      try out.add(item)
      written += 1
      if boundaries.first == written {
        boundaries.removeFirst()
        try out.endPiece()
      }
    }
    summary.laid = try out.finish(laidAt: work.file(.write, shard: shard, "parts"))
    times.add("write", out.compressing, articles: 0)
    summary.times = times
    summary.report = report.part
    try summary.write(to: work.file(.write, shard: shard, "summary.json"))
  }

  /// Counts of articles at which each piece ends, within the shard; a piece without
  /// articles (a part of a file holding only blank lines) ends nothing.
  private static func boundaries(_ pieceArticles: [Int]) -> [Int] {
    var sum = 0
    return pieceArticles.compactMap {
      sum += $0
      return $0 > 0 ? sum : nil
    }
  }

  /// One article as the output files take it, encoded on a worker thread.
  struct Item: Sendable {
    /// The record with its decision, and the blocks cleaning removed: for the report.
    var record: CorpusRecord
    var removedBlocks: [RemovedBlock]
    var byteCount: Int
    /// The record's JSON line.
    var line: [UInt8]
    /// One JSON line per removed block, when the run writes them.
    var removed: [[UInt8]]
    /// The `KeptArticle` the history records, for a kept article of a run with a history.
    var kept: [UInt8]?
  }

  /// Turns an article into its `Item`.
  struct Encoder: Sendable {
    let writeRemoved: Bool
    let keepForHistory: Bool
    let keys: Deduplicator

    func encode(_ article: ProcessedArticle) -> Item {
      let record = article.record
      var json = JSONWriter()
      record.write(to: &json)
      var item = Item(
        record: record, removedBlocks: article.removed, byteCount: article.byteCount,
        line: json.bytes, removed: [])
      if writeRemoved {
        item.removed = article.removed.map { block in
          json.reset()
          RemovedRecord(id: record.id, removed: block).write(to: &json)
          return json.bytes
        }
      }
      if keepForHistory, record.rejection == nil, let print = article.fingerprint {
        item.kept = BinaryWriter.encode(KeptArticle(record, print, keys))
      }
      return item
    }
  }

  /// The shard's output files.
  private struct Outputs {
    let clean: MemberFile
    let rejected: MemberFile
    let removed: MemberFile?
    let kept: WorkFileWriter?
    /// The part files, laid under a temporary name, when the run has one shard.
    let laid: PartFolders?

    init(_ plan: RunPlan, _ work: WorkFolder, shard: Int, jobs: Int) throws {
      let config = plan.config.write
      laid =
        plan.shards == 1
        ? try PartFolders(
          path: work.file(.write, shard: shard, "parts.tmp"), config: config,
          removed: plan.writeRemoved) : nil
      let file = { [laid] (kind: String) throws -> MemberFile in
        if let parts = laid?.parts(kind) {
          return MemberFile(.parts(parts), config: config, jobs: jobs)
        }
        return try MemberFile(
          path: work.file(.write, shard: shard, kind), parameters: plan.parameters,
          config: config, jobs: jobs)
      }
      clean = try file("clean")
      rejected = try file("rejected")
      removed = plan.writeRemoved ? try file("removed") : nil
      kept =
        plan.config.history.path.isEmpty
        ? nil : try plan.writer(work.file(.write, shard: shard, "kept"), kind: KeptArticle.kind)
    }

    func add(_ item: Item) throws {
      try (item.record.rejection == nil ? clean : rejected).append(item.line)
      for line in item.removed { try removed?.append(line) }
      if let bytes = item.kept { kept?.append(bytes) }
    }

    func endPiece() throws {
      for file in members { try file.endMember() }
    }

    /// Completes every file; returns the laid parts' entries, after moving their folder
    /// to `path`, when there are laid parts.
    func finish(laidAt path: String) throws -> [OutputEntry]? {
      for file in members { try file.commit() }
      try kept?.commit()
      guard let laid else { return nil }
      let entries = try laid.finish()
      let files = FileManager.default
      do {
        if files.fileExists(atPath: path) { try files.removeItem(atPath: path) }
        try files.moveItem(atPath: laid.path, toPath: path)
      } catch {
        throw StageError(path: path, message: "cannot move the parts into place: \(error)")
      }
      return entries
    }

    /// Time spent compressing, summed over the files and threads.
    var compressing: Duration { members.reduce(.zero) { $0 + $1.compressing } }

    private var members: [MemberFile] { [clean, rejected] + (removed.map { [$0] } ?? []) }
  }
}

/// The counts a write task adds to the manifest and the report.
struct WriteSummary: TaskJSON {
  var counts = Manifest.Counts()
  var inputBytes = 0
  var times = StageTimes()
  /// What the report counted of the task's records.
  var report = ReportPart()
  /// The part files the task laid itself (a run with one shard), for the commit stage
  /// to link into place; nil when it wrote members for the commit stage to lay.
  var laid: [OutputEntry]?

  mutating func count(_ reason: RejectReason?, bytes: Int) {
    counts.articles += 1
    inputBytes += bytes
    if let reason {
      counts.rejected += 1
      counts.rejectedByReason[reason.rawValue, default: 0] += 1
    } else {
      counts.clean += 1
    }
  }

  /// Adds another task's counts and times; the report parts are added up by a
  /// `ReportBuilder`, which knows the configuration (`ReportBuilder.merge`).
  mutating func merge(_ other: WriteSummary) {
    counts.articles += other.counts.articles
    counts.clean += other.counts.clean
    counts.rejected += other.counts.rejected
    counts.rejectedByReason.merge(other.counts.rejectedByReason, uniquingKeysWith: +)
    inputBytes += other.inputBytes
    times.merge(other.times)
  }
}
