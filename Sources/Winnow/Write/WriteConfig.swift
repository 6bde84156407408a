/// How the corpus files are written.
public struct WriteConfig: Sendable, Equatable, Codable {
  /// A part file is closed and the next one started once this many bytes of
  /// JSON (before compression) are in it.
  public var partMaxBytes = 64 << 20
  /// The library that writes the gzip members of the part files. Either way the
  /// files are ordinary multi-member gzip that any reader takes.
  public var compressor = GzipCompressor.libdeflate
  /// Compression level of `compressor`, 1 (fastest) upward: to 9 with zlib, to
  /// 12 with libdeflate, to 3 with ISA-L. The same number gives about the same
  /// size with zlib and libdeflate; ISA-L's 3 is about libdeflate's 1 in size.
  public var compressionLevel = 6
  /// Also write every block cleaning removed to `removed/` (for audit); `winnow run --removed` does the same.
  public var removedOutput = false

  public init() {}

  enum CodingKeys: String, CodingKey {
    case partMaxBytes = "part_max_bytes"
    case compressor
    case compressionLevel = "compression_level"
    case removedOutput = "removed_output"
  }

  func validate() throws(ConfigError) {
    try Check.range(partMaxBytes, 1024...(1 << 40), key: "write.part_max_bytes")
    // `compressor` needs no check here: decoding already rejects a name that is
    // not a `GzipCompressor` as an invalid value of `write.compressor`.
    let levels = compressor.levels
    guard levels.contains(compressionLevel) else {
      throw .invalidValue(
        key: "write.compression_level",
        message: "\(compressionLevel) is outside \(levels.lowerBound)...\(levels.upperBound)"
          + " for write.compressor \(compressor.rawValue)")
    }
  }
}

/// The gzip encoder of `WriteConfig.compressor`.
public enum GzipCompressor: String, Sendable, Equatable, Codable, CaseIterable {
  /// libdeflate's whole-buffer compressor (`LibdeflateGzip`): the default, about
  /// twice as fast as zlib per core at the same level, output slightly smaller.
  case libdeflate
  /// zlib's streaming deflate (`GzipDeflater`), the reference every gzip tool
  /// shares; kept for byte-for-byte continuity with files written before.
  case zlib
  /// ISA-L's igzip (`IsalGzip`): about 4× as fast as libdeflate's level 6 at
  /// its level 3, with output about 8 % larger; for runs where CPU time counts
  /// more than disk. Set `write.compression_level` to 1–3 with it.
  case isal

  /// The levels this encoder accepts for `write.compression_level`.
  public var levels: ClosedRange<Int> {
    switch self {
    case .libdeflate: LibdeflateGzip.levels
    case .zlib: 1...9
    case .isal: IsalGzip.levels
    }
  }
}
