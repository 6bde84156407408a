/// One output file as the manifest lists it.
public struct OutputEntry: Sendable, Equatable, Codable {
  /// Path relative to the output folder, e.g. `clean/part-00000.jsonl.gz`.
  public var path: String
  public var bytes: Int
  public var sha256: String
  public var records: Int
}

/// Lays gzip members end to end into part files `part-00000.jsonl.gz`,
/// `part-00001…`, starting a new part after the member that brings the current
/// one to `partMaxBytes` of JSON. A file of concatenated members is one valid gzip
/// stream (RFC 1952 §2.2): `zcat`, Python's `gzip`, Go and Java read it whole. A
/// folder with no records still gets a `part-00000.jsonl.gz` holding one empty
/// member, so readers always find a first part.
final class PartWriter {
  /// JSON bytes per gzip member (`MemberFile`): large enough that restarting the
  /// compressor's dictionary costs little ratio, small enough to give every core work.
  static let chunkBytes = 1 << 20

  private let folder: String
  private let name: String
  private let config: WriteConfig
  private var file: OutputFile?
  private var partBytes = 0
  private var partRecords = 0
  private(set) var entries: [OutputEntry] = []

  /// `folder` is where files go; `name` is the folder's name in the manifest (`clean`).
  init(folder: String, name: String, config: WriteConfig) {
    self.folder = folder
    self.name = name
    self.config = config
  }

  /// Appends one member holding `records` JSON lines, `jsonBytes` before compression.
  func append(member: some Collection<UInt8>, jsonBytes: Int, records: Int) throws {
    if file == nil { try startPart() }
    try file?.write(Array(member))
    partBytes += jsonBytes
    partRecords += records
    if partBytes >= config.partMaxBytes { try finishPart() }
  }

  /// Closes the last part and returns every part written.
  func finish() throws -> [OutputEntry] {
    if file == nil && entries.isEmpty {
      try startPart()
      try file?.write(
        MemberCompressor.member([], compressor: config.compressor, level: config.compressionLevel))
    }
    try finishPart()
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

  private func finishPart() throws {
    guard let file else { return }
    let digest = try file.close()
    let fileName = file.path.split(separator: "/").last.map(String.init) ?? file.path
    entries.append(
      OutputEntry(
        path: "\(name)/\(fileName)", bytes: file.byteCount, sha256: digest, records: partRecords))
    self.file = nil
  }
}
