import Glibc

/// Output that could not be written: the path and what the system said.
public struct OutputError: Error, Equatable, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// The current `errno` as text, for the failed call named by `what`.
  static func system(_ what: String, path: String) -> OutputError {
    OutputError(path: path, message: "\(what) failed: \(String(cString: strerror(errno)))")
  }

  public var description: String { "\(path): \(message)" }
}
