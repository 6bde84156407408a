import Logging

/// Stage 1, per shard: reads the shard's pieces and sends every article through
/// extract and the local cleaning rules on `jobs` threads, batch by batch, so no
/// more than a few batches of text are in memory. Writes the articles in input order
/// (`shard-N.spool`), the shard's block counts per site (`shard-N.counts`) and
/// its figures (`shard-N.stats.json`). Shard 0 starts with the inputs that could
/// not even be listed.
struct CleanStage {
  static let spoolKind = "cleaned"
  let plan: RunPlan
  let work: WorkFolder
  let jobs: Int
  let logger: Logger
  /// Articles (or failures) read before a batch goes to the threads.
  static let batchSize = 512

  func run(shard: Int, progress: (@Sendable (String) -> Void)? = nil) throws {
    let processor = ArticleProcessor(config: plan.config)
    let reader = Reader(config: plan.config.read)
    let spool = try plan.writer(work.file(.clean, shard: shard, "spool"), kind: Self.spoolKind)
    var sink = Sink(processor: processor, spool: spool, jobs: jobs, logger: logger)
    if shard == 0 {
      for failure in plan.listingFailures { sink.add(.failure(failure)) }
    }
    var before = 0  // shard 0's first piece also holds the listing failures
    var lines = 0  // of the cut file being read, when the plan did not count them
    for piece in plan.pieces(ofShard: shard) {
      for file in plan.files[piece.files] {
        lines = read(file, piece.part, linesBefore: lines, with: reader, into: &sink)
        progress?("\(sink.stats.articles) articles read, now \(file.path)")
      }
      sink.stats.pieceArticles.append(sink.stats.articles - before)
      before = sink.stats.articles
    }
    sink.finish()
    try spool.commit()
    try BoilerplateCounts.write(sink.counts, to: work.file(.clean, shard: shard, "counts"), plan)
    try sink.stats.write(to: work.file(.clean, shard: shard, "stats.json"))
  }

  /// Reads `file` (only `part` of it, when the plan cut it) into `sink`, charging the
  /// reading alone to `read`. A part the plan counted no lines for comes after
  /// `linesBefore` (one shard reads a cut file's parts in order); returns the lines of a
  /// cut file up to the part's end.
  private func read(
    _ file: InputFile, _ part: FilePart?, linesBefore: Int, with reader: Reader,
    into sink: inout Sink
  ) -> Int {
    let clock = ContinuousClock()
    let start = clock.now
    let handing = sink.handing
    var lines = 0
    if let part {
      lines = reader.read(file, part: part, linesBefore: part.linesBefore ?? linesBefore) {
        sink.add($0)
      }
    } else {
      reader.read(file) { sink.add($0) }
    }
    sink.stats.times.add("read", clock.now - start - (sink.handing - handing), articles: 0)
    return lines
  }

  /// Where articles go: gathered into batches across files (a folder of one-article
  /// files would otherwise make batches of one), processed on the threads
  /// (`BatchOverlap`) while the next batch is read, then appended in order.
  private struct Sink {
    typealias Overlap = BatchOverlap<ReadResult, (FirstPass, [UInt8])>
    let spool: WorkFileWriter
    let logger: Logger
    let overlap: Overlap
    var counts = BoilerplateCounts()
    var stats = TaskStats()
    private var batch: [ReadResult] = []
    /// Time spent handing batches over and appending finished ones, not reading.
    private(set) var handing = Duration.zero

    init(processor: ArticleProcessor, spool: WorkFileWriter, jobs: Int, logger: Logger) {
      self.spool = spool
      self.logger = logger
      overlap = Overlap(jobs: jobs) { result, times in
        let pass = processor.firstPass(result, times: &times)
        var out = BinaryWriter()
        pass.encode(to: &out)
        return (pass, out.bytes)
      }
    }

    /// Takes one article (or failure); `stats.articles` counts it at once, so the
    /// pieces' article counts do not depend on where batches end.
    mutating func add(_ result: ReadResult) {
      stats.articles += 1
      batch.append(result)
      if batch.count >= CleanStage.batchSize { submit() }
    }

    /// Hands the last batch over, waits for the batches still on the threads and
    /// appends them.
    mutating func finish() {
      submit()
      take(overlap.finish())
    }

    private mutating func submit() {
      guard !batch.isEmpty else { return }
      let clock = ContinuousClock()
      let start = clock.now
      stats.times.add("read", .zero, articles: batch.count)
      take(overlap.submit(batch))
      batch.removeAll(keepingCapacity: true)
      handing += clock.now - start
    }

    private mutating func take(_ finished: [Overlap.Done]) {
      for (done, times) in finished {
        stats.times.merge(times)
        for (pass, bytes) in done {
          spool.append(bytes)
          switch pass {
          case .cleaned(_, let site, let units):
            stats.times.measure("learn", articles: 0) { counts.add(site: site, hashes: units) }
          case .decided(let article):
            if let rejection = article.record.rejection { logger.warning("\(rejection.message)") }
          }
        }
      }
    }
  }
}
