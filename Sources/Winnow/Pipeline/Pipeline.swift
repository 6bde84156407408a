import Foundation
import Logging

/// Wires the stages: read → extract → clean by local rules per article (on
/// `jobs` threads); block counts per site over the run, plus earlier runs' counts
/// from the history when one is set (learned boilerplate); remove learned
/// boilerplate → quality → fingerprint per article (on `jobs` threads); dedup over
/// the whole run; write, record the run's counts in the history, and report. Every
/// input article ends in exactly one output record.
public struct Pipeline: Sendable {
  private let config: Config
  private let logger: Logger

  public init(config: Config, logger: Logger = Logger(label: "winnow")) {
    self.config = config
    self.logger = logger
  }

  /// Runs the whole job. Throws only when the outputs cannot be written or the
  /// history cannot be opened or updated; bad input becomes rejected records and warnings.
  public func run(_ options: RunOptions, progress: (@Sendable (String) -> Void)? = nil) async throws
    -> RunReport
  {
    // Fail before touching any output when matching could not fold Traditional Chinese.
    if config.fingerprint.foldTraditional { try ScriptFolding.load() }
    let started = Date()
    let clock = ContinuousClock()
    let start = clock.now
    let reader = Reader(config: config.read)
    let listing = reader.inputFiles(options.inputs)
    let runId =
      options.runId
      ?? RunIdentity.derive(files: listing.files, configDigest: config.digest, date: started)
    let history = try openHistory(runId: runId)
    logger.info("run \(runId)\(history.map { ", history \($0.store.path)" } ?? "")")
    let writer = try CorpusWriter(
      outputFolder: options.outputFolder, overwrite: options.overwrite, config: config.write,
      removedOutput: options.writeRemoved || config.write.removedOutput)

    var times = StageTimes()
    let (finished, learned, counts) = await processArticles(
      listing.files, with: reader, jobs: options.jobs, earlier: history?.earlier,
      times: &times, progress: progress)
    FaultPoint.pause("read")
    var articles = listing.failures.map(ArticleProcessor.rejected) + finished
    RunChecks.rejectRepeatedIds(&articles)
    let step = DedupStep(
      config: config, jobs: options.jobs, pairsOutput: options.pairsOutput,
      history: history.map { ($0.store, runId, started) })
    let dedup = try times.measure("dedup", articles: articles.count) {
      try step.apply(to: &articles)
    }
    var builder = ReportBuilder(
      config: config.report, quality: config.quality, dedupThreshold: config.dedup.threshold)
    builder.setDedup(stats: dedup.stats, clusters: dedup.clusters)
    builder.setLearned(learned)
    let manifest = try times.measure("write", articles: articles.count) {
      try write(articles, with: writer, files: listing.files.count, report: &builder)
    }
    FaultPoint.pause("committed")
    try history?.store.record(
      RecordedRun(
        runId: runId, counts: counts, kept: dedup.kept, superseded: dedup.superseded,
        fingerprint: config.fingerprint.historyKey, bands: dedup.bands))
    let report = builder.finish { r in
      r.fill(
        runId: runId, started: started, seconds: (clock.now - start).inSeconds, options: options)
      r.fill(from: manifest)
      r.stages = times.timings(inputBytes: manifest.inputs.bytes)
    }
    try ReportFiles.write(
      report, to: options.reportFolder ?? "Reports/\(runId)", trendRuns: config.report.trendRuns)
    return report
  }

  /// Opens the history of earlier runs, when `history.path` names one, and sums their
  /// counts. Done before the writer touches the output folder, so a missing or damaged
  /// database fails the run with the file named and no output half made.
  private func openHistory(runId: String) throws(HistoryError) -> (
    store: HistoryStore, earlier: BoilerplateCounts, lock: HistoryLock
  )? {
    guard !config.history.path.isEmpty else { return nil }
    let lock = try HistoryLock(historyPath: config.history.path)
    let store = try HistoryStore(path: config.history.path)
    let earlier = try store.boilerplateCounts(excludingRun: runId)
    logger.info(
      "history \(store.path): counts of \(earlier.sites.count) sites from earlier runs")
    return (store, earlier, lock)
  }

