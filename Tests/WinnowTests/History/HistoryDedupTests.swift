import Foundation
import Testing

@testable import Winnow

/// Whole runs matched against the articles earlier runs kept: cross-night
/// duplicates, the keeper policy, reruns, the window, incompatible settings,
/// locking and rebuilding.
@Suite struct HistoryDedupTests {
  /// Night 1 keeps the five `HistoryRunTests.bodies`; night 2 brings an edited
  /// repost of body 1, an exact repost of body 3 and one new article.
  static let repost = HistoryRunTests.bodies[1].replacingOccurrences(of: "八度", with: "七度")
  static let fresh = "博物馆今年新增三个常设展厅，展出近两千件文物，其中不少是首次公开亮相，周一闭馆，其余时间免费预约参观，每天限流五千人。"

  static func feed(_ folder: String, _ night: String, _ articles: [(String, String)]) throws
    -> String
  {
    let lines = try articles.map { id, text in
      let record = ["id": id, "url": "https://news.example.cn/\(id).html", "text": text]
      return String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
    }
    let path = "\(folder)/\(night).jsonl"
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func run(
    _ input: String, _ folder: String, runId: String, out: String,
    edit: (inout Config) -> Void = { _ in }
  ) async throws -> (RunReport, [[String: Any]], [[String: Any]]) {
    var config = Config()
    config.history.path = "\(folder)/state/history.sqlite"
    edit(&config)
    let options = RunOptions(
      inputs: [input], outputFolder: "\(folder)/\(out)", reportFolder: "\(folder)/\(out)-report",
      runId: runId, jobs: 2)
    let report = try await Pipeline(config: config).run(options)
    return (
      report, try SeedRunTests.records("\(folder)/\(out)/clean/part-00000.jsonl.gz"),
      try SeedRunTests.records("\(folder)/\(out)/rejected/part-00000.jsonl.gz")
    )
  }

  static func nights(_ folder: String) throws -> (String, String) {
    let one = try feed(
      folder, "night-1", HistoryRunTests.bodies.enumerated().map { ("n1-\($0)", $1) })
    let two = try feed(
      folder, "night-2",
      [("n2-repost", repost), ("n2-copy", HistoryRunTests.bodies[3]), ("n2-new", fresh)])
    return (one, two)
  }

  @Test func nightTwoCopiesOfNightOneAreRejectedWithTheEarlierKeeper() async throws {
    let folder = try makeTemporaryFolder()
    let (one, two) = try Self.nights(folder)
    _ = try await Self.run(one, folder, runId: "night-1", out: "out-1")
    let (report, clean, rejected) = try await Self.run(two, folder, runId: "night-2", out: "out-2")
    #expect(clean.map { $0["id"] as? String } == ["n2-new"])
    let byId = Dictionary(uniqueKeysWithValues: rejected.map { ($0["id"] as? String ?? "", $0) })
    #expect(byId["n2-repost"]?["duplicate_of"] as? String == "n1-1")
    #expect(byId["n2-repost"]?["measure"] as? String == "estimated")
    #expect(byId["n2-copy"]?["duplicate_of"] as? String == "n1-3")
    #expect(byId["n2-copy"]?["measure"] as? String == "identical")
    #expect(byId.values.allSatisfy { $0["duplicate_of_run"] as? String == "night-1" })
    #expect((byId["n2-copy"]?["message"] as? String)?.contains("kept by run night-1 on 20") == true)
    #expect(report.dedup.stats.earlierArticles == 5)
    #expect(report.dedup.stats.earlierDuplicates == 2)
    let stats = try HistoryStore(path: "\(folder)/state/history.sqlite").stats()
    #expect(stats.runs.map(\.articles) == [5, 1], "night 2 adds only what it kept")
  }

  @Test func policyNewestKeepsTheNewCopyAndReplacesTheEarlierOne() async throws {
    let folder = try makeTemporaryFolder()
    let (one, two) = try Self.nights(folder)
    let newest: (inout Config) -> Void = { $0.history.keep = .newest }
    _ = try await Self.run(one, folder, runId: "night-1", out: "out-1", edit: newest)
    let (_, clean, rejected) = try await Self.run(
      two, folder, runId: "night-2", out: "out-2", edit: newest)
    #expect(clean.count == 3 && rejected.isEmpty)
    let stats = try HistoryStore(path: "\(folder)/state/history.sqlite").stats()
    #expect(stats.runs.map(\.articles) == [3, 3], "n1-1 and n1-3 were superseded")
    // Night 3 brings night 1's original of the repost: its keeper is now night 2's copy.
    let three = try Self.feed(folder, "night-3", [("n3-original", HistoryRunTests.bodies[1])])
    let (_, _, again) = try await Self.run(
      three, folder, runId: "night-3", out: "out-3", edit: { $0.history.keep = .earliest })
    #expect(again.first?["duplicate_of"] as? String == "n2-repost")
  }

  @Test func aRerunIsNotItsOwnDuplicateAndGivesTheSameBytes() async throws {
    let folder = try makeTemporaryFolder()
    let (one, two) = try Self.nights(folder)
    _ = try await Self.run(one, folder, runId: "night-1", out: "out-1")
    _ = try await Self.run(two, folder, runId: "night-2", out: "out-a")
    let (_, clean, _) = try await Self.run(two, folder, runId: "night-2", out: "out-b")
    #expect(clean.map { $0["id"] as? String } == ["n2-new"])
    for name in ["manifest.json", "clean/part-00000.jsonl.gz", "rejected/part-00000.jsonl.gz"] {
      let a = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/out-a/\(name)"))
      #expect(
        a == (try Data(contentsOf: URL(fileURLWithPath: "\(folder)/out-b/\(name)"))), "\(name)")
    }
    let stats = try HistoryStore(path: "\(folder)/state/history.sqlite").stats()
    #expect(stats.articles == 6, "night 2's entries replaced, not added twice")
  }

