import Testing

@testable import Winnow

extension DedupTests {
  @Suite struct BandIndexTests {
    private func randomSignature(_ generator: inout SplitMix64, length: Int = 32) -> [UInt32] {
      (0..<length).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
    }

    @Test func itemsSharingOneBandAreCandidatesOnce() {
      var generator = SplitMix64(seed: 1)
      let a = randomSignature(&generator)
      var b = randomSignature(&generator)
      b.replaceSubrange(8..<16, with: a[8..<16])  // band 1 of 4 × 8
      let index = BandIndex(parameters: LSHParameters(bands: 4, rows: 8), window: 100)
      let c = randomSignature(&generator)
      #expect(index.candidatePairs(of: [a, b, c], among: [0, 1, 2]).map(\.first) == [0])
      #expect(
        index.candidatePairs(of: [a, a, c], among: [0, 1, 2]).count == 1, "4 shared bands, 1 pair")
      #expect(index.candidatePairs(of: [a, b, c], among: [0, 2]).isEmpty)
    }

    @Test func bandsAreKeyedSeparately() {
      var generator = SplitMix64(seed: 2)
      let a = randomSignature(&generator)
      var b = randomSignature(&generator)
      b.replaceSubrange(8..<16, with: a[0..<8])  // a's band 0 values in b's band 1
      let index = BandIndex(parameters: LSHParameters(bands: 4, rows: 8), window: 100)
      #expect(index.candidatePairs(of: [a, b], among: [0, 1]).isEmpty)
      #expect(index.key(of: a, band: 0) != index.key(of: b, band: 1))
    }

    @Test func windowBoundsThePairsOfABigBucket() {
      var generator = SplitMix64(seed: 3)
      let shared = randomSignature(&generator)
      let signatures = [[UInt32]](repeating: shared, count: 10)
      let all = BandIndex(parameters: LSHParameters(bands: 2, rows: 16), window: 9)
      #expect(all.candidatePairs(of: signatures, among: Array(0..<10)).count == 45)
      let windowed = BandIndex(parameters: LSHParameters(bands: 2, rows: 16), window: 3)
      let pairs = windowed.candidatePairs(of: signatures, among: Array(0..<10))
      #expect(pairs.count == 3 * 7 + 2 + 1)
      #expect(pairs.allSatisfy { $0.second - $0.first <= 3 })
    }

    @Test func pairsAreSortedAndMergedWithoutRepeats() {
      let a = [IndexPair(0, 1), IndexPair(0, 5), IndexPair(2, 3)]
      let b = [IndexPair(1, 0), IndexPair(2, 3), IndexPair(4, 9)]
      #expect(
        IndexPair.mergeDistinct(a, b) == [
          IndexPair(0, 1), IndexPair(0, 5), IndexPair(2, 3), IndexPair(4, 9),
        ])
      #expect(IndexPair.mergeDistinct([], b) == b)
      #expect(IndexPair(7, 3).first == 3 && IndexPair(7, 3).second == 7)
    }
  }
}

extension DedupTests.BandIndexTests {
  /// Shards of the bands (b mod N) find disjoint pairs that together are all the bands'.
  @Test(arguments: [2, 3, 7])
  func bandShardsFindDisjointPairsThatAddUp(shards: Int) {
    var generator = SplitMix64(seed: 9)
    var signatures: [[UInt32]] = []
    for _ in 0..<60 {
      var signature = (0..<32).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
      if let base = signatures.last, generator.next() % 2 == 0 {
        for i in 0..<32 where generator.next() % 5 != 0 { signature[i] = base[i] }
      }
      signatures.append(signature)
    }
    let items = signatures.map {
      DedupItem(
        fingerprint: Fingerprint(
          contentHash: ContentHash(high: 0, low: 0), signature: $0, shingleCount: 1),
        bodyLength: 0)
    }
    let parameters = LSHParameters(bands: 8, rows: 4)
    let keys = ItemSignatures(items, parameters: parameters)
    let index = BandIndex(parameters: parameters, window: 100)
    let all = index.candidatePairs(keys, among: Array(0..<60), bands: 0..<8)
    #expect(all.count > 20)
    let parts = (0..<shards).map {
      index.candidatePairs(keys, among: Array(0..<60), bands: stride(from: $0, to: 8, by: shards))
    }
    #expect(parts.reduce(0) { $0 + $1.count } == all.count, "disjoint")
    #expect(parts.flatMap { $0 }.sorted() == all)
  }
}

extension DedupTests.BandIndexTests {
  /// The bucketed counting sort orders as a comparison sort does, repeated keys and keys
  /// sharing their top bits included, at sizes that take different numbers of buckets.
  @Test(arguments: [0, 1, 2, 37, 5000, 200_000])
  func entriesSortByKeyThenItem(count: Int) {
    var generator = SplitMix64(seed: UInt64(count))
    var entries: [BandIndex.Entry] = []
    for item in 0..<count {
      let roll = generator.next()
      let key: UInt64 =
        switch roll % 4 {
        case 0 where !entries.isEmpty: entries[Int(roll / 4) % entries.count].key
        case 1: (roll >> 40) | 0xABCD_0000_0000_0000
        default: generator.next()
        }
      entries.append(BandIndex.Entry(key: key, item: UInt32(item)))
    }
    #expect(BandIndex.sortedByKey(entries) == entries.sorted())
  }
}
