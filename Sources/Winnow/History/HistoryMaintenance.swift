import Foundation
import GRDB

/// What `winnow history stats` prints.
public struct HistoryStats: Sendable, Equatable {
  public struct Run: Sendable, Equatable {
    public var id: String
    public var finishedAt: String
    public var articles: Int
  }

  public var bytes: Int
  public var articles: Int
  public var runs: [Run]
  public var oldestAddedAt: String?
  public var newestAddedAt: String?
}

extension HistoryStore {
  /// Size on disk, article count and the runs, oldest first.
  public func stats() throws(HistoryError) -> HistoryStats {
    let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    return try attempt("reading statistics") {
      try queue.read { db in
        let runs = try Row.fetchAll(
          db,
          sql: """
            SELECT run.id, run.finished_at, COUNT(article.id) FROM run
            LEFT JOIN article ON article.run_id = run.id
            GROUP BY run.id ORDER BY run.finished_at, run.id
            """
        ).map { HistoryStats.Run(id: $0[0], finishedAt: $0[1], articles: $0[2]) }
        let range = try Row.fetchOne(db, sql: "SELECT MIN(added_at), MAX(added_at) FROM article")
        return HistoryStats(
          bytes: bytes, articles: runs.reduce(0) { $0 + $1.articles }, runs: runs,
          oldestAddedAt: range?[0], newestAddedAt: range?[1])
      }
    }
  }

  /// Deletes the articles added before `cutoff` (ISO 8601) and the runs that finished
  /// before it with nothing left (their boilerplate counts go with them), then
  /// compacts the file. Returns how many articles and runs went.
  public func prune(before cutoff: String) throws(HistoryError) -> (articles: Int, runs: Int) {
    let removed = try attempt("pruning") {
      try queue.write { db in
        try db.execute(sql: "DELETE FROM article WHERE added_at < ?", arguments: [cutoff])
        let articles = db.changesCount
        try db.execute(
          sql: """
            DELETE FROM run WHERE finished_at < ?
            AND NOT EXISTS (SELECT 1 FROM article WHERE article.run_id = run.id)
            """,
          arguments: [cutoff])
        return (articles, db.changesCount)
      }
    }
    try attempt("compacting") { try queue.vacuum() }
    return removed
  }
}

/// Rebuilds history entries from earlier runs' output folders, for a history that
/// was lost or damaged: every clean record is fingerprinted again (title first when
/// it came from the text, as the run matched it) and recorded as kept by a run
/// named `rebuilt:FOLDER`, added when the folder's manifest was written. Learned-
/// boilerplate counts cannot be rebuilt: the clean text no longer holds the boilerplate.
public struct HistoryRebuild: Sendable {
  public let config: Config

  public init(config: Config) {
    self.config = config
  }

  /// Records every folder in `outputs` (each must hold a finished run) in `store`;
  /// returns the number of articles recorded per folder.
  public func rebuild(_ outputs: [String], into store: HistoryStore) throws -> [Int] {
    let fingerprinter = Fingerprinter(config: config.fingerprint)
    let deduplicator = Deduplicator(
      config: config.dedup, signatureLength: config.fingerprint.signatureLength)
    return try outputs.map { folder in
      let manifest = "\(folder)/manifest.json"
      guard
        let written = try? FileManager.default.attributesOfItem(atPath: manifest)[.modificationDate]
          as? Date
      else {
        throw OutputError(path: folder, message: "holds no finished run (no manifest.json)")
      }
      let kept = try cleanRecords(in: folder).map { record in
        let print = fingerprinter.fingerprint(record.matchText)
        return KeptArticle(
          id: record.id, site: record.site, date: record.date, contentHash: print.contentHash,
          shingleCount: print.shingleCount, signature: print.signature,
          bandKeys: deduplicator.bandKeys(of: print.signature))
      }
      let name = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
      try store.record(
        RecordedRun(
          runId: "rebuilt:\(name)", counts: BoilerplateCounts(), kept: KeptArticles(kept),
          fingerprint: config.fingerprint.historyKey, bands: deduplicator.parameters),
        finishedAt: written)
      return kept.count
    }
  }

  /// What rebuilding needs of one clean record.
  struct CleanRecord {
    var id: String
    var site: String
    var date: String?
    var matchText: String
  }

  /// The records of `folder/clean/part-*.jsonl.gz`, in part order.
  func cleanRecords(in folder: String) throws -> [CleanRecord] {
    let clean = "\(folder)/clean"
    let parts = try FileManager.default.contentsOfDirectory(atPath: clean)
      .filter { $0.hasPrefix("part-") && $0.hasSuffix(".jsonl.gz") }.sorted()
    return try parts.flatMap { part in
      let path = "\(clean)/\(part)"
      let bytes = try GzipInflater.decompress(
        Array(try Data(contentsOf: URL(fileURLWithPath: path))))
      return try bytes.split(separator: 0x0A).enumerated().map { number, line in
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
          let id = object["id"] as? String, let text = object["text"] as? String
        else {
          throw OutputError(path: "\(path):\(number + 1)", message: "not a Winnow clean record")
        }
        let title = object["title_from_text"] as? Bool == true ? object["title"] as? String : nil
        // The site as the run recorded it: the same rule over the same fields.
        let location = SourceLocation(
          path: object["source"] as? String ?? "", line: object["line"] as? Int)
        let site = BoilerplateCounts.site(
          metadata: Metadata(site: object["site"] as? String), location: location)
        return CleanRecord(
          id: id, site: site, date: object["date"] as? String,
          matchText: Cleaned.matchText(headline: title, body: text))
      }
    }
  }
}
