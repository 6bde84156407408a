import Glibc

/// Why a work file could not be written, read or decoded. The message names the file,
/// because a run reads many shards written by other tasks (other Slurm array tasks, other
/// nodes) and the person fixing it needs to know which task to rerun.
struct WorkFileError: Error, CustomStringConvertible, Equatable {
  /// The work file; empty for a decode error raised before the file is known
  /// (`BinaryReader` works on bytes; the file reader adds its path).
  var path: String
  var message: String

  init(path: String, _ message: String) {
    self.path = path
    self.message = message
  }

  var description: String { path.isEmpty ? message : "\(path): \(message)" }

  /// The advice every damaged-file message ends with: the file cannot be repaired,
  /// only written again.
  static let rerun = "rerun the task that wrote it"

  /// The current `errno` as text, for the failed call named by `what`.
  static func system(_ what: String, path: String) -> WorkFileError {
    WorkFileError(path: path, "\(what) failed: \(String(cString: strerror(errno)))")
  }

  /// The same error, attributed to `path` and to the record at `offset` when given.
  func located(in path: String, offset: Int? = nil) -> WorkFileError {
    guard let offset else { return WorkFileError(path: path, message) }
    return WorkFileError(path: path, "record at payload offset \(offset): \(message)")
  }
}
