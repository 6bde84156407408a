@testable import Winnow

/// Shorthands for tests whose items carry their signatures in memory: the library
/// takes the signatures apart (`ItemSignatures`), as a run keeps them on disk.
extension BandIndex {
  func candidatePairs(of signatures: [[UInt32]], among members: [Int]) -> [IndexPair] {
    let items = signatures.map {
      DedupItem(
        fingerprint: Fingerprint(
          contentHash: ContentHash(high: 0, low: 0), signature: $0, shingleCount: 1),
        bodyLength: 0)
    }
    return candidatePairs(
      ItemSignatures(items, parameters: parameters), among: members, bands: 0..<parameters.bands)
  }
}

extension PairVerifier {
  func verify(
    _ candidates: [IndexPair], contained: [IndexPair], items: [DedupItem],
    shingles: (@Sendable (Int) -> ShingleSet)?
  ) -> Outcome {
    verify(
      candidates, contained: contained, items: items,
      signatures: ItemSignatures(items, parameters: LSHParameters(bands: 1, rows: 1)),
      shingles: shingles)
  }
}

extension Deduplicator {
  func collide(_ items: [DedupItem], with index: EarlierIndex) -> EarlierCollisions {
    collide(items, ItemSignatures(items, parameters: parameters), with: index)
  }
}
