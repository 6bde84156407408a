/// A 128-bit hash of an article's normalized body: equal bodies after
/// normalization have equal hashes (exact duplicates).
public struct ContentHash: Sendable, Hashable, Codable, CustomStringConvertible {
  public var high: UInt64
  public var low: UInt64

  public init(high: UInt64, low: UInt64) {
    self.high = high
    self.low = low
  }

  public var description: String {
    let h = String(high, radix: 16)
    let l = String(low, radix: 16)
    return String(repeating: "0", count: 16 - h.count) + h
      + String(repeating: "0", count: 16 - l.count) + l
  }
}

/// What near-duplicate detection needs of one article.
public struct Fingerprint: Sendable, Hashable {
  public var contentHash: ContentHash
  /// Signature of the shingle set, `signatureLength` values: one minimum per
  /// permutation (`minhash`) or per densified bin (`oph`).
  public var signature: [UInt32]
  /// Number of shingles (positions, repeats included: an upper bound of the distinct
  /// count, equal for text that does not repeat itself); 0 for an empty body. Dedup
  /// uses it for budgets and limits only; exact checks count the distinct sets.
  public var shingleCount: Int

  public init(contentHash: ContentHash, signature: [UInt32], shingleCount: Int) {
    self.contentHash = contentHash
    self.signature = signature
    self.shingleCount = shingleCount
  }
}
