import Foundation

/// Stage 6, once: lays every write shard's members into the output's part files (or
/// links the parts the only write shard laid), writes the manifest and moves the
/// outputs into place; then records the run in the history (when it has one) and
/// writes the reports, with every task's figures summed.
struct CommitStage {
  let plan: RunPlan
  let work: WorkFolder
  /// Threads for rendering the report.
  let jobs: Int

  /// `history` is the store the run records into (opened and locked by the caller).
  func run(history: HistoryStore?) throws -> RunReport {
    try work.requireComplete(.write, shards: plan.shards)
    let writer = try CorpusWriter(
      outputFolder: plan.outputFolder, overwrite: plan.overwrite, config: plan.config.write,
      removedOutput: plan.writeRemoved)
    var written = WriteSummary()
    var parts: [ReportPart] = []
    for shard in 0..<plan.shards {
      let summary = try WriteSummary.load(work.file(.write, shard: shard, "summary.json"))
      written.merge(summary)
      parts.append(summary.report)
      if let laid = summary.laid {
        try writer.adopt(laid, from: work.file(.write, shard: shard, "parts"))
        continue
      }
      for kind in writer.kinds {
        try writer.add(
          membersAt: work.file(.write, shard: shard, kind), parameters: plan.parameters)
      }
    }
    FaultPoint.pause("write")
    let manifest = try writer.commit(
      configDigest: plan.config.digest,
      inputs: Manifest.Inputs(files: plan.files.count, bytes: written.inputBytes),
      counts: written.counts)
    FaultPoint.pause("committed")
    let rules = try LearnedRules.load(plan, work)
    let summary = try ClusterSummary.load(work.file(.cluster, "summary.json"))
    try history?.record(
      RecordedRun(
        runId: plan.runId, counts: rules.counts, kept: keptArticles,
        superseded: summary.superseded, fingerprint: plan.config.fingerprint.historyKey,
        bands: LSHParameters(bands: summary.bands, rows: summary.rows)))
    var times = try stageTimes()
    times.merge(written.times)
    let report = RunReport.of(
      plan, parts: parts, learned: rules.learned, summary, manifest: manifest, times: times)
    try ReportFiles.write(
      report, to: plan.reportFolder, trendRuns: plan.config.report.trendRuns, jobs: jobs)
    return report
  }

  /// Every write shard's kept articles, read from its `kept` work file while the history
  /// records them, so memory does not grow with their number. A damaged file shows only
  /// at its end (the checksum), after its articles were inserted: the error rolls the
  /// history's transaction back.
  private var keptArticles: KeptArticles {
    KeptArticles { [plan, work] body in
      for shard in 0..<plan.shards {
        let file = try plan.reader(work.file(.write, shard: shard, "kept"), kind: KeptArticle.kind)
        try file.forEach(KeptArticle.self, body)
      }
    }
  }

  /// Every earlier task's stage times, summed.
  private func stageTimes() throws -> StageTimes {
    var times = StageTimes()
    for stage in [Stage.clean, .fingerprint, .collide] {
      for shard in 0..<plan.shards {
        times.merge(try TaskStats.load(work.file(stage, shard: shard, "stats.json")).times)
      }
    }
    times.merge(try TaskStats.load(work.file(.cluster, "stats.json")).times)
    return times
  }
}

extension RunReport {
  /// The run's report: every write shard's counts (`parts`, in shard order) added up,
  /// the dedup section from the cluster stage, the learned rules from the plan's counts.
  static func of(
    _ plan: RunPlan, parts: [ReportPart], learned: LearnedBoilerplate, _ summary: ClusterSummary,
    manifest: Manifest, times: StageTimes
  ) -> RunReport {
    let config = plan.config
    var builder = ReportBuilder(
      config: config.report, quality: config.quality, dedupThreshold: config.dedup.threshold)
    builder.setLearned(learned)
    for part in parts { builder.merge(part) }
    builder.setDedup(
      stats: summary.stats, clusters: summary.clusters, total: summary.clusterCount,
      similarities: summary.similarities)
    return builder.finish { r in
      r.fill(plan: plan, seconds: Date().timeIntervalSince(plan.started))
      r.fill(from: manifest)
      r.stages = times.timings(inputBytes: manifest.inputs.bytes)
    }
  }
}

extension RunReport {
  /// Sets what identifies the run: its id, start, finish, duration, inputs and output folder.
  mutating func fill(plan: RunPlan, seconds: Double) {
    runId = plan.runId
    startedAt = ISO8601DateFormatter().string(from: plan.started)
    finishedAt = ISO8601DateFormatter().string(from: plan.started.addingTimeInterval(seconds))
    self.seconds = seconds
    inputs = plan.inputs
    outputFolder = plan.outputFolder
  }
}
