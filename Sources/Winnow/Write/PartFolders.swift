import Foundation

/// The `clean/`, `rejected/` (and `removed/`) part files of one output, inside one
/// folder: the output's staging folder, or the folder where a run's only write
/// shard lays its parts for the commit stage to link into place.
final class PartFolders {
  let path: String
  let clean: PartWriter
  let rejected: PartWriter
  /// `removed/`, when the run writes removed blocks for audit.
  let removed: PartWriter?

  /// Creates `path` with one empty subfolder per kind, removing whatever was there:
  /// files are unlinked, never truncated, so an output that links them keeps its bytes.
  init(path: String, config: WriteConfig, removed withRemoved: Bool) throws(OutputError) {
    self.path = path
    let files = FileManager.default
    do {
      if files.fileExists(atPath: path) { try files.removeItem(atPath: path) }
      for name in Self.kinds(withRemoved: withRemoved) {
        try files.createDirectory(atPath: "\(path)/\(name)", withIntermediateDirectories: true)
      }
    } catch {
      throw OutputError(
        path: path, message: "cannot prepare the folder: \(error.localizedDescription)")
    }
    clean = PartWriter(folder: "\(path)/clean", name: "clean", config: config)
    rejected = PartWriter(folder: "\(path)/rejected", name: "rejected", config: config)
    removed =
      withRemoved ? PartWriter(folder: "\(path)/removed", name: "removed", config: config) : nil
  }

  /// The kinds of output: `clean`, `rejected`, and `removed` when asked.
  var kinds: [String] { Self.kinds(withRemoved: removed != nil) }

  private static func kinds(withRemoved: Bool) -> [String] {
    ["clean", "rejected"] + (withRemoved ? ["removed"] : [])
  }

  /// The part writer of `kind`, nil for a kind this output does not write.
  func parts(_ kind: String) -> PartWriter? {
    switch kind {
    case "clean": clean
    case "rejected": rejected
    case "removed": removed
    default: nil
    }
  }

  /// Closes every kind's last part; the entries of every part, as the manifest lists them.
  func finish() throws -> [OutputEntry] {
    try clean.finish() + rejected.finish() + (removed?.finish() ?? [])
  }
}
