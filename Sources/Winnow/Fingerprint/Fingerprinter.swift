/// Computes an article's `Fingerprint`: the content hash of its normalized
/// body and the signature (MinHash or one permutation hashing, per
/// `FingerprintConfig.scheme`) of its character shingles.
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
///   signature length L with `minhash`, where the n · L multiply-adds dominate;
///   O(n · k + L) with `oph`.
public struct Fingerprinter: Sendable {
  public let config: FingerprintConfig
  private let shingler: Shingler
  private let signer: Signer
  private let contentSeeds: (high: UInt64, low: UInt64)

  public init(config: FingerprintConfig) {
    self.config = config
    shingler = Shingler(
      size: config.shingleSize, seed: HashMix.derive(config.seed, purpose: 1))
    signer = Signer(config: config)
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

  /// The distinct shingle hashes of `body`, the set its signature summarizes: what
  /// exact verification compares when two signatures make a candidate pair.
  public func shingleSet(_ body: String) -> ShingleSet {
    let scalars = MatchNormalizer.normalize(body, foldingTraditional: config.foldTraditional)
    return ShingleSet(distinct: scalars.withUnsafeBufferPointer(shingler.distinctHashes(of:)))
  }

  /// The fingerprint of text that `MatchNormalizer` has already normalized.
  /// A minimum ignores repeats, so one permutation hashing takes every shingle hash
  /// as it comes: dropping repeats first cost a quarter of the fingerprint stage
  /// (`perf`, Benchmarks/dedup-speed.sh). MinHash's 128 multiply-adds per element
  /// still make dropping them first the cheaper way.
  func fingerprint(normalized scalars: UnsafeBufferPointer<UInt32>) -> Fingerprint {
    var shingles = shingler.hashes(of: scalars)
    let count = shingles.count
    if config.scheme == .minhash { Shingler.keepDistinct(&shingles) }
    return Fingerprint(
      contentHash: contentHash(of: scalars),
      signature: shingles.withUnsafeBufferPointer(signer.signature(of:)),
      shingleCount: count)
  }

  /// Two independently seeded 64-bit hashes of the whole normalized sequence
  /// (its length mixed into the seed): equal sequences give equal hashes, and
  /// distinct ones collide about as rarely as two random 128-bit values.
  func contentHash(of scalars: UnsafeBufferPointer<UInt32>) -> ContentHash {
    let length = UInt64(scalars.count)
    let high = HashMix.mix(contentSeeds.high ^ length)
    let low = HashMix.mix(contentSeeds.low ^ length)
    guard let base = scalars.baseAddress else { return ContentHash(high: high, low: low) }
    let (hashHigh, hashLow) = HashMix.hash(base, count: scalars.count, seeds: (high, low))
    return ContentHash(high: hashHigh, low: hashLow)
  }
}

/// The signature scheme a `Fingerprinter` was configured with.
private enum Signer: Sendable {
  case minHash(MinHasher)
  case onePermutation(OnePermutationHasher)

  /// Both schemes draw from the same derived seed: a seed names one signature
  /// per scheme, and the scheme is part of the configuration digest.
  init(config: FingerprintConfig) {
    let seed = HashMix.derive(config.seed, purpose: 2)
    switch config.scheme {
    case .minhash: self = .minHash(MinHasher(length: config.signatureLength, seed: seed))
    case .oph:
      self = .onePermutation(OnePermutationHasher(length: config.signatureLength, seed: seed))
    }
  }

  func signature(of hashes: UnsafeBufferPointer<UInt64>) -> [UInt32] {
    switch self {
    case .minHash(let hasher): hasher.signature(of: hashes)
    case .onePermutation(let hasher): hasher.signature(of: hashes)
    }
  }
}
