import Foundation

/// The output folder's side of a run: lays the write stage's gzip members into
/// `clean/`, `rejected/` (and `removed/`) part files inside a staging folder, then
/// `commit` moves them into place and writes `manifest.json` last. A run that dies
/// leaves no file under a final name, and the manifest marks a finished run.
public final class CorpusWriter {
  public static let stagingName = ".winnow-staging"
  private let output: String
  private let staging: String
  private let clean: PartWriter
  private let rejected: PartWriter
  /// `removed/`, when the run writes removed blocks for audit.
  private let removed: PartWriter?

  /// Prepares `outputFolder`; refuses one that holds a finished run unless `overwrite`.
  /// With `removedOutput`, removed blocks go to `removed/` as well.
  public init(
    outputFolder: String, overwrite: Bool, config: WriteConfig, removedOutput: Bool = false
  ) throws {
    output = outputFolder
    staging = "\(outputFolder)/\(Self.stagingName)"
    let files = FileManager.default
    try Self.checkOutputFolder(outputFolder, overwrite: overwrite)
    do {
      try files.createDirectory(atPath: output, withIntermediateDirectories: true)
      if files.fileExists(atPath: staging) { try files.removeItem(atPath: staging) }
      for name in ["clean", "rejected"] + (removedOutput ? ["removed"] : []) {
        try files.createDirectory(atPath: "\(staging)/\(name)", withIntermediateDirectories: true)
      }
    } catch {
      throw OutputError(
        path: output, message: "cannot prepare the output folder: \(error.localizedDescription)")
    }
    clean = PartWriter(folder: "\(staging)/clean", name: "clean", config: config)
    rejected = PartWriter(folder: "\(staging)/rejected", name: "rejected", config: config)
    removed =
      removedOutput
      ? PartWriter(folder: "\(staging)/removed", name: "removed", config: config) : nil
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
  var kinds: [String] { ["clean", "rejected"] + (removed == nil ? [] : ["removed"]) }

  /// Lays the members of a `MemberFile` into the part files of the kind its name ends
  /// with (`shard-00002.clean` goes to `clean/`).
  func add(membersAt path: String, parameters: String) throws {
    let kind = path.split(separator: ".").last.map(String.init) ?? ""
    guard let parts = kind == "clean" ? clean : kind == "rejected" ? rejected : removed else {
      throw OutputError(path: path, message: "is not a clean, rejected or removed member file")
    }
    try MemberFile.forEachMember(at: path, parameters: parameters) { member, json, records in
      try parts.append(member: member, jsonBytes: json, records: records)
    }
  }

  /// Finishes the parts, writes the manifest and moves everything into place.
  public func commit(configDigest: String, inputs: Manifest.Inputs, counts: Manifest.Counts)
    throws -> Manifest
  {
    var manifest = Manifest()
    manifest.configDigest = configDigest
    manifest.inputs = inputs
    manifest.counts = counts
    manifest.files = try clean.finish() + rejected.finish() + (removed?.finish() ?? [])
    let manifestFile = try OutputFile(path: "\(staging)/manifest.json")
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
    for name in ["clean", "rejected"] + (removed == nil ? [] : ["removed"]) + ["manifest.json"] {
      guard rename("\(staging)/\(name)", "\(output)/\(name)") == 0 else {
        throw OutputError.system("rename", path: "\(output)/\(name)")
      }
    }
    try files.removeItem(atPath: staging)
  }
}
