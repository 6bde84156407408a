/// One output file as the manifest lists it.
public struct OutputEntry: Sendable, Equatable, Codable {
  /// Path relative to the output folder, e.g. `clean/part-00000.jsonl.gz`.
  public var path: String
  public var bytes: Int
  public var sha256: String
  public var records: Int
}

/// Writes JSON lines into gzip part files `part-00000.jsonl.gz`, `part-00001…`,
/// starting a new part once the current one holds `partMaxBytes` of JSON.
/// A folder with no records still gets an (empty) `part-00000.jsonl.gz`, so
/// readers always find a first part.
final class PartWriter {
  private let folder: String
  private let name: String
  private let config: WriteConfig
  private var file: OutputFile?
  private var deflater: GzipDeflater?
  private var compressed: [UInt8] = []
  private var partBytes = 0
  private var partRecords = 0
  private(set) var entries: [OutputEntry] = []

  /// `folder` is where files go; `name` is the folder's name in the manifest (`clean`).
  init(folder: String, name: String, config: WriteConfig) {
    self.folder = folder
    self.name = name
    self.config = config
  }

  /// Appends one JSON line (with its newline).
  func append(_ line: [UInt8]) throws {
    if file == nil { try startPart() }
    guard let deflater, let file else { return }
    try line.withUnsafeBytes { try deflater.deflate($0, into: &compressed) }
    try file.write(compressed)
    compressed.removeAll(keepingCapacity: true)
    partBytes += line.count
    partRecords += 1
    if partBytes >= config.partMaxBytes { try finishPart() }
  }

  /// Closes the last part and returns every part written.
  func finish() throws -> [OutputEntry] {
    if file == nil && entries.isEmpty { try startPart() }
    if file != nil { try finishPart() }
    return entries
  }

  private func startPart() throws {
    let partName =
      "part-" + String(repeating: "0", count: max(0, 5 - String(entries.count).count))
      + "\(entries.count)"
    file = try OutputFile(path: "\(folder)/\(partName).jsonl.gz")
    deflater = try GzipDeflater(level: config.compressionLevel)
    partBytes = 0
    partRecords = 0
  }

  private func finishPart() throws {
    guard let file, let deflater else { return }
    try deflater.finish(into: &compressed)
    try file.write(compressed)
    compressed.removeAll(keepingCapacity: true)
    let digest = try file.close()
    let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
    entries.append(
      OutputEntry(
        path: "\(name)/\(fileName)", bytes: file.byteCount, sha256: digest, records: partRecords))
    self.file = nil
    self.deflater = nil
  }
}
