/// JSON lines gathered into chunks of `PartWriter.chunkBytes` (or of a part, when
/// `write.part_max_bytes` is smaller: parts end only between members) and compressed on
/// worker threads into gzip members. In a sharded run each member is one record of a
/// work file (with its JSON size and line count in front), so the commit stage reads
/// them back checked and lays them end to end into part files; a run with one write
/// shard lays them into part files at once.
final class MemberFile {
  static let kind = "members"

  /// Where the members go.
  enum Destination {
    /// A work file for the commit stage: parts span the shards.
    case workFile(WorkFileWriter)
    /// Part files, laid as the members come.
    case parts(PartWriter)
  }

  private let destination: Destination
  private let compressor: MemberCompressor
  private let chunkLimit: Int
  private var chunk: [UInt8] = []
  private var lines = 0
  /// JSON bytes and lines of the chunks in flight, in submission order.
  private var pending: [(bytes: Int, lines: Int)] = []

  /// `parameters` stamp the work file at `path` (`RunPlan.parameters`); `config` says
  /// how to compress.
  convenience init(path: String, parameters: String, config: WriteConfig, jobs: Int) throws {
    let file = try WorkFileWriter(
      path: path, kind: Self.kind, version: workCodecVersion, parameters: parameters)
    self.init(.workFile(file), config: config, jobs: jobs)
  }

  init(_ destination: Destination, config: WriteConfig, jobs: Int) {
    self.destination = destination
    compressor = MemberCompressor(
      compressor: config.compressor, level: config.compressionLevel, jobs: jobs)
    chunkLimit = min(PartWriter.chunkBytes, config.partMaxBytes)
  }

  /// Reads the members of the file at `path` back, checked, in order.
  static func forEachMember(
    at path: String, parameters: String,
    _ body: (_ member: UnsafeRawBufferPointer, _ jsonBytes: Int, _ records: Int) throws -> Void
  ) throws {
    let file = try WorkFileReader(
      path: path, kind: kind, version: workCodecVersion, parameters: parameters)
    try file.forEachRecord { bytes in
      var input = BinaryReader(bytes)
      let jsonBytes = try input.read(Int.self)
      let records = try input.read(Int.self)
      try body(try input.readRaw(bytes.count - input.offset), jsonBytes, records)
    }
  }

  /// Appends one JSON line (with its newline).
  func append(_ line: [UInt8]) throws {
    chunk.append(contentsOf: line)
    lines += 1
    if chunk.count >= chunkLimit { try endMember() }
  }

  /// Ends the current member (nothing when it is empty).
  func endMember() throws {
    guard !chunk.isEmpty else { return }
    pending.append((chunk.count, lines))
    try store(compressor.submit(chunk))
    chunk.removeAll(keepingCapacity: true)
    lines = 0
  }

  /// Time spent compressing this file's members, summed over threads.
  var compressing: Duration { compressor.duration }

  /// Ends the last member and stores every member; a work file is then complete, while
  /// part files are closed by their owner (`PartFolders.finish`).
  func commit() throws {
    try endMember()
    try store(compressor.drain())
    if case .workFile(let file) = destination { try file.commit() }
  }

  private func store(_ members: [[UInt8]]) throws {
    for member in members {
      let (bytes, lines) = pending.removeFirst()
      switch destination {
      case .workFile(let file):
        var out = BinaryWriter()
        out.write(bytes)
        out.write(lines)
        member.withUnsafeBytes { out.writeRaw($0) }
        file.append(out.bytes)
      case .parts(let parts):
        try parts.append(member: member, jsonBytes: bytes, records: lines)
      }
    }
  }
}
