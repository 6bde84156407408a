import Foundation
import GRDB
import Logging
import Testing

@testable import Winnow

/// The commit stage streams each write shard's kept articles into the history's one
/// transaction: the rows are those of the kept work files, and a damaged file leaves the
/// history as it was.
@Suite struct CommitHistoryTests {
  /// `ShardedRunTests`' run, recording into a history in `base`.
  static func config(_ base: String) -> Config {
    var config = ShardedRunTests.config
    config.history.path = "\(base)/state/history.sqlite"
    return config
  }

  /// Every kept article in the write shards' work files, in shard order: what the commit
  /// stage used to load into one array.
  static func keptInWorkFiles(_ runner: StageRunner) throws -> [KeptArticle] {
    var kept: [KeptArticle] = []
    for shard in 0..<runner.plan.shards {
      let file = try runner.plan.reader(
        runner.work.file(.write, shard: shard, "kept"), kind: KeptArticle.kind)
      try file.forEach(KeptArticle.self) { kept.append($0) }
    }
    return kept
  }

  /// The history's articles, in insertion order: row keys, ids and signatures.
  static func articles(_ store: HistoryStore) throws -> [EarlierArticle] {
    let rows = try store.queue.read { db in
      try Int64.fetchAll(db, sql: "SELECT key FROM article ORDER BY key")
    }
    return try store.earlierArticles(rows: rows)
  }

  @Test func theHistoryHoldsEveryKeptArticleOfEveryShardInOrder() throws {
    let base = try makeTemporaryFolder()
    let runner = try ShardedRunTests.sharded(base, shards: 3, config: Self.config(base))
    let kept = try Self.keptInWorkFiles(runner)
    #expect(kept.count > 3)
    let recorded = try Self.articles(HistoryStore(path: Self.config(base).history.path))
    #expect(recorded.map(\.id) == kept.map(\.id))
    #expect(recorded.map(\.signature) == kept.map(\.signature))
    #expect(Set(recorded.map(\.runId)) == [runner.plan.runId])
  }

  @Test func aDamagedKeptFileLeavesTheHistoryAsItWasAndIsNamed() throws {
    let base = try makeTemporaryFolder()
    let config = Self.config(base)
    _ = try ShardedRunTests.sharded(base, shards: 2, config: config)
    let store = try HistoryStore(path: config.history.path)
    let before = try Self.articles(store)
    let runs = try store.stats().runs

    // The same run again, into another output, with shard 1's kept file damaged after the
    // write stage: shard 0's articles are inserted before the damage is found.
    let plan = RunPlan.make(
      ShardedRunTests.options(base, "again"), config: config, shards: 2)
    let runner = StageRunner(
      plan: plan, work: WorkFolder(path: "\(base)/work-again"), jobs: 1,
      logger: Logger(label: "test"))
    try runner.prepare()
    for stage in Stage.allCases where stage != .commit {
      for shard in stage.isSharded ? [0, 1] : [0] { try runner.run(stage, shard: shard) }
    }
    #expect(try Self.keptInWorkFiles(runner).count == before.count)
    for shard in [0, 1] {
      let file = runner.work.file(.write, shard: shard, "kept")
      #expect(try plan.reader(file, kind: KeptArticle.kind).recordCount > 0, "shard \(shard)")
    }
    let kept = runner.work.file(.write, shard: 1, "kept")
    var bytes = try Data(contentsOf: URL(fileURLWithPath: kept))
    bytes[bytes.count - 5] ^= 0xFF
    try bytes.write(to: URL(fileURLWithPath: kept))

    let error = #expect(throws: HistoryError.self) { try runner.run(.commit) }
    guard case .keptUnreadable(let file, let message) = error else {
      Issue.record("expected keptUnreadable, got \(String(describing: error))")
      return
    }
    #expect(file == config.history.path)
    #expect(message.hasPrefix("\(kept): "), "names the damaged file: \(message)")
    #expect(try Self.articles(store) == before, "the same rows, not deleted and inserted again")
    #expect(try store.stats().runs == runs, "the run's stamp and article count as they were")
  }
}
