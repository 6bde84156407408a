/// When two articles count as duplicates.
public struct DedupConfig: Sendable, Equatable, Codable {
  /// Jaccard similarity of shingle sets at or above which two articles are near duplicates.
  public var threshold = 0.8
  /// LSH bands; 0 chooses bands × rows from the threshold and signature length.
  public var bands = 0
  /// Rows (signature values) per band; 0 chooses them with `bands`.
  public var rows = 0
  /// Weight of a missed duplicate when bands × rows are chosen (false positives get 1 − this).
  /// 0.99, not datasketch's 0.5: every candidate is verified, so a false candidate costs one
  /// signature comparison while a missed pair is a duplicate left in the corpus. At 0.8 / 128
  /// this gives 18 × 7 with P(candidate | J = 0.8) ≈ 0.986 (0.40 at 0.5).
  public var falseNegativeWeight = 0.99
  /// In one LSH bucket, each article is paired with at most this many of the next ones
  /// (all pairs while the bucket is smaller): bounds the work on huge buckets.
  public var candidateWindow = 100
  /// Decide candidates on the exact Jaccard similarity of their shingle sets (recomputed
  /// from the text) rather than on the signature estimate, whose standard error at 128
  /// values is ≈ 0.035 around 0.8: near the threshold the estimate puts pairs on the wrong side.
  public var exactVerification = true
  /// A candidate whose signature estimate is below `threshold − signature_margin` is dropped
  /// before the exact check (≈ 3 standard errors: a true duplicate is almost never that low).
  public var signatureMargin = 0.1
  /// Pairs with an article of more shingles than this are decided on the signature estimate:
  /// the budget that keeps exact verification affordable on very long texts.
  public var exactMaxShingles = 200_000
  /// Shingle hashes (8 bytes each) held at once while verifying: bounds the memory of exact
  /// verification and containment whatever the share of duplicates.
  public var exactBatchShingles = 16_000_000
  /// A shorter article whose shingles lie at least this share inside a longer one is its
  /// duplicate (a short repost of part of an article, Jaccard low); 0 turns containment off.
  public var containmentThreshold = 0.0
  /// Containment applies only when the shorter article has at least this many shingles:
  /// a headline-sized text is contained in every article that quotes it.
  public var containmentMinShingles = 100
  /// One shingle in this many (by hash) is indexed to find containment candidates.
  public var containmentSampling = 8
  /// How verified pairs become clusters: `keeper` (each removed article was verified
  /// against the article kept for it) or `components` (connected components, as
  /// datatrove and NeMo Curator do: a chain of pairs removes articles unlike their keeper).
  public var clustering = Clustering.keeper

  public init() {}

  enum CodingKeys: String, CodingKey {
    case threshold, bands, rows
    case falseNegativeWeight = "false_negative_weight"
    case candidateWindow = "candidate_window"
    case exactVerification = "exact_verification"
    case signatureMargin = "signature_margin"
    case exactMaxShingles = "exact_max_shingles"
    case exactBatchShingles = "exact_batch_shingles"
    case containmentThreshold = "containment_threshold"
    case containmentMinShingles = "containment_min_shingles"
    case containmentSampling = "containment_sampling"
    case clustering
  }

  /// True when short articles inside longer ones count as duplicates.
  var containmentEnabled: Bool { containmentThreshold > 0 }

  func validate() throws(ConfigError) {
    try Check.range(threshold, 0.05...1.0, key: "dedup.threshold")
    try Check.range(bands, 0...1024, key: "dedup.bands")
    try Check.range(rows, 0...1024, key: "dedup.rows")
    try Check.range(falseNegativeWeight, 0.0...1.0, key: "dedup.false_negative_weight")
    try Check.range(candidateWindow, 1...100_000, key: "dedup.candidate_window")
    try Check.range(signatureMargin, 0.0...1.0, key: "dedup.signature_margin")
    try Check.range(exactMaxShingles, 1...100_000_000, key: "dedup.exact_max_shingles")
    try Check.range(exactBatchShingles, 1_000...1_000_000_000, key: "dedup.exact_batch_shingles")
    try Check.range(containmentThreshold, 0.0...1.0, key: "dedup.containment_threshold")
    try Check.range(containmentMinShingles, 1...1_000_000, key: "dedup.containment_min_shingles")
    try Check.range(containmentSampling, 1...1024, key: "dedup.containment_sampling")
    guard (bands == 0) == (rows == 0) else {
      throw .invalidValue(key: "dedup.bands", message: "set both bands and rows, or neither")
    }
  }
}

/// `DedupConfig.clustering`: see `KeeperAssignment`.
public enum Clustering: String, Sendable, Equatable, Codable, CaseIterable {
  /// Keep articles in keeper order; each takes the articles verified against it.
  case keeper
  /// One cluster per connected component of verified pairs, its best article kept.
  case components
}
