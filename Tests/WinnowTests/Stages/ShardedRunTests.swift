import Foundation
import Logging
import Testing

@testable import Winnow

/// A run as shard tasks over a work folder gives the bytes of a one-process run,
/// and a task checks what it reads.
@Suite struct ShardedRunTests {
  static let fixtures = SeedRunTests.fixtures.path
  /// Seeds, a re-encoded repost, messy inputs and a feed: copies, failures and many files.
  static let inputs = ["seeds", "e2e", "messy", "read"].map { "\(fixtures)/\($0)" }

  /// Every file its own piece, and parts small enough that there are several.
  static var config: Config {
    var config = Config.noHistory
    config.read.pieceBytes = 1
    config.write.partMaxBytes = 4096
    return config
  }

  static func options(_ base: String, _ name: String, inputs: [String] = inputs) -> RunOptions {
    RunOptions(
      inputs: inputs, outputFolder: "\(base)/\(name)", reportFolder: "\(base)/\(name)-report",
      runId: "sharded-test", jobs: 2)
  }

  /// Plans `shards` shards and runs every task of every stage in this process.
  static func sharded(
    _ base: String, shards: Int, inputs: [String] = inputs, config: Config = config
  ) throws -> StageRunner {
    let plan = RunPlan.make(
      options(base, "sharded-\(shards)", inputs: inputs), config: config, shards: shards)
    let runner = StageRunner(
      plan: plan, work: WorkFolder(path: "\(base)/work-\(shards)"), jobs: 1,
      logger: Logger(label: "test"))
    try runner.prepare()
    for stage in Stage.allCases {
      for shard in stage.isSharded ? Array(0..<shards) : [0] {
        try runner.run(stage, shard: shard)
      }
    }
    return runner
  }