  @Test func articlesOutsideTheWindowStopCountingAndPruneRemovesThem() async throws {
    let folder = try makeTemporaryFolder()
    let path = "\(folder)/state/history.sqlite"
    let (_, two) = try Self.nights(folder)
    let store = try HistoryStore(path: path)
    let fingerprinter = Fingerprinter(config: FingerprintConfig())
    let deduplicator = Deduplicator(config: DedupConfig(), signatureLength: 128)
    let print = fingerprinter.fingerprint(HistoryRunTests.bodies[3])
    let old = KeptArticle(
      id: "old-3", site: "news.example.cn", date: nil, contentHash: print.contentHash,
      shingleCount: print.shingleCount, signature: print.signature,
      bandKeys: deduplicator.bandKeys(of: print.signature))
    try store.record(
      RecordedRun(
        runId: "long-ago", counts: BoilerplateCounts(), kept: [old],
        fingerprint: FingerprintConfig().historyKey, bands: deduplicator.parameters),
      finishedAt: Date().addingTimeInterval(-100 * 86_400))
    let (_, windowed, _) = try await Self.run(two, folder, runId: "night-2", out: "out-a")
    #expect(windowed.count == 3, "100 days is outside the 90-day window")
    let (_, unbounded, _) = try await Self.run(
      two, folder, runId: "night-2", out: "out-b", edit: { $0.history.windowDays = 0 })
    #expect(unbounded.count == 2, "window 0: every earlier article counts")
    let cutoff = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-90 * 86_400))
    let removed = try store.prune(before: cutoff)
    #expect(removed.articles == 1 && removed.runs == 1)
    #expect(try store.runs() == ["night-2"])
  }

  @Test func signaturesMadeWithOtherSettingsAreRefused() async throws {
    let folder = try makeTemporaryFolder()
    let (one, two) = try Self.nights(folder)
    _ = try await Self.run(one, folder, runId: "night-1", out: "out-1")
    await #expect {
      _ = try await Self.run(
        two, folder, runId: "night-2", out: "out-2", edit: { $0.fingerprint.shingleSize = 4 })
    } throws: { error in
      guard case .incompatible = error as? HistoryError else { return false }
      return "\(error)".contains("shingle=5") && "\(error)".contains("shingle=4")
    }
    #expect(!FileManager.default.fileExists(atPath: "\(folder)/out-2/manifest.json"))
  }

  /// Keys cut with other bands are made again from the stored signatures.
  @Test func anotherThresholdStillMatchesTheHistory() async throws {
    let folder = try makeTemporaryFolder()
    let (one, two) = try Self.nights(folder)
    _ = try await Self.run(one, folder, runId: "night-1", out: "out-1")
    let (report, clean, _) = try await Self.run(
      two, folder, runId: "night-2", out: "out-2", edit: { $0.dedup.threshold = 0.7 })
    #expect(report.dedup.stats.bands != 18)
    #expect(clean.map { $0["id"] as? String } == ["n2-new"])
  }

  @Test func aSecondHolderOfTheLockIsRefusedUntilTheFirstLetsGo() throws {
    let path = HistoryStoreTests.temporaryPath()
    var first: HistoryLock? = try HistoryLock(historyPath: path)
    #expect(throws: HistoryError.locked(file: path, lock: path + ".lock")) {
      _ = try HistoryLock(historyPath: path)
    }
    #expect(first != nil)
    first = nil
    #expect(throws: Never.self) { _ = try HistoryLock(historyPath: path) }
  }

  @Test func rebuildFromOutputsRestoresTheArticles() async throws {
    let folder = try makeTemporaryFolder()
    let (one, two) = try Self.nights(folder)
    _ = try await Self.run(one, folder, runId: "night-1", out: "out-1")
    let path = "\(folder)/state/history.sqlite"
    try FileManager.default.moveItem(atPath: path, toPath: path + ".damaged")
    let counts = try HistoryRebuild(config: Config()).rebuild(
      ["\(folder)/out-1"], into: try HistoryStore(path: path))
    #expect(counts == [5])
    let (_, clean, rejected) = try await Self.run(two, folder, runId: "night-2", out: "out-2")
    #expect(clean.map { $0["id"] as? String } == ["n2-new"])
    #expect(rejected.allSatisfy { $0["duplicate_of_run"] as? String == "rebuilt:out-1" })
  }
}
