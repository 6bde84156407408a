/// Why the history database cannot be used. Every case names the file, so a nightly
/// job's log says which database to inspect, restore or move aside; the store never
/// rebuilds a damaged file silently, because that would quietly forget every night.
public enum HistoryError: Error, Equatable, CustomStringConvertible {
  /// The folder that should hold the database cannot be created.
  case cannotCreateFolder(file: String, message: String)
  /// The file cannot be opened, or it is not an SQLite database (damaged or foreign).
  case unreadable(file: String, message: String)
  /// The file was written by a newer Winnow: it has migrations this build does not know.
  case newerSchema(file: String, unknownMigrations: [String])
  /// A query or write failed on an open database.
  case failed(file: String, doing: String, message: String)
  /// The stored signatures were made with another fingerprint configuration.
  case incompatible(file: String, stored: String, current: String)
  /// Another run holds the history (its lock file is named).
  case locked(file: String, lock: String)
  /// The run's kept articles could not be read (`message` names their file) while they
  /// were being recorded; the transaction was rolled back.
  case keptUnreadable(file: String, message: String)

  /// True when another process holds the history's lock.
  public var isLocked: Bool {
    if case .locked = self { return true }
    return false
  }

  public var description: String {
    switch self {
    case .cannotCreateFolder(let file, let message):
      "\(file): cannot create the history database's folder: \(message)"
    case .unreadable(let file, let message):
      "\(file): cannot use the history database (damaged or not a Winnow history?): \(message)"
    case .newerSchema(let file, let unknown):
      "\(file): the history database was written by a newer Winnow (unknown migrations: "
        + "\(unknown.joined(separator: ", ")))"
    case .failed(let file, let doing, let message):
      "\(file): history database failed while \(doing): \(message)"
    case .incompatible(let file, let stored, let current):
      "\(file): the history's signatures were made with fingerprint settings \(stored), this "
        + "configuration makes \(current); use the same fingerprint settings, or rebuild the "
        + "history from earlier outputs (`winnow history rebuild`) into a new file"
    case .locked(let file, let lock):
      "\(file): another winnow run is using this history (lock \(lock) is held); wait for it "
        + "to finish, or check that no run is stuck"
    case .keptUnreadable(let file, let message):
      "\(file): the history was left as it was: the run's kept articles could not be read: "
        + message
    }
  }
}
