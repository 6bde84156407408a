/// Every threshold and rule list of a run, one section per stage.
///
/// `Config()` is the built-in default; `Config/winnow.yaml` in the repo spells
/// out the same values with a comment for each (a test keeps them equal).
/// Load a file with `ConfigLoader`.
public struct Config: Sendable, Equatable, Codable {
  public var read = ReadConfig()
  public var extract = ExtractConfig()
  public var clean = CleanConfig()
  public var quality = QualityConfig()
  public var fingerprint = FingerprintConfig()
  public var dedup = DedupConfig()
  public var write = WriteConfig()
  public var report = ReportConfig()
  public var history = HistoryConfig()

  public init() {}

  /// Checks every value against its allowed range; the error names the key.
  public func validate() throws(ConfigError) {
    try read.validate()
    try extract.validate()
    try clean.validate()
    try quality.validate()
    try fingerprint.validate()
    try dedup.validate()
    try write.validate()
    try report.validate()
    try history.validate()
    guard dedup.bands * dedup.rows <= fingerprint.signatureLength else {
      throw .invalidValue(
        key: "dedup.bands",
        message:
          "bands × rows = \(dedup.bands * dedup.rows) exceeds fingerprint.signature_length = "
          + "\(fingerprint.signatureLength)")
    }
  }
}
