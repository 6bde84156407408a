import Foundation

@testable import Winnow

extension Config {
  /// The defaults without a history: a test's runs must not read or write
  /// `state/history.sqlite` in the working folder, where other tests' runs would
  /// show up as earlier copies.
  static var noHistory: Config {
    var config = Config()
    config.history.path = ""
    return config
  }
}

/// A new, empty folder under the system's temporary folder, named `winnow-<UUID>`:
/// one per test, so tests never see each other's files.
func makeTemporaryFolder() throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "winnow-\(UUID().uuidString)"
  ).path
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}
