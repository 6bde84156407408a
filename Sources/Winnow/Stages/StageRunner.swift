import Foundation
import Logging

/// Runs a run's stages over its work folder: one task at a time for
/// `winnow stage …` (a shard of a sharded stage, or a stage that runs once), or
/// every stage in order in one process for `winnow run`.
public struct StageRunner: Sendable {
  public let plan: RunPlan
  public let work: WorkFolder
  /// Threads per task.
  public let jobs: Int
  let logger: Logger
  /// The run's history, opened (and locked) by the caller; nil opens it when a
  /// stage needs it, if the plan names one.
  let history: HistoryStore?
  /// The dedup stages' view of the run, kept from collide to cluster in one process.
  private let loaded = LoadedArticles()

  public init(
    plan: RunPlan, work: WorkFolder, jobs: Int, logger: Logger, history: HistoryStore? = nil
  ) {
    self.plan = plan
    self.work = work
    self.jobs = max(1, jobs)
    self.logger = logger
    self.history = history
  }

  /// The history the plan names, when it names one.
  private func historyStore() throws(HistoryError) -> HistoryStore? {
    if let history { return history }
    return plan.config.history.path.isEmpty ? nil : try HistoryStore(path: plan.config.history.path)
  }

  /// Starts a run's work folder afresh: removes what an earlier run left there, writes
  /// the plan and, when the run has a history, the counts of earlier runs (learned
  /// boilerplate is decided from them). Refuses an output folder that holds a
  /// finished run unless the plan says to overwrite it, before any work is done.
  public func prepare() throws {
    try CorpusWriter.checkOutputFolder(plan.outputFolder, overwrite: plan.overwrite)
    try work.clear()
    try plan.write(to: work)
    guard let store = try historyStore() else { return }
    let earlier = try store.boilerplateCounts(excludingRun: plan.runId)
    try BoilerplateCounts.write(earlier, to: work.historyCountsPath, plan)
  }

  /// Runs one task: shard `shard` of a sharded stage, or the stage that runs once.
  /// Returns the report after `commit`.
  @discardableResult
  public func run(
    _ stage: Stage, shard: Int = 0, progress: (@Sendable (String) -> Void)? = nil
  ) throws -> RunReport? {
    try plan.check(shard: shard, of: work)
    // A task on a node without OpenCC's data must fail, not match without folding.
    if stage.normalizesText && plan.config.fingerprint.foldTraditional {
      try ScriptFolding.load()
    }
    try work.begin(stage, shard: shard)
    // Any other task may change the files the articles were loaded from.
    if stage != .collide && stage != .cluster { loaded.clear() }
    var report: RunReport?
    switch stage {
    case .clean:
      try CleanStage(plan: plan, work: work, jobs: jobs, logger: logger).run(
        shard: shard, progress: progress)
    case .fingerprint: try FingerprintStage(plan: plan, work: work, jobs: jobs).run(shard: shard)
    case .collide:
      try CollideStage(plan: plan, work: work, jobs: jobs, loaded: loaded).run(shard: shard)
    case .cluster:
      try ClusterStage(plan: plan, work: work, jobs: jobs, loaded: loaded).run(
        history: try historyStore())
    case .write: try WriteStage(plan: plan, work: work, jobs: jobs).run(shard: shard)
    case .commit:
      report = try CommitStage(plan: plan, work: work, jobs: jobs).run(
        history: try historyStore())
    }
    FaultPoint.pause("\(stage.rawValue)-\(shard)")
    try work.finish(stage, shard: shard)
    return report
  }

  /// Every stage, every shard, in order, in this process; the report comes from commit.
  func runAll(progress: (@Sendable (String) -> Void)?) throws -> RunReport {
    for stage in Stage.allCases where stage != .commit {
      progress?("stage \(stage.rawValue)")
      for shard in stage.isSharded ? Array(0..<plan.shards) : [0] {
        try run(stage, shard: shard, progress: progress)
      }
      if stage == .clean { FaultPoint.pause("read") }
      // One process reruns nothing alone: a spool is dead once its articles are judged.
      if stage == .fingerprint {
        for shard in 0..<plan.shards { unlink(work.file(.clean, shard: shard, "spool")) }
      }
    }
    progress?("stage commit")
    guard let report = try run(.commit) else {
      throw StageError(path: work.path, message: "the commit stage made no report")
    }
    return report
  }
}
