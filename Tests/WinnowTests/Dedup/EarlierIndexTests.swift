import Testing

@testable import Winnow

extension DedupTests {
  @Suite struct EarlierIndexTests {
    @Test func keyTableFindsEachRunOfEqualKeys() {
      var generator = SplitMix64(seed: 60)
      let keys = (0..<5000).map { _ in generator.next() % 3000 }.sorted()
      let table = KeyTable(sortedKeys: keys)
      for probe in [keys[0], keys[2500], keys[4999], 3001, 123_456] as [UInt64] {
        let expected = keys.indices.filter { keys[$0] == probe }
        let found = table.range(of: probe)
        #expect(Array(found) == expected, "key \(probe)")
      }
    }

    /// New articles collide with the earlier ones they share a content hash or a band key
    /// with, each pair once, identical ones only as identical.
    @Test func collisionsAreIdenticalOrBandedAndDistinct() {
      let fingerprinter = Fingerprinter(config: FingerprintConfig())
      let deduplicator = Deduplicator(config: DedupConfig(), signatureLength: 128)
      let texts = HistoryRunTests.bodies
      var index = EarlierIndex(bands: deduplicator.parameters.bands)
      for (row, text) in texts.prefix(3).enumerated() {
        let print = fingerprinter.fingerprint(text)
        let keys = deduplicator.bandKeys(of: print.signature)
        index.append(row: Int64(row + 10), contentHash: print.contentHash) { keys[$0] }
      }
      let edited = texts[1].replacingOccurrences(of: "八度", with: "七度")
      let items = [texts[0], edited, texts[4]].map {
        DedupItem(fingerprint: fingerprinter.fingerprint($0), bodyLength: $0.unicodeScalars.count)
      }
      let collisions = deduplicator.collide(items, with: index)
      #expect(collisions.candidates.identical.map { [$0.item, $0.earlier] } == [[0, 0]])
      #expect(collisions.candidates.banded.map { [$0.item, $0.earlier] } == [[1, 1]])
      #expect(collisions.rows == [10, 11])
    }
  }
}
