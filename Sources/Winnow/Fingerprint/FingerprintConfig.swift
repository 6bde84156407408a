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

  public init() {}

  enum CodingKeys: String, CodingKey {
    case shingleSize = "shingle_size"
    case signatureLength = "signature_length"
    case seed
    case foldTraditional = "fold_traditional"
  }

  func validate() throws(ConfigError) {
    try Check.range(shingleSize, 1...32, key: "fingerprint.shingle_size")
    try Check.range(signatureLength, 16...1024, key: "fingerprint.signature_length")
  }
}
