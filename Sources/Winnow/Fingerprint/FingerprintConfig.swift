/// How bodies become shingles and MinHash signatures.
public struct FingerprintConfig: Sendable, Equatable, Codable {
  /// Characters per shingle (character n-grams of the normalized text).
  public var shingleSize = 5
  /// MinHash values per signature (permutations).
  public var signatureLength = 128
  /// Seed of the shingle hash and the permutations: changing it changes every signature.
  public var seed: UInt64 = 0x5749_4E4E_4F57
  /// Fold Traditional Chinese characters to Simplified before shingling and
  /// hashing (`ScriptFolding`), so a Traditional copy matches its original.
  public var foldTraditional = true
  /// How signatures are made: `minhash` (k permutations) or `oph` (one
  /// permutation hashing with optimal densification). Both give `signatureLength`
  /// values compared position by position; signatures of different schemes
  /// (or seeds) are not comparable.
  public var scheme = SignatureScheme.oph

  public init() {}

  enum CodingKeys: String, CodingKey {
    case shingleSize = "shingle_size"
    case signatureLength = "signature_length"
    case seed
    case foldTraditional = "fold_traditional"
    case scheme
  }

  /// The settings that make signatures comparable, as the history records them:
  /// signatures made under another key cannot be matched with this run's.
  public var historyKey: String {
    "\(scheme.rawValue) length=\(signatureLength) shingle=\(shingleSize) seed=\(seed) "
      + "fold=\(foldTraditional)"
  }

  func validate() throws(ConfigError) {
    try Check.range(shingleSize, 1...32, key: "fingerprint.shingle_size")
    try Check.range(signatureLength, 16...1024, key: "fingerprint.signature_length")
    // `scheme` needs no check here: decoding already rejects a name that is
    // not a `SignatureScheme` as an invalid value of `fingerprint.scheme`.
  }
}

/// The signature scheme of `FingerprintConfig.scheme`. Both estimate Jaccard
/// similarity of the shingle sets without bias as the fraction of equal positions.
public enum SignatureScheme: String, Sendable, Equatable, Codable, CaseIterable {
  /// Broder's MinHash: k multiply-add permutations, the minimum of each
  /// (`MinHasher`); O(s · k) for s shingles.
  case minhash
  /// One permutation hashing with optimal densification (Li, Owen & Zhang
  /// 2012; Shrivastava 2017; `OnePermutationHasher`); O(s + k).
  case oph
}
