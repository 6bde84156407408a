import GRDB

/// The history database's tables and the SQL over them, kept apart from
/// `HistoryStore` so the schema and its migrations are read in one place.
///
/// `run(id, finished_at)` lists recorded runs; `article` holds every article a run kept
/// (identity, signature as a little-endian blob, the time its run added it, which the
/// window and `prune` go by) and `article_key` what every run scans of it: content hash
/// and band keys, apart so that the scan reads ~200 bytes per article, not ~900;
/// `setting` records the fingerprint and LSH parameters they were made with; `boilerplate_site(run_id, site, articles)`
/// and `boilerplate_block(run_id, site, hash, articles)` hold each run's own
/// `BoilerplateCounts`. Hashes are `UInt64` stored as the `Int64` with the same bits
/// (SQLite integers are signed 64-bit). Rows reference their run with `ON DELETE
/// CASCADE`, so a later prune deletes a run row and its counts go with it.
enum HistorySchema {
  /// Every migration, in order. Never edit a shipped one: add the next.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-boilerplate-counts") { db in
      try db.execute(
        sql: """
          CREATE TABLE run (id TEXT PRIMARY KEY NOT NULL, finished_at TEXT NOT NULL);
          CREATE TABLE boilerplate_site (
            run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            site TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (run_id, site)
          ) WITHOUT ROWID;
          CREATE TABLE boilerplate_block (
            run_id TEXT NOT NULL,
            site TEXT NOT NULL,
            hash INTEGER NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (run_id, site, hash),
            FOREIGN KEY (run_id, site) REFERENCES boilerplate_site(run_id, site) ON DELETE CASCADE
          ) WITHOUT ROWID;
          CREATE INDEX boilerplate_block_by_site ON boilerplate_block(site, hash);
          """)
    }
    migrator.registerMigration("v2-kept-articles") { db in
      try db.execute(
        sql: """
          CREATE TABLE article (
            key INTEGER PRIMARY KEY,
            run_id TEXT NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            site TEXT NOT NULL,
            date TEXT,
            added_at TEXT NOT NULL,
            shingles INTEGER NOT NULL,
            signature BLOB NOT NULL,
            UNIQUE (run_id, id)
          );
          CREATE INDEX article_by_added ON article(added_at);
          CREATE TABLE article_key (
            article INTEGER PRIMARY KEY REFERENCES article(key) ON DELETE CASCADE,
            run_id TEXT NOT NULL,
            added_at TEXT NOT NULL,
            content_hash BLOB NOT NULL,
            band_keys BLOB NOT NULL
          );
          CREATE TABLE setting (name TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
          """)
    }
    return migrator
  }

  /// Sums every run's counts but `runId`'s.
  static func counts(_ db: Database, excludingRun runId: String) throws -> BoilerplateCounts {
    var counts = BoilerplateCounts()
    let sites = try Row.fetchCursor(
      db,
      sql: "SELECT site, SUM(articles) FROM boilerplate_site WHERE run_id <> ? GROUP BY site",
      arguments: [runId])
    while let row = try sites.next() {
      counts.sites[row[0], default: BoilerplateCounts.Site()].articles = row[1]
    }
    let blocks = try Row.fetchCursor(
      db,
      sql: """
        SELECT site, hash, SUM(articles) FROM boilerplate_block
        WHERE run_id <> ? GROUP BY site, hash
        """,
      arguments: [runId])
    while let row = try blocks.next() {
      let site: String = row[0]
      let hash = UInt64(bitPattern: row[1] as Int64)
      counts.sites[site, default: BoilerplateCounts.Site()].blocks[hash] = row[2]
    }
    return counts
  }

  /// Deletes `runId`'s counts, upserts its run row and inserts `counts`, sites and
  /// hashes in sorted order so equal counts give equal files.
  static func replace(
    _ db: Database, runId: String, counts: BoilerplateCounts, finishedAt: String
  ) throws {
    try db.execute(sql: "DELETE FROM boilerplate_block WHERE run_id = ?", arguments: [runId])
    try db.execute(sql: "DELETE FROM boilerplate_site WHERE run_id = ?", arguments: [runId])
    try db.execute(
      sql: """
        INSERT INTO run (id, finished_at) VALUES (?, ?)
        ON CONFLICT(id) DO UPDATE SET finished_at = excluded.finished_at
        """,
      arguments: [runId, finishedAt])
    let site = try db.makeStatement(
      sql: "INSERT INTO boilerplate_site (run_id, site, articles) VALUES (?, ?, ?)")
    let block = try db.makeStatement(
      sql: "INSERT INTO boilerplate_block (run_id, site, hash, articles) VALUES (?, ?, ?, ?)")
    for name in counts.sites.keys.sorted() {
      guard let entry = counts.sites[name] else { continue }
      try site.execute(arguments: [runId, name, entry.articles])
      for hash in entry.blocks.keys.sorted() {
        let articles = entry.blocks[hash] ?? 0
        try block.execute(arguments: [runId, name, Int64(bitPattern: hash), articles])
      }
    }
  }
}
