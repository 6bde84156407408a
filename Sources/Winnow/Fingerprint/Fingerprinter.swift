/// Computes an article's `Fingerprint`: the content hash of its normalized
/// body and the MinHash signature of its character shingles.
///
/// Normalization (`MatchNormalizer`) comes first, so width, case, spacing,
/// punctuation and (with `fold_traditional`) Traditional versus Simplified
/// script neither break exact matches nor lower similarity.
/// Every hash is seeded from `FingerprintConfig.seed`: a run's fingerprints
/// are comparable only with fingerprints made with the same configuration.
///
/// ```swift
/// let fingerprinter = Fingerprinter(config: FingerprintConfig())
/// let print = fingerprinter.fingerprint("哈萨克斯坦总统托卡耶夫宣布……")
/// ```
///
/// - Complexity: O(n · (k + L)) for a body of n scalars, shingle size k and
///   signature length L; the MinHash part (n · L multiply-adds) dominates.
public struct Fingerprinter: Sendable {
  public let config: FingerprintConfig
  private let shingler: Shingler
  private let minHasher: MinHasher
  private let contentSeeds: (high: UInt64, low: UInt64)

  public init(config: FingerprintConfig) {
    self.config = config
    shingler = Shingler(
      size: config.shingleSize, seed: HashMix.derive(config.seed, purpose: 1))
    minHasher = MinHasher(
      length: config.signatureLength, seed: HashMix.derive(config.seed, purpose: 2))
    contentSeeds = (
      HashMix.derive(config.seed, purpose: 3), HashMix.derive(config.seed, purpose: 4)
    )
  }

  /// The fingerprint of `body`, the clean article text (blocks joined by "\n\n").
  /// Thread-safe: the fingerprinter is immutable and every call owns its buffers.
  public func fingerprint(_ body: String) -> Fingerprint {
    MatchNormalizer.normalize(body, foldingTraditional: config.foldTraditional)
      .withUnsafeBufferPointer(fingerprint(normalized:))
  }

  /// The fingerprint of text that `MatchNormalizer` has already normalized.
  func fingerprint(normalized scalars: UnsafeBufferPointer<UInt32>) -> Fingerprint {
    let shingles = shingler.distinctHashes(of: scalars)
    return Fingerprint(
      contentHash: contentHash(of: scalars),
      signature: shingles.withUnsafeBufferPointer(minHasher.signature(of:)),
      shingleCount: shingles.count)
  }

  /// Two independently seeded 64-bit hashes of the whole normalized sequence
  /// (its length mixed into the seed): equal sequences give equal hashes, and
  /// distinct ones collide about as rarely as two random 128-bit values.
  func contentHash(of scalars: UnsafeBufferPointer<UInt32>) -> ContentHash {
    let length = UInt64(scalars.count)
    let high = HashMix.mix(contentSeeds.high ^ length)
    let low = HashMix.mix(contentSeeds.low ^ length)
    guard let base = scalars.baseAddress else { return ContentHash(high: high, low: low) }
    return ContentHash(
      high: HashMix.hash(base, count: scalars.count, seed: high),
      low: HashMix.hash(base, count: scalars.count, seed: low))
  }
}
