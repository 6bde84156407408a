import Foundation

/// The output folder's side of a run: lays the write stage's gzip members into
/// `clean/`, `rejected/` (and `removed/`) part files inside a staging folder, or links
/// the parts a run's only write shard laid itself, then `commit` moves them into place
/// and writes `manifest.json` last. A run that dies leaves no file under a final name,
/// and the manifest marks a finished run.
public final class CorpusWriter {
  public static let stagingName = ".winnow-staging"
  private let output: String
  private let staging: PartFolders
  /// The parts linked from a write shard's folder (`adopt`), which replace the staging
  /// folder's own.
  private var adopted: [OutputEntry]?

  /// Prepares `outputFolder`; refuses one that holds a finished run unless `overwrite`.
  /// With `removedOutput`, removed blocks go to `removed/` as well.
  public init(
    outputFolder: String, overwrite: Bool, config: WriteConfig, removedOutput: Bool = false
  ) throws {
    output = outputFolder
    try Self.checkOutputFolder(outputFolder, overwrite: overwrite)
    staging = try PartFolders(
      path: "\(outputFolder)/\(Self.stagingName)", config: config, removed: removedOutput)
  }

  /// Throws when `folder` holds a finished run (a manifest) and `overwrite` is off.
  static func checkOutputFolder(_ folder: String, overwrite: Bool) throws(OutputError) {
    guard !overwrite, FileManager.default.fileExists(atPath: "\(folder)/manifest.json") else {
      return
    }
    throw OutputError(
      path: folder,
      message: "already holds a finished run (manifest.json); pass --overwrite to replace it")
  }

  /// The output folders this run writes: `clean`, `rejected`, and `removed` when asked.
  var kinds: [String] { staging.kinds }

  /// Lays the members of a `MemberFile` into the part files of the kind its name ends
  /// with (`shard-00002.clean` goes to `clean/`).
  func add(membersAt path: String, parameters: String) throws {
    let kind = path.split(separator: ".").last.map(String.init) ?? ""
    guard let parts = staging.parts(kind) else {
      throw OutputError(path: path, message: "is not a clean, rejected or removed member file")
    }
    try MemberFile.forEachMember(at: path, parameters: parameters) { member, json, records in
      try parts.append(member: member, jsonBytes: json, records: records)
    }
  }

  /// Takes the part files `entries` lists from `folder` (laid out as the staging folder
  /// is) instead of laying members: each is hard-linked into the staging folder, so
  /// nothing is copied and `folder` stays whole for a rerun. Where a link cannot be made
  /// (another file system), the file is copied and its SHA-256 checked on the way.
  func adopt(_ entries: [OutputEntry], from folder: String) throws {
    for entry in entries {
      let source = "\(folder)/\(entry.path)"
      var info = stat()
      guard stat(source, &info) == 0, Int(info.st_size) == entry.bytes else {
        throw OutputError(
          path: source,
          message:
            "is missing or not the \(entry.bytes) bytes the write stage laid; rerun the write stage"
        )
      }
      let target = "\(staging.path)/\(entry.path)"
      if link(source, target) == 0 { continue }
      guard [EXDEV, EPERM, EMLINK, ENOTSUP].contains(errno) else {
        throw OutputError.system("link", path: target)
      }
      try OutputFile.copy(source, to: target, sha256: entry.sha256)
    }
    adopted = (adopted ?? []) + entries
  }

  /// Finishes the parts, writes the manifest and moves everything into place.
  public func commit(configDigest: String, inputs: Manifest.Inputs, counts: Manifest.Counts)
    throws -> Manifest
  {
    var manifest = Manifest()
    manifest.configDigest = configDigest
    manifest.inputs = inputs
    manifest.counts = counts
    manifest.files = try adopted ?? staging.finish()
    let manifestFile = try OutputFile(path: "\(staging.path)/manifest.json")
    try manifestFile.write(Array(manifest.encoded()))
    _ = try manifestFile.close()
    try moveIntoPlace()
    return manifest
  }

  /// The old manifest goes first and the new one comes last, so at every
  /// moment either no manifest exists or it describes the files beside it.
  private func moveIntoPlace() throws {
    let files = FileManager.default
    for name in ["manifest.json", "clean", "rejected", "removed"]
    where files.fileExists(atPath: "\(output)/\(name)") {
      try files.removeItem(atPath: "\(output)/\(name)")
    }
    for name in staging.kinds + ["manifest.json"] {
      guard rename("\(staging.path)/\(name)", "\(output)/\(name)") == 0 else {
        throw OutputError.system("rename", path: "\(output)/\(name)")
      }
    }
    try files.removeItem(atPath: staging.path)
  }
}
