/// Where the history of earlier runs is kept.
///
/// Empty by default: a one-off run or a test must not leave a database in the working
/// folder. The nightly job names a path (`history.path` or `winnow run --history PATH`)
/// so a small batch still learns its sites' templates from earlier nights.
public struct HistoryConfig: Sendable, Equatable, Codable {
  /// The SQLite file of earlier runs' counts; empty means no history.
  public var path = ""

  public init() {}

  enum CodingKeys: String, CodingKey {
    case path
  }

  func validate() throws(ConfigError) {
    guard !path.isEmpty else { return }
    guard !path.hasSuffix("/") else {
      throw .invalidValue(key: "history.path", message: "'\(path)' names a folder, not a file")
    }
    guard !path.contains("\0") else {
      throw .invalidValue(key: "history.path", message: "contains a NUL character")
    }
  }
}
