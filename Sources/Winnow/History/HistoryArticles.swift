import Foundation
import GRDB

/// The SQL over the `article` and `setting` tables: kept articles in, the
/// earlier index and matched articles out. Apart from `HistorySchema`'s counts
/// so each file reads in one sitting.
enum HistoryArticles {
  /// Setting names: what the stored signatures and band keys were made with.
  static let fingerprintSetting = "fingerprint"
  static let bandsSetting = "lsh"

  static func setting(_ db: Database, _ name: String) throws -> String? {
    try String.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [name])
  }

  static func setSetting(_ db: Database, _ name: String, _ value: String) throws {
    try db.execute(
      sql: """
        INSERT INTO setting (name, value) VALUES (?, ?)
        ON CONFLICT(name) DO UPDATE SET value = excluded.value
        """,
      arguments: [name, value])
  }

  /// Replaces `runId`'s articles with `kept` and deletes the `superseded` rows. The
  /// articles are inserted as they are read, through one prepared statement each for
  /// both tables; a read error thrown midway rolls back the caller's transaction.
  static func replace(
    _ db: Database, runId: String, kept: KeptArticles, superseded: [Int64], addedAt: String
  ) throws {
    try db.execute(sql: "DELETE FROM article WHERE run_id = ?", arguments: [runId])
    for row in superseded {
      try db.execute(sql: "DELETE FROM article WHERE key = ?", arguments: [row])
    }
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO article (run_id, id, site, date, added_at, shingles, signature)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    let insertKeys = try db.makeStatement(
      sql: """
        INSERT INTO article_key (article, run_id, added_at, content_hash, band_keys)
        VALUES (?, ?, ?, ?, ?)
        """)
    try kept.forEach { article in
      try insert.execute(arguments: [
        runId, article.id, article.site, article.date, addedAt, article.shingleCount,
        Blob.data(article.signature),
      ])
      let hash = Blob.data([article.contentHash.high, article.contentHash.low])
      try insertKeys.execute(arguments: [
        db.lastInsertedRowID, runId, addedAt, hash, Blob.data(article.bandKeys),
      ])
    }
  }

  /// Every article added at or after `since` by a run other than `runId`, with its
  /// band keys: stored ones, or made again by `keys` from the signature when the
  /// stored keys were cut with other bands (`storedBandsMatch` false).
  static func index(
    _ db: Database, excludingRun runId: String, since: String, bands: Int,
    storedBandsMatch: Bool, keys: ([UInt32]) -> [UInt64]
  ) throws -> EarlierIndex {
    var index = EarlierIndex(bands: bands)
    let rows = try Row.fetchCursor(
      db,
      sql: storedBandsMatch
        ? """
        SELECT article, content_hash, band_keys FROM article_key
        WHERE run_id <> ? AND added_at >= ?
        """
        : """
        SELECT article_key.article, article_key.content_hash, article.signature FROM article_key
        JOIN article ON article.key = article_key.article
        WHERE article_key.run_id <> ? AND article_key.added_at >= ?
        """,
      arguments: [runId, since])
    /// Adds one row's keys to `index`, unless its blob does not have the expected size.
    func add(_ row: Row, hash: Data, blob: Data) {
      let contentHash = ContentHash(
        high: Blob.value(hash, at: 0, as: UInt64.self),
        low: Blob.value(hash, at: 1, as: UInt64.self))
      if storedBandsMatch {
        guard blob.count == bands * 8 else { return }
        index.append(row: row[0], contentHash: contentHash) {
          Blob.value(blob, at: $0, as: UInt64.self)
        }
      } else {
        let bandKeys = keys(Blob.values(blob, as: UInt32.self))
        guard bandKeys.count == bands else { return }
        index.append(row: row[0], contentHash: contentHash) { bandKeys[$0] }
      }
    }
    while let row = try rows.next() {
      // Blobs are read in place (`withUnsafeData`): a million rows are loaded per run.
      try row.withUnsafeData(atIndex: 1) { hash in
        try row.withUnsafeData(atIndex: 2) { blob in
          guard let hash, hash.count == 16, let blob else { return }
          add(row, hash: hash, blob: blob)
        }
      }
    }
    return index
  }

  /// The articles in `rows`, ascending.
  static func articles(_ db: Database, rows: [Int64]) throws -> [EarlierArticle] {
    var found: [EarlierArticle] = []
    for chunk in stride(from: 0, to: rows.count, by: 500) {
      let part = Array(rows[chunk..<min(chunk + 500, rows.count)])
      let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
      let cursor = try Row.fetchCursor(
        db,
        sql: """
          SELECT key, id, run_id, added_at, signature FROM article
          WHERE key IN (\(marks)) ORDER BY key
          """,
        arguments: StatementArguments(part))
      while let row = try cursor.next() {
        found.append(
          EarlierArticle(
            row: row[0], id: row[1], runId: row[2], addedAt: row[3],
            signature: Blob.values(row[4] as Data, as: UInt32.self)))
      }
    }
    return found
  }
}
