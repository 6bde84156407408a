/// When two articles count as duplicates.
public struct DedupConfig: Sendable, Equatable, Codable {
  /// Jaccard similarity of shingle sets at or above which two articles are near duplicates.
  public var threshold = 0.8
  /// LSH bands; 0 chooses bands × rows from the threshold and signature length.
  public var bands = 0
  /// Rows (signature values) per band; 0 chooses them with `bands`.
  public var rows = 0
  /// Weight of a missed duplicate when bands × rows are chosen (false positives get 1 − this).
  /// 0.9, not datasketch's 0.5: every candidate is verified on the signatures, so a false
  /// candidate costs one cheap comparison while a missed pair is a duplicate left in the
  /// corpus. At 0.8 / 128 this gives 14 × 9 with P(candidate | J = 0.8) ≈ 0.88 (0.40 at 0.5).
  public var falseNegativeWeight = 0.9
  /// In one LSH bucket, each article is paired with at most this many of the next ones
  /// (all pairs while the bucket is smaller): bounds the work on huge buckets.
  public var candidateWindow = 100

  public init() {}

  enum CodingKeys: String, CodingKey {
    case threshold, bands, rows
    case falseNegativeWeight = "false_negative_weight"
    case candidateWindow = "candidate_window"
  }

  func validate() throws(ConfigError) {
    try Check.range(threshold, 0.05...1.0, key: "dedup.threshold")
    try Check.range(bands, 0...1024, key: "dedup.bands")
    try Check.range(rows, 0...1024, key: "dedup.rows")
    try Check.range(falseNegativeWeight, 0.0...1.0, key: "dedup.false_negative_weight")
    try Check.range(candidateWindow, 1...100_000, key: "dedup.candidate_window")
    guard (bands == 0) == (rows == 0) else {
      throw .invalidValue(key: "dedup.bands", message: "set both bands and rows, or neither")
    }
  }
}