  static func files(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.subpathsOfDirectory(atPath: folder) {
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isFolder)
      if !isFolder.boolValue {
        files[name] = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)"))
      }
    }
    return files
  }

  @Test(arguments: [2, 3, 5])
  func shardsGiveTheBytesOfAOneProcessRun(shards: Int) async throws {
    let base = try makeTemporaryFolder()
    let report = try await Pipeline(config: Self.config).run(Self.options(base, "one"))
    let runner = try Self.sharded(base, shards: shards)
    #expect(runner.plan.shardPieces.filter { !$0.isEmpty }.count > 1, "work spread over shards")
    let one = try Self.files("\(base)/one")
    #expect(one.keys.filter { $0.hasPrefix("clean/part-") }.count > 1, "several parts")
    #expect(one.count > 3)
    #expect(try Self.files("\(base)/sharded-\(shards)") == one)
    #expect(report.counts.rejectedByReason["duplicate"] ?? 0 > 0)
    #expect(!FileManager.default.fileExists(atPath: "\(base)/one/\(Pipeline.workName)"))
  }

  /// One piece and four shards: the piece still goes to shard 0, where the input that
  /// could not be listed is written first, in the same gzip member as in one process.
  @Test func listingFailuresShareTheFirstPieceWhateverTheShards() async throws {
    let base = try makeTemporaryFolder()
    let inputs = ["\(base)/missing", "\(Self.fixtures)/seeds"]
    var config = Self.config
    config.read.pieceBytes = 1 << 30
    _ = try await Pipeline(config: config).run(Self.options(base, "one", inputs: inputs))
    let runner = try Self.sharded(base, shards: 4, inputs: inputs, config: config)
    #expect(runner.plan.shardPieces == [0..<1, 1..<1, 1..<1, 1..<1])
    #expect(runner.plan.listingFailures.count == 1)
    #expect(try Self.files("\(base)/sharded-4") == Self.files("\(base)/one"))
  }

  @Test func aTaskWaitsForTheStageBeforeIt() throws {
    let base = try makeTemporaryFolder()
    let plan = RunPlan.make(Self.options(base, "out"), config: Self.config, shards: 2)
    let runner = StageRunner(
      plan: plan, work: WorkFolder(path: "\(base)/work"), jobs: 1, logger: Logger(label: "test"))
    try runner.prepare()
    try runner.run(.clean, shard: 0)
    let error = #expect(throws: StageError.self) { try runner.run(.fingerprint, shard: 0) }
    #expect(error?.message == "stage clean is not complete: shards 1 have no done marker")
    #expect(throws: StageError.self) { try runner.run(.clean, shard: 2) }
  }

  @Test func aDamagedWorkFileIsRefusedAndTheRerunTaskCompletesTheStage() throws {
    let base = try makeTemporaryFolder()
    let runner = try Self.sharded(base, shards: 2)
    let spool = runner.work.file(.clean, shard: 1, "spool")
    var bytes = try Data(contentsOf: URL(fileURLWithPath: spool))
    bytes[bytes.count - 5] ^= 0xFF
    try bytes.write(to: URL(fileURLWithPath: spool))
    #expect(throws: WorkFileError.self) { try runner.run(.fingerprint, shard: 1) }
    #expect(runner.work.missing(.fingerprint, shards: 2) == [1], "the failed task left no marker")
    try runner.run(.clean, shard: 1)
    try runner.run(.fingerprint, shard: 1)
    #expect(runner.work.missing(.fingerprint, shards: 2).isEmpty)
  }

  /// With one shard the write stage lays the part files and commit hard-links them into
  /// place; the laid files stay, so commit reruns alone, and it refuses one that changed.
  @Test func oneShardLaysThePartsAndCommitLinksThem() throws {
    let base = try makeTemporaryFolder()
    let runner = try Self.sharded(base, shards: 1)
    let out = "\(base)/sharded-1"
    let laid = runner.work.file(.write, shard: 0, "parts")
    let written = try Self.files(out)
    let parts = written.keys.filter { $0.hasPrefix("clean/part-") }.sorted()
    #expect(parts.count > 1)
    for part in parts {
      #expect(try inode("\(out)/\(part)") == inode("\(laid)/\(part)"), "\(part) is linked")
    }
    try FileManager.default.removeItem(atPath: out)
    try runner.run(.commit)
    #expect(try Self.files(out) == written)

    try FileManager.default.removeItem(atPath: out)
    try Data("short".utf8).write(to: URL(fileURLWithPath: "\(laid)/\(parts[1])"))
    let error = #expect(throws: OutputError.self) { try runner.run(.commit) }
    #expect(error?.path == "\(laid)/\(parts[1])")
    #expect(!FileManager.default.fileExists(atPath: "\(out)/manifest.json"))
  }

  private func inode(_ path: String) throws -> UInt64 {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
  }

  /// The dedup stages read articles back by offset without checking the whole file: each
  /// record is checked against its print's CRC, and a damaged one is refused, named.
  @Test func anArticleReadBackIsCheckedAgainstItsPrint() throws {
    let base = try makeTemporaryFolder()
    let runner = try Self.sharded(base, shards: 1)
    let parameters = runner.plan.deduplicator.parameters
    let before = try RunArticles(runner.plan, runner.work, parameters: parameters, jobs: 1)
    let damaged = try #require(
      try (0..<20).first { try before.article($0).record.text.utf8.count > 20 })
    let path = runner.work.file(.fingerprint, shard: 0, "articles")
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let text = Data(try before.article(damaged).record.text.utf8)
    bytes[try #require(bytes.firstRange(of: text)).lowerBound + 1] ^= 0x01
    try bytes.write(to: URL(fileURLWithPath: path))
    let after = try RunArticles(runner.plan, runner.work, parameters: parameters, jobs: 1)
    let error = #expect(throws: WorkFileError.self) { try after.article(damaged) }
    #expect(error?.description.contains(path) == true)
    #expect(error?.description.contains("does not match its checksum") == true)
    let other = damaged + 1
    #expect(try after.article(other).record.id == before.article(other).record.id)
  }

  @Test func piecesGroupFilesAndShardsBalanceBytes() {
    let pieces = RunPlan.pieces(sizes: [1, 1, 5, 1, 1, 1, 9, 0], minimum: 3)
    #expect(pieces.map(\.files) == [0..<3, 3..<6, 6..<7, 7..<8])
    #expect(pieces.map(\.bytes) == [7, 3, 9, 0])
    #expect(RunPlan.shards(pieces, count: 2) == [0..<2, 2..<4], "10 bytes and 9")
    #expect(RunPlan.shards(pieces, count: 3) == [0..<1, 1..<2, 2..<4])
    #expect(RunPlan.shards(pieces, count: 6) == [0..<1, 1..<1, 1..<2, 2..<2, 2..<3, 3..<4])
    #expect(RunPlan.pieces(sizes: [], minimum: 3).count == 1, "an empty run still has a piece")
  }

  @Test func aCutFileGivesOnePiecePerPartBetweenTheGroups() {
    let parts = [
      FilePart(offset: 0, end: 4, linesBefore: 0), FilePart(offset: 4, end: 9, linesBefore: 2),
    ]
    let pieces = RunPlan.pieces(sizes: [1, 9, 1, 1, 1], minimum: 3) { $0 == 1 ? parts : nil }
    #expect(pieces.map(\.files) == [0..<1, 1..<2, 1..<2, 2..<5])
    #expect(pieces.map(\.bytes) == [1, 4, 5, 3])
    #expect(pieces.map(\.part) == [nil, parts[0], parts[1], nil])
  }

  /// One large feed, the way backfills often come: the plan cuts it at line ends, its parts
  /// spread over the shards, and the output is still that of one process.
  @Test func aSingleLargeFeedSpreadsOverShards() async throws {
    let base = try makeTemporaryFolder()
    let seeds = try FileManager.default.contentsOfDirectory(atPath: "\(Self.fixtures)/seeds")
      .sorted()
    var feed = ""
    for copy in 0..<3 {
      for name in seeds {
        let text = try String(contentsOfFile: "\(Self.fixtures)/seeds/\(name)", encoding: .utf8)
        let record = ["id": "\(copy)-\(name)", "text": copy == 2 ? text + "（完）" : text]
        feed += String(decoding: try JSONEncoder().encode(record), as: UTF8.self) + "\n"
      }
    }
    try feed.write(toFile: "\(base)/feed.jsonl", atomically: true, encoding: .utf8)
    var config = Self.config
    config.read.pieceBytes = 4096
    let inputs = ["\(base)/feed.jsonl"]
    _ = try await Pipeline(config: config).run(Self.options(base, "one", inputs: inputs))
    let runner = try Self.sharded(base, shards: 3, inputs: inputs, config: config)
    #expect(runner.plan.pieces.count > 3)
    #expect(runner.plan.shardPieces.allSatisfy { !$0.isEmpty }, "\(runner.plan.shardPieces)")
    #expect(try Self.files("\(base)/sharded-3") == Self.files("\(base)/one"))
  }
}
