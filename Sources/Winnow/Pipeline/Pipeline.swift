import Foundation
import Logging

/// Runs the whole job in one process: plans the run, then every stage in order
/// over a work folder inside the output folder (`StageRunner`, docs/stages.md):
/// clean → fingerprint → collide → cluster → write → commit. Articles stream
/// through the stages' files, so memory grows with the number of articles, not
/// with their text. Every input article ends in exactly one output record.
public struct Pipeline: Sendable {
  /// The work folder's name inside the output folder; removed when the run succeeds.
  public static let workName = ".winnow-work"
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
    // The folding table takes OpenCC some 25 ms: built while the run is planned.
    let folding = Task.detached { [config] () throws in
      if config.fingerprint.foldTraditional { try ScriptFolding.load() }
    }
    let plan = RunPlan.make(options, config: config, shards: 1)
    // Fail before touching any output when matching could not fold Traditional Chinese.
    try await folding.value
    let history = try openHistory()
    logger.info("run \(plan.runId)\(history.map { ", history \($0.store.path)" } ?? "")")
    let work = WorkFolder(path: "\(options.outputFolder)/\(Self.workName)")
    let runner = StageRunner(
      plan: plan, work: work, jobs: options.jobs, logger: logger, history: history?.store)
    try runner.prepare()
    let report = try await DedicatedThread.run { try runner.runAll(progress: progress) }
    try? FileManager.default.removeItem(atPath: work.path)
    return report
  }

  /// Opens the history of earlier runs, when `history.path` names one, holding its
  /// lock for the whole run. Done before the output folder is touched, so a missing
  /// or damaged database fails the run with the file named and no output half made.
  private func openHistory() throws(HistoryError) -> (store: HistoryStore, lock: HistoryLock)? {
    guard !config.history.path.isEmpty else { return nil }
    let lock = try HistoryLock(historyPath: config.history.path)
    return (try HistoryStore(path: config.history.path), lock)
  }
}
