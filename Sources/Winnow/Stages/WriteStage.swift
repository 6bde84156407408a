/// Stage 5, per shard: streams the shard's articles back, applies the cluster
/// stage's decisions and encodes every record as a JSON line, into gzip members
/// compressed on worker threads (`MemberFile`): `shard-N.clean`, `.rejected` and,
/// with `--removed`, `.removed`. Members restart at every piece boundary, so
/// the commit stage can lay them end to end into part files that do not depend
/// on the number of shards. With a history, also the kept articles
/// (`shard-N.kept`) the history will record.
struct WriteStage {
  let plan: RunPlan
  let work: WorkFolder
  let jobs: Int

  func run(shard: Int) throws {
    try work.requireComplete(.cluster, shards: plan.shards)
    let stats = try TaskStats.load(work.file(.fingerprint, shard: shard, "stats.json"))
    let start = try firstOrdinal(of: shard)
    let decisions = try ClusterStage.decisions(
      in: start..<(start + stats.articles), work, plan)
    let articles = try plan.reader(
      work.file(.fingerprint, shard: shard, "articles"), kind: FingerprintStage.articlesKind)
    var out = try Outputs(plan, work, shard: shard, jobs: jobs)
    var boundaries = Self.boundaries(stats.pieceArticles)
    var ordinal = start
    var times = StageTimes()
    try articles.forEachRecord { bytes in
      var input = BinaryReader(bytes)
      var article = try ProcessedArticle(from: &input)
      if let rejection = decisions[ordinal] { article.record.rejection = rejection }
      try times.measure("write") { try out.add(article) }
      ordinal += 1
      if boundaries.first == ordinal - start {
        boundaries.removeFirst()
        try out.endPiece()
      }
    }
    try out.finish(times: times)
  }

  /// Counts of articles at which each piece ends, within the shard.
  private static func boundaries(_ pieceArticles: [Int]) -> [Int] {
    var sum = 0
    return pieceArticles.map {
      sum += $0
      return sum
    }
  }

  /// The ordinal of the shard's first article: the articles of the shards before it.
  private func firstOrdinal(of shard: Int) throws -> Int {
    try (0..<shard).reduce(0) {
      $0 + (try TaskStats.load(work.file(.fingerprint, shard: $1, "stats.json"))).articles
    }
  }

  /// The shard's output files and what they count.
  private struct Outputs {
    let clean: MemberFile
    let rejected: MemberFile
    let removed: MemberFile?
    let kept: WorkFileWriter?
    let keys: Deduplicator
    let summaryPath: String
    var json = JSONWriter()
    var summary = WriteSummary()

    init(_ plan: RunPlan, _ work: WorkFolder, shard: Int, jobs: Int) throws {
      let file = { (kind: String) in
        try MemberFile(
          path: work.file(.write, shard: shard, kind), parameters: plan.parameters,
          config: plan.config.write, jobs: jobs)
      }
      clean = try file("clean")
      rejected = try file("rejected")
      removed = plan.writeRemoved ? try file("removed") : nil
      kept =
        plan.config.history.path.isEmpty
        ? nil
        : try plan.writer(work.file(.write, shard: shard, "kept"), kind: KeptArticle.kind)
      keys = Deduplicator(
        config: plan.config.dedup, signatureLength: plan.config.fingerprint.signatureLength)
      summaryPath = work.file(.write, shard: shard, "summary.json")
    }

    mutating func add(_ article: ProcessedArticle) throws {
      let record = article.record
      json.reset()
      record.write(to: &json)
      summary.count(record, bytes: article.byteCount)
      try (record.rejection == nil ? clean : rejected).append(json.bytes)
      if let removed {
        for block in article.removed {
          json.reset()
          RemovedRecord(id: record.id, removed: block).write(to: &json)
          try removed.append(json.bytes)
        }
      }
      if let kept, record.rejection == nil, let print = article.fingerprint {
        try kept.append(KeptArticle(record, print, keys).encoded())
      }
    }

    func endPiece() throws {
      for file in [clean, rejected] + (removed.map { [$0] } ?? []) { try file.endMember() }
    }

    func finish(times: StageTimes) throws {
      var summary = summary
      summary.times = times
      for file in [clean, rejected] + (removed.map { [$0] } ?? []) { try file.commit() }
      try kept?.commit()
      try summary.write(to: summaryPath)
    }
  }
}

/// The counts a write task adds to the manifest and the report.
struct WriteSummary: Codable {
  var counts = Manifest.Counts()
  var inputBytes = 0
  var times = StageTimes()

  mutating func count(_ record: CorpusRecord, bytes: Int) {
    counts.articles += 1
    inputBytes += bytes
    if let rejection = record.rejection {
      counts.rejected += 1
      counts.rejectedByReason[rejection.reason.rawValue, default: 0] += 1
    } else {
      counts.clean += 1
    }
  }

  mutating func merge(_ other: WriteSummary) {
    counts.articles += other.counts.articles
    counts.clean += other.counts.clean
    counts.rejected += other.counts.rejected
    counts.rejectedByReason.merge(other.counts.rejectedByReason, uniquingKeysWith: +)
    inputBytes += other.inputBytes
    times.merge(other.times)
  }
}
