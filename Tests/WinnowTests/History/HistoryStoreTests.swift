import Foundation
import GRDB
import Testing

@testable import Winnow

/// The history database on its own: round trip, sums over runs, reruns, bad files.
@Suite struct HistoryStoreTests {
  static func temporaryPath(_ name: String = "history.sqlite") -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-history-\(UUID().uuidString)/state/\(name)"
    ).path
  }

  /// Two articles of one site and one of another; one hash with the top bit set, to
  /// check the `UInt64` → `Int64` bit pattern round trip.
  static func counts(_ hashes: [UInt64]) -> BoilerplateCounts {
    var counts = BoilerplateCounts()
    counts.add(site: "news.example.cn", hashes: hashes)
    counts.add(site: "news.example.cn", hashes: [hashes[0]])
    counts.add(site: "other.example.cn", hashes: [7])
    return counts
  }

  @Test func roundTripCreatesFoldersAndKeepsHashBits() throws {
    let path = Self.temporaryPath()
    let store = try HistoryStore(path: path)
    #expect(FileManager.default.fileExists(atPath: path))
    #expect(try store.boilerplateCounts(excludingRun: "n1") == BoilerplateCounts())
    let counts = Self.counts([UInt64.max, 1 << 63, 42])
    try store.record(runId: "n1", counts: counts)
    let reopened = try HistoryStore(path: path)
    #expect(try reopened.boilerplateCounts(excludingRun: "n2") == counts)
    #expect(try reopened.boilerplateCounts(excludingRun: "n1") == BoilerplateCounts())
    #expect(try reopened.runs() == ["n1"])
  }

  @Test func earlierRunsAreSummedLikeMerge() throws {
    let store = try HistoryStore(path: Self.temporaryPath())
    let first = Self.counts([1, 2])
    let second = Self.counts([1, 3])
    try store.record(runId: "n1", counts: first)
    try store.record(runId: "n2", counts: second)
    var merged = first
    merged.merge(second)
    #expect(try store.boilerplateCounts(excludingRun: "n3") == merged)
    #expect(try store.boilerplateCounts(excludingRun: "n2") == first)
    #expect(merged.sites["news.example.cn"]?.articles == 4)
    #expect(merged.sites["news.example.cn"]?.blocks[1] == 4)
  }

  @Test func recordingTheSameRunAgainReplacesItsCounts() throws {
    let store = try HistoryStore(path: Self.temporaryPath())
    try store.record(runId: "n1", counts: Self.counts([1, 2]))
    try store.record(runId: "n1", counts: Self.counts([1, 2]))
    #expect(try store.boilerplateCounts(excludingRun: "x") == Self.counts([1, 2]))
    try store.record(runId: "n1", counts: Self.counts([5]))
    #expect(try store.boilerplateCounts(excludingRun: "x") == Self.counts([5]))
    try store.record(runId: "n1", counts: BoilerplateCounts())
    #expect(try store.boilerplateCounts(excludingRun: "x") == BoilerplateCounts())
    #expect(try store.runs() == ["n1"])
  }

  @Test func aFileThatIsNotADatabaseIsAClearErrorAndIsLeftAlone() throws {
    let path = Self.temporaryPath()
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    let garbage = Data(String(repeating: "not a database\n", count: 300).utf8)
    try garbage.write(to: URL(fileURLWithPath: path))
    #expect {
      _ = try HistoryStore(path: path)
    } throws: { error in
      guard case HistoryError.unreadable(let file, _) = error else { return false }
      return file == path && "\(error)".contains(path) && "\(error)".contains("not a database")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage, "never rebuilt")
  }

  @Test func aFolderThatCannotBeMadeNamesTheFile() throws {
    let blocker = Self.temporaryPath("blocker")
    try FileManager.default.createDirectory(
      atPath: (blocker as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data("file".utf8).write(to: URL(fileURLWithPath: blocker))
    let path = "\(blocker)/history.sqlite"
    #expect {
      _ = try HistoryStore(path: path)
    } throws: { error in
      guard case HistoryError.cannotCreateFolder(let file, _) = error else { return false }
      return file == path
    }
  }

  @Test func aDatabaseFromANewerWinnowIsRefused() throws {
    let path = Self.temporaryPath()
    _ = try HistoryStore(path: path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')")
    }
    #expect(throws: HistoryError.newerSchema(file: path, unknownMigrations: ["v9-from-the-future"]))
    {
      _ = try HistoryStore(path: path)
    }
  }
}
