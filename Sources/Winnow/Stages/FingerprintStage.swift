import Foundation

/// Stage 2, per shard: decides the run's learned boilerplate from every shard's
/// block counts (and the history's, saved by the plan), then streams the shard's
/// cleaned articles back batch by batch: remove learned blocks → quality →
/// fingerprint on `jobs` threads. Writes the finished articles
/// (`shard-N.articles`) and one `PrintEntry` per article (`shard-N.prints`): all
/// later stages need of an article until the write stage reads it again.
struct FingerprintStage {
  static let articlesKind = "articles"
  let plan: RunPlan
  let work: WorkFolder
  let jobs: Int

  func run(shard: Int) throws {
    try work.requireComplete(.clean, shards: plan.shards)
    let learned = try LearnedRules.load(plan, work).learned
    let processor = ArticleProcessor(config: plan.config)
    let spool = try plan.reader(
      work.file(.clean, shard: shard, "spool"), kind: CleanStage.spoolKind)
    let articles = try plan.writer(
      work.file(.fingerprint, shard: shard, "articles"), kind: Self.articlesKind)
    let prints = try plan.writer(
      work.file(.fingerprint, shard: shard, "prints"), kind: PrintEntry.kind)
    var stats = try TaskStats.load(work.file(.clean, shard: shard, "stats.json"))
    stats.times = StageTimes()
    let keepFingerprints = !plan.config.history.path.isEmpty
    try RecordStream(file: spool, jobs: jobs).run(times: &stats.times) { record, times in
      Self.finish(
        record.bytes, processor: processor, learned: learned, keepFingerprint: keepFingerprints,
        times: &times)
    } consume: { result in
      var (encoded, entry) = result
      entry.offset = articles.payloadOffset
      articles.append(encoded)
      prints.append(entry)
    }
    try articles.commit()
    try prints.commit()
    try stats.write(to: work.file(.fingerprint, shard: shard, "stats.json"))
  }

  /// One spooled first pass through the second: the article encoded for the
  /// articles file, and its entry (offset still to fill in); nil when the bytes do
  /// not decode (the spool's checksum, checked at its end, will say why). The
  /// fingerprint goes in the entry; the article keeps it too only with `keepFingerprint`
  /// (a run with a history records it with the kept article), since the signature
  /// alone is an eighth of the record (1.5 GB of a 10 GB run's articles file).
  private static func finish(
    _ bytes: [UInt8], processor: ArticleProcessor, learned: LearnedBoilerplate,
    keepFingerprint: Bool, times: inout StageTimes
  ) -> ([UInt8], PrintEntry)? {
    guard let first = try? BinaryReader.decode(FirstPass.self, from: bytes) else { return nil }
    var article = processor.secondPass(first, learned: learned, times: &times)
    var entry = PrintEntry(article)
    if !keepFingerprint { article.fingerprint = nil }
    var out = BinaryWriter()
    article.encode(to: &out)
    entry.articleCRC = out.bytes.withUnsafeBytes { WorkFileIO.crc32(0, $0) }
    return (out.bytes, entry)
  }
}

/// The boilerplate a run learns: the counts of earlier runs (saved by the plan when
/// the run has a history) and of every clean shard, merged in shard order.
struct LearnedRules {
  /// The run's own counts, which the history records.
  var counts = BoilerplateCounts()
  var learned: LearnedBoilerplate

  static func load(_ plan: RunPlan, _ work: WorkFolder) throws -> LearnedRules {
    var counts = BoilerplateCounts()
    for shard in 0..<plan.shards {
      try counts.merge(file: work.file(.clean, shard: shard, "counts"), plan)
    }
    var deciding = BoilerplateCounts()
    let earlier = work.historyCountsPath
    if FileManager.default.fileExists(atPath: earlier) { try deciding.merge(file: earlier, plan) }
    deciding.merge(counts)
    let clean = plan.config.clean
    return LearnedRules(
      counts: counts,
      learned: deciding.learned(
        minArticles: clean.learnedMinArticles, minShare: clean.learnedMinShare,
        maxChars: clean.learnedMaxChars))
  }
}
