import Foundation

/// Everything a run's stage tasks must agree on, fixed once before the first
/// stage and kept as `WORK/plan.json`: the run id and start, the configuration,
/// the options, the input files in order, and how they are cut into pieces and
/// shards. Every task reads the same plan, so every task sees the same run.
public struct RunPlan: Sendable, Codable {
  /// Bumped whenever the plan or any work file changes shape.
  public static let formatVersion: UInt32 = 2

  /// Consecutive input files read as one unit, or a part of one large file;
  /// `files` index `RunPlan.files`.
  public struct Piece: Sendable, Codable, Equatable {
    public var first: Int
    public var count: Int
    public var bytes: Int
    /// The lines of file `first` this piece reads, when the plan cut that file.
    public var part: FilePart?

    var files: Range<Int> { first..<(first + count) }
  }

  public var version = RunPlan.formatVersion
  public var runId: String
  public var started: Date
  public var config: Config
  public var inputs: [String]
  public var outputFolder: String
  public var reportFolder: String
  public var overwrite: Bool
  public var writeRemoved: Bool
  public var pairsOutput: String?
  public var files: [InputFile]
  /// Inputs that could not be listed: rejected first, ahead of every file's articles.
  public var listingFailures: [ReadFailure]
  public var pieces: [Piece]
  /// For each shard, the range of `pieces` it reads: contiguous, balanced by bytes.
  public var shardPieces: [Range<Int>]

  public var shards: Int { shardPieces.count }

  /// What every work file of this run is stamped with: a file from another run,
  /// another configuration or another format version is refused.
  var parameters: String { "\(runId) \(config.digest)" }

  /// Lists the inputs and cuts them into pieces and `shards` shards.
  public static func make(
    _ options: RunOptions, config: Config, shards: Int, started: Date = Date()
  ) -> RunPlan {
    let listing = Reader(config: config.read).inputFiles(options.inputs)
    let sizes = listing.files.map { FileStatus(path: $0.path)?.size ?? 0 }
    let runId =
      options.runId
      ?? RunIdentity.derive(files: listing.files, configDigest: config.digest, date: started)
    let reader = Reader(config: config.read)
    let minimum = config.read.pieceBytes
    let pieces = Self.pieces(sizes: sizes, minimum: minimum) { index in
      guard sizes[index] >= 2 * minimum else { return nil }
      return reader.parts(of: listing.files[index], every: minimum, countingLines: shards > 1)
    }
    return RunPlan(
      runId: runId, started: started, config: config, inputs: options.inputs,
      outputFolder: options.outputFolder, reportFolder: options.reportFolder ?? "Reports/\(runId)",
      overwrite: options.overwrite,
      writeRemoved: options.writeRemoved || config.write.removedOutput,
      pairsOutput: options.pairsOutput, files: listing.files, listingFailures: listing.failures,
      pieces: pieces, shardPieces: Self.shards(pieces, count: max(1, shards)))
  }

  /// Consecutive files grouped until each group holds `minimum` bytes (`read.piece_bytes`);
  /// a file that `parts` cuts (a large JSON Lines or TSV file) gives one piece per part.
  /// A piece is the unit of sharding, and the output's gzip members restart at piece
  /// boundaries, so the output does not depend on the number of shards.
  static func pieces(
    sizes: [Int], minimum: Int, parts: (_ file: Int) -> [FilePart]? = { _ in nil }
  ) -> [Piece] {
    var pieces: [Piece] = []
    var current = Piece(first: 0, count: 0, bytes: 0)
    for (index, size) in sizes.enumerated() {
      if let parts = parts(index) {
        if current.count > 0 { pieces.append(current) }
        for part in parts {
          pieces.append(Piece(first: index, count: 1, bytes: part.end - part.offset, part: part))
        }
        current = Piece(first: index + 1, count: 0, bytes: 0)
        continue
      }
      current.count += 1
      current.bytes += size
      if current.bytes >= minimum {
        pieces.append(current)
        current = Piece(first: index + 1, count: 0, bytes: 0)
      }
    }
    if current.count > 0 || pieces.isEmpty { pieces.append(current) }
    return pieces
  }

  /// Contiguous ranges of pieces balanced by bytes: a piece goes to the shard in whose
  /// share of the whole its middle byte falls, and the first piece to shard 0, which
  /// also writes the listing failures: they share the first piece's gzip member, as in
  /// one process. A shard may get no piece.
  static func shards(_ pieces: [Piece], count: Int) -> [Range<Int>] {
    let total = max(1, pieces.reduce(0) { $0 + $1.bytes })
    var ends = [Int](repeating: 0, count: count)
    var before = 0
    for (index, piece) in pieces.enumerated() {
      let middle = before + piece.bytes / 2
      ends[index == 0 ? 0 : min(count - 1, middle * count / total)] = index + 1
      before += piece.bytes
    }
    var ranges: [Range<Int>] = []
    var start = 0
    for end in ends {
      let end = max(start, end)
      ranges.append(start..<end)
      start = end
    }
    return ranges
  }

  /// The deduplicator every dedup stage of the run uses.
  var deduplicator: Deduplicator {
    Deduplicator(config: config.dedup, signatureLength: config.fingerprint.signatureLength)
  }

  /// The ordinal of shard `shard`'s first article: the articles of the shards before
  /// it, as their fingerprint tasks counted them.
  func firstOrdinal(of shard: Int, _ work: WorkFolder) throws -> Int {
    try (0..<shard).reduce(0) {
      $0 + (try TaskStats.load(work.file(.fingerprint, shard: $1, "stats.json"))).articles
    }
  }

  /// The pieces shard `shard` reads.
  func pieces(ofShard shard: Int) -> ArraySlice<Piece> { pieces[shardPieces[shard]] }

  public func write(to work: WorkFolder) throws(StageError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    do {
      try FileManager.default.createDirectory(atPath: work.path, withIntermediateDirectories: true)
      try encoder.encode(self).write(to: URL(fileURLWithPath: work.planPath), options: .atomic)
    } catch {
      throw StageError(path: work.planPath, message: "cannot write: \(error.localizedDescription)")
    }
  }

  public static func load(from work: WorkFolder) throws(StageError) -> RunPlan {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    let plan: RunPlan
    do {
      plan = try decoder.decode(
        RunPlan.self, from: Data(contentsOf: URL(fileURLWithPath: work.planPath)))
    } catch {
      throw StageError(
        path: work.planPath,
        message: "cannot read the run's plan (run `winnow stage plan` first): \(error)")
    }
    guard plan.version == formatVersion else {
      throw StageError(
        path: work.planPath,
        message: "plan format \(plan.version), this winnow reads format \(formatVersion)")
    }
    return plan
  }

  /// Throws unless `shard` names one of the plan's shards.
  func check(shard: Int, of work: WorkFolder) throws(StageError) {
    guard (0..<shards).contains(shard) else {
      throw StageError(
        path: work.planPath, message: "shard \(shard) is out of range: the plan has \(shards)")
    }
  }
}

extension RunPlan {
  /// A work file of this run being written (`WorkFileWriter`), stamped with the run.
  func writer(_ path: String, kind: String) throws(WorkFileError) -> WorkFileWriter {
    try WorkFileWriter(path: path, kind: kind, version: workCodecVersion, parameters: parameters)
  }

  /// A work file of this run, opened for reading: one of another kind, codec version
  /// or run is refused.
  func reader(_ path: String, kind: String) throws(WorkFileError) -> WorkFileReader {
    try WorkFileReader(path: path, kind: kind, version: workCodecVersion, parameters: parameters)
  }
}