  /// The per-article stages in two passes around the run's boilerplate count:
  /// extract and clean locally, count, then remove learned blocks, judge and fingerprint.
  /// Returns this run's own counts apart, for the history to record.
  private func processArticles(
    _ files: [InputFile], with reader: Reader, jobs: Int, earlier: BoilerplateCounts?,
    times: inout StageTimes, progress: (@Sendable (String) -> Void)?
  ) async -> ([ProcessedArticle], LearnedBoilerplate, BoilerplateCounts) {
    let processor = ArticleProcessor(config: config)
    let (firstPasses, counts) = await readAndClean(
      files, with: reader, processor: processor, jobs: jobs, times: &times, progress: progress)
    // Earlier nights' counts join this run's only to decide what is learned.
    var deciding = earlier ?? BoilerplateCounts()
    deciding.merge(counts)
    let learned = deciding.learned(
      minArticles: config.clean.learnedMinArticles, minShare: config.clean.learnedMinShare,
      maxChars: config.clean.learnedMaxChars)
    let (finished, secondTimes) = await ParallelMap.run(firstPasses, jobs: jobs) {
      processor.secondPass($0, learned: learned, times: &$1)
    }
    times.merge(secondTimes)
    return (finished, learned, counts)
  }

  /// Reads each file and sends its articles through the first pass (extract and
  /// local cleaning), warning about every input that could not be read or
  /// interpreted, and counts blocks per site: the run's own boilerplate counts.
  private func readAndClean(
    _ files: [InputFile], with reader: Reader, processor: ArticleProcessor, jobs: Int,
    times: inout StageTimes, progress: (@Sendable (String) -> Void)?
  ) async -> ([FirstPass], BoilerplateCounts) {
    var passes: [FirstPass] = []
    var counts = BoilerplateCounts()
    for file in files {
      var results: [ReadResult] = []
      times.measure("read", articles: 0) { reader.read(file) { results.append($0) } }
      times.add("read", .zero, articles: results.count)
      let (processed, fileTimes) = await ParallelMap.run(results, jobs: jobs) {
        processor.firstPass($0, times: &$1)
      }
      times.merge(fileTimes)
      times.measure("learn", articles: 0) {
        for pass in processed {
          guard case .cleaned(_, let site, let units) = pass else { continue }
          counts.add(site: site, hashes: units)
        }
      }
      warn(processed)
      passes += processed
      progress?("\(passes.count) articles read, now \(file.path)")
    }
    return (passes, counts)
  }

  private func warn(_ passes: [FirstPass]) {
    for pass in passes {
      if case .decided(let article) = pass, let rejection = article.record.rejection {
        logger.warning("\(rejection.message)")
      }
    }
  }

  /// Writes every article in input order and commits the outputs.
  private func write(
    _ articles: [ProcessedArticle], with writer: CorpusWriter, files: Int,
    report: inout ReportBuilder
  ) throws -> Manifest {
    for article in articles {
      try writer.write(article.record)
      try writer.writeRemoved(article.removed, of: article.record.id)
      report.add(article.record, removed: article.removed)
    }
    let inputBytes = articles.reduce(0) { $0 + $1.byteCount }
    FaultPoint.pause("write")
    return try writer.commit(
      configDigest: config.digest, inputs: Manifest.Inputs(files: files, bytes: inputBytes))
  }

}

extension RunReport {
  /// Sets what identifies the run: its id, start, finish, duration, inputs and output folder.
  mutating func fill(runId: String, started: Date, seconds: Double, options: RunOptions) {
    self.runId = runId
    startedAt = ISO8601DateFormatter().string(from: started)
    finishedAt = ISO8601DateFormatter().string(from: started.addingTimeInterval(seconds))
    self.seconds = seconds
    inputs = options.inputs
    outputFolder = options.outputFolder
  }
}
