import Foundation

/// The Write stage: streams records into `clean/` and `rejected/` part files
/// inside a staging folder, then `commit` moves them into place and writes
/// `manifest.json` last. A run that dies leaves no file under a final name,
/// and the manifest marks a finished run.
public final class CorpusWriter {
  public static let stagingName = ".winnow-staging"
  private let output: String
  private let staging: String
  private let clean: PartWriter
  private let rejected: PartWriter
  /// `removed/`, when the run writes removed blocks for audit.
  private let removed: PartWriter?
  private var json = JSONWriter()
  private var counts = Manifest.Counts()

  /// Prepares `outputFolder`; refuses one that holds a finished run unless `overwrite`.
  /// With `removedOutput`, removed blocks go to `removed/` as well.
  public init(
    outputFolder: String, overwrite: Bool, config: WriteConfig, removedOutput: Bool = false
  ) throws {
    output = outputFolder
    staging = "\(outputFolder)/\(Self.stagingName)"
    let files = FileManager.default
    if files.fileExists(atPath: "\(output)/manifest.json") && !overwrite {
      throw OutputError(
        path: output,
        message: "already holds a finished run (manifest.json); pass --overwrite to replace it")
    }
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

  /// Writes one record: to `rejected/` when it carries a rejection, else to `clean/`.
  public func write(_ record: CorpusRecord) throws {
    json.reset()
    record.write(to: &json)
    counts.articles += 1
    if let rejection = record.rejection {
      counts.rejected += 1
      counts.rejectedByReason[rejection.reason.rawValue, default: 0] += 1
      try rejected.append(json.bytes)
    } else {
      counts.clean += 1
      try clean.append(json.bytes)
    }
  }

  /// Writes one line per removed block of article `id` to `removed/`, when the run keeps them.
  public func writeRemoved(_ blocks: [RemovedBlock], of id: String) throws {
    guard let removed else { return }
    for block in blocks {
      json.reset()
      RemovedRecord(id: id, removed: block).write(to: &json)
      try removed.append(json.bytes)
    }
  }

  /// Finishes the parts, writes the manifest and moves everything into place.
  public func commit(configDigest: String, inputs: Manifest.Inputs) throws -> Manifest {
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
