import Foundation
import GRDB

/// The history of earlier runs, in one SQLite file: for now the learned-boilerplate
/// counts each run made, so a small nightly batch still learns its sites' templates
/// from the nights before it (CCNet-style counts need many articles per site).
///
/// The schema is versioned by a `DatabaseMigrator`; later slices of the history add
/// migrations to the same file. Each run's rows are keyed by its run id, so a rerun
/// replaces its own counts instead of adding them twice.
///
/// ```swift
/// let store = try HistoryStore(path: "state/history.sqlite")
/// var deciding = try store.boilerplateCounts(excludingRun: runId)
/// deciding.merge(thisRun)
/// // … after the outputs are committed:
/// try store.record(runId: runId, counts: thisRun)
/// ```
public struct HistoryStore: Sendable {
  /// The database file, as given.
  public let path: String
  let queue: DatabaseQueue

  /// Opens (creating it and its folders when missing) and migrates the database at `path`.
  ///
  /// - Throws: `HistoryError` naming the file when the folder cannot be made, the file
  ///   is not a usable SQLite database, or a newer Winnow has migrated it.
  public init(path: String) throws(HistoryError) {
    self.path = path
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreateFolder(file: path, message: error.localizedDescription)
    }
    do {
      queue = try DatabaseQueue(path: path)
    } catch {
      throw .unreadable(file: path, message: Self.message(error))
    }
    try checkIntegrity()
    try migrate()
  }

  /// Refuses a damaged file before anything is read from or written to it. SQLite
  /// finds a damaged page only when a query reaches it, which could be the commit at
  /// the end of a run, after its outputs are in place; `PRAGMA quick_check` reads
  /// every page up front (O(file size), about a second per few hundred MB here).
  private func checkIntegrity() throws(HistoryError) {
    let verdict: [String]
    do {
      verdict = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
    } catch {
      throw .unreadable(file: path, message: Self.message(error))
    }
    guard verdict == ["ok"] else {
      throw .unreadable(
        file: path, message: "damaged: " + verdict.prefix(3).joined(separator: "; "))
    }
  }

  /// Applies the migrations this build knows, after refusing a file that knows more:
  /// running old code on a newer schema could write rows the newer code misreads.
  private func migrate() throws(HistoryError) {
    let migrator = HistorySchema.migrator
    let applied: Set<String>
    do {
      applied = try queue.read { try migrator.appliedIdentifiers($0) }
    } catch {
      throw .unreadable(file: path, message: Self.message(error))
    }
    let unknown = applied.subtracting(migrator.migrations).sorted()
    guard unknown.isEmpty else { throw .newerSchema(file: path, unknownMigrations: unknown) }
    do {
      try migrator.migrate(queue)
    } catch {
      throw .unreadable(file: path, message: Self.message(error))
    }
  }

  /// The counts of every recorded run but `runId`, summed: what the nights before
  /// this run saw. Excluding the run itself makes a rerun see the same history.
  public func boilerplateCounts(excludingRun runId: String) throws(HistoryError)
    -> BoilerplateCounts
  {
    try attempt("reading boilerplate counts") {
      try queue.read { db in try HistorySchema.counts(db, excludingRun: runId) }
    }
  }

  /// Replaces `runId`'s counts with `counts` and stamps the run as finished, in one
  /// transaction: a crash leaves either the old counts or the new ones, never half.
  public func record(runId: String, counts: BoilerplateCounts, finishedAt: Date = Date())
    throws(HistoryError)
  {
    let stamp = ISO8601DateFormatter().string(from: finishedAt)
    try attempt("recording run '\(runId)'") {
      try queue.write { db in
        try HistorySchema.replace(db, runId: runId, counts: counts, finishedAt: stamp)
      }
    }
  }

  /// Replaces `runId`'s counts and kept articles, deletes the rows its keepers
  /// supersede, records what the signatures were made with and stamps the run, in
  /// one transaction: a crash leaves the history as it was before, or fully updated.
  /// The kept articles are read inside it, so an error reading them leaves the history
  /// as it was too (`HistoryError.keptUnreadable`).
  public func record(_ run: RecordedRun, finishedAt: Date = Date()) throws(HistoryError) {
    let stamp = ISO8601DateFormatter().string(from: finishedAt)
    try attempt("recording run '\(run.runId)'") {
      try queue.write { db in
        try HistorySchema.replace(db, runId: run.runId, counts: run.counts, finishedAt: stamp)
        try HistoryArticles.replace(
          db, runId: run.runId, kept: run.kept, superseded: run.superseded, addedAt: stamp)
        try HistoryArticles.setSetting(db, HistoryArticles.fingerprintSetting, run.fingerprint)
        try HistoryArticles.setSetting(db, HistoryArticles.bandsSetting, run.bands.description)
        FaultPoint.pause("history")
      }
    }
  }

  /// The articles earlier runs kept, added at or after `since` (ISO 8601), other than
  /// `runId`'s own (a rerun replaces them): their content hashes and band keys for
  /// `bands`, made again from the signatures by `keys` when the stored keys were cut
  /// with other bands.
  ///
  /// - Throws: `HistoryError.incompatible` when the stored signatures were made with
  ///   another `fingerprint` configuration: they cannot be compared with this run's.
  public func earlierIndex(
    excludingRun runId: String, since: String, fingerprint: String, bands: LSHParameters,
    keys: ([UInt32]) -> [UInt64]
  ) throws(HistoryError) -> EarlierIndex {
    let stored = try attempt("reading settings") {
      try queue.read { db in
        (
          try HistoryArticles.setting(db, HistoryArticles.fingerprintSetting),
          try HistoryArticles.setting(db, HistoryArticles.bandsSetting)
        )
      }
    }
    if let made = stored.0, made != fingerprint {
      throw .incompatible(file: path, stored: made, current: fingerprint)
    }
    return try attempt("reading earlier articles") {
      try queue.read { db in
        try HistoryArticles.index(
          db, excludingRun: runId, since: since, bands: bands.bands,
          storedBandsMatch: stored.1 == nil || stored.1 == bands.description, keys: keys)
      }
    }
  }

  /// The earlier articles in `rows`: identities and signatures of the few a run collides with.
  public func earlierArticles(rows: [Int64]) throws(HistoryError) -> [EarlierArticle] {
    try attempt("reading matched articles") {
      try queue.read { db in try HistoryArticles.articles(db, rows: rows) }
    }
  }

  /// The run ids recorded, in order.
  public func runs() throws(HistoryError) -> [String] {
    try attempt("listing runs") {
      try queue.read { db in try String.fetchAll(db, sql: "SELECT id FROM run ORDER BY id") }
    }
  }

  /// Runs `body`, turning any database error into one that names the file and the task,
  /// and kept articles that could not be read into one that says so: the database is fine.
  func attempt<T>(_ doing: String, _ body: () throws -> T) throws(HistoryError) -> T {
    do {
      return try body()
    } catch let error as KeptArticles.Unreadable {
      throw .keptUnreadable(file: path, message: "\(error.underlying)")
    } catch {
      throw .failed(file: path, doing: doing, message: Self.message(error))
    }
  }

  /// SQLite's own words (`file is not a database`) rather than GRDB's full dump with SQL.
  private static func message(_ error: any Error) -> String {
    guard let error = error as? DatabaseError else { return "\(error)" }
    return error.message ?? "\(error.resultCode)"
  }
}
