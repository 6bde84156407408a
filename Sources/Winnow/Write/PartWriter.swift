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
/// Lines are gathered into chunks of `chunkBytes` that `MemberCompressor`
/// compresses in parallel, one gzip member each. A folder with no records still
/// gets an (empty) `part-00000.jsonl.gz`, so readers always find a first part.
final class PartWriter {
  /// JSON bytes per gzip member: large enough that restarting the compressor's
  /// dictionary costs little ratio, small enough to give every core work.
  static let chunkBytes = 1 << 20

  private let folder: String
  private let name: String
  private let config: WriteConfig
  private let compressor: MemberCompressor
  private var file: OutputFile?
  private var chunk: [UInt8] = []
  private var partBytes = 0
  private var partRecords = 0
  private(set) var entries: [OutputEntry] = []

  /// `folder` is where files go; `name` is the folder's name in the manifest (`clean`).
  init(folder: String, name: String, config: WriteConfig) {
    self.folder = folder
    self.name = name
    self.config = config
    compressor = MemberCompressor(
      compressor: config.compressor, level: config.compressionLevel)
  }

  /// Appends one JSON line (with its newline).
  func append(_ line: [UInt8]) throws {
    if file == nil { try startPart() }
    chunk.append(contentsOf: line)
    partBytes += line.count
    partRecords += 1
    if partBytes >= config.partMaxBytes {
      try finishPart()
    } else if chunk.count >= Self.chunkBytes {
      try write(compressor.submit(chunk))
      chunk.removeAll(keepingCapacity: true)
    }
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
    partBytes = 0
    partRecords = 0
  }

  private func write(_ members: [[UInt8]]) throws {
    for member in members { try file?.write(member) }
  }

  /// Compresses what is left (an empty part gets one empty member), waits for the
  /// members in flight, and closes the file.
  private func finishPart() throws {
    guard let file else { return }
    if !chunk.isEmpty || partRecords == 0 {
      try write(compressor.submit(chunk))
      chunk.removeAll(keepingCapacity: true)
    }
    try write(compressor.drain())
    let digest = try file.close()
    let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
    entries.append(
      OutputEntry(
        path: "\(name)/\(fileName)", bytes: file.byteCount, sha256: digest, records: partRecords))
    self.file = nil
  }
}
