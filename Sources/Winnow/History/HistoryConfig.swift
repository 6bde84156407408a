/// Where the history of earlier runs is kept, and how it counts.
///
/// On by default (`state/history.sqlite`, relative to the working folder): a nightly
/// job needs it to find tonight's copies of yesterday's news and to learn its sites'
/// templates from more than one night. `winnow run --no-history` or an empty path
/// turns it off for a one-off run.
public struct HistoryConfig: Sendable, Equatable, Codable {
  /// The SQLite file of earlier runs; empty means no history.
  public var path = "state/history.sqlite"
  /// Articles kept more than this many days before the run stop counting as earlier
  /// copies (`winnow history prune` deletes them); 0 keeps every article counting.
  public var windowDays = 90
  /// Which version survives when a new article duplicates one an earlier run kept.
  public var keep = KeeperPolicy.earliest

  public init() {}

  enum CodingKeys: String, CodingKey {
    case path
    case windowDays = "window_days"
    case keep
  }

  func validate() throws(ConfigError) {
    try Check.range(windowDays, 0...36_500, key: "history.window_days")
    guard !path.isEmpty else { return }
    guard !path.hasSuffix("/") else {
      throw .invalidValue(key: "history.path", message: "'\(path)' names a folder, not a file")
    }
    guard !path.contains("\0") else {
      throw .invalidValue(key: "history.path", message: "contains a NUL character")
    }
  }
}
