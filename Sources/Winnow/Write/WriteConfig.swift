/// How the corpus files are written.
public struct WriteConfig: Sendable, Equatable, Codable {
  /// A part file is closed and the next one started once this many bytes of
  /// JSON (before compression) are in it.
  public var partMaxBytes = 64 << 20
  /// zlib level, 1 (fastest) to 9 (smallest).
  public var compressionLevel = 6
  /// Also write every block cleaning removed to `removed/` (for audit); `winnow run --removed` does the same.
  public var removedOutput = false

  public init() {}

  enum CodingKeys: String, CodingKey {
    case partMaxBytes = "part_max_bytes"
    case compressionLevel = "compression_level"
    case removedOutput = "removed_output"
  }

  func validate() throws(ConfigError) {
    try Check.range(partMaxBytes, 1024...(1 << 40), key: "write.part_max_bytes")
    try Check.range(compressionLevel, 1...9, key: "write.compression_level")
  }
}
