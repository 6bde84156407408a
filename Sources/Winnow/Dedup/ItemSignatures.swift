/// The items' LSH band keys, held in one flat array, and their signatures, fetched
/// when a pair needs them. Matching needs every key, but a signature only for the
/// few items in candidate pairs: a run over millions of articles keeps 8 bytes per
/// band in memory instead of a 128-value signature, and reads the rest back from
/// its work files (`RunArticles`).
public struct ItemSignatures: Sendable {
  public let bands: Int
  private let keys: [UInt64]
  private let fetch: @Sendable (Int) -> [UInt32]

  /// `keys` holds item i's key of band b at i × bands + b; `fetch(i)` gives item i's signature.
  public init(bands: Int, keys: [UInt64], fetch: @escaping @Sendable (Int) -> [UInt32]) {
    self.bands = bands
    self.keys = keys
    self.fetch = fetch
  }

  /// The signatures the items carry, and their keys cut by `parameters`.
  public init(_ items: [DedupItem], parameters: LSHParameters) {
    let index = BandIndex(parameters: parameters, window: 0)
    var keys: [UInt64] = []
    keys.reserveCapacity(items.count * parameters.bands)
    for item in items { keys += index.keys(of: item.fingerprint.signature) }
    self.init(bands: parameters.bands, keys: keys) { items[$0].fingerprint.signature }
  }

  @inline(__always)
  func key(_ item: Int, band: Int) -> UInt64 { keys[item * bands + band] }

  func signature(_ item: Int) -> [UInt32] { fetch(item) }

  /// The signature estimate of the Jaccard similarity of items `a` and `b`.
  func estimate(_ a: Int, _ b: Int) -> Double {
    MinHasher.estimatedJaccard(signature(a), signature(b))
  }
}
