import Testing

@testable import Winnow

extension DedupTests {
  @Suite struct ContainmentIndexTests {
    private var config: DedupConfig {
      var config = DedupConfig()
      config.containmentThreshold = 0.9
      return config
    }

    /// A set's samples are its members that pass the modulus test, so a subset's
    /// samples are a subset of its superset's (what makes the index find excerpts).
    @Test func samplesOfASubsetAreASubset() {
      var generator = SplitMix64(seed: 50)
      let long = (0..<4000).map { _ in generator.next() }
      let index = ContainmentIndex(config: config)
      let whole = index.samples(of: ShingleSet(distinct: long))
      let part = index.samples(of: ShingleSet(distinct: Array(long[1000..<1600])))
      #expect(Set(part).isSubset(of: Set(whole)))
      let expected = 4000.0 / 8
      let deviation = abs(Double(whole.count) - expected)
      #expect(deviation < 4 * expected.squareRoot(), "about one in 8 is sampled")
    }

    @Test func excerptsAreCandidatesAndUnrelatedTextsAreNot() {
      var generator = SplitMix64(seed: 51)
      let long = (0..<3000).map { _ in generator.next() }
      let sets = [
        ShingleSet(distinct: long),
        ShingleSet(distinct: (0..<800).map { _ in generator.next() }),  // unrelated
        ShingleSet(distinct: Array(long[500..<1100])),  // an excerpt of 0
      ]
      let index = ContainmentIndex(config: config)
      let samples = Dictionary(
        uniqueKeysWithValues: (0..<3).map { ($0, index.samples(of: sets[$0])) })
      #expect(index.candidatePairs(samples) == [IndexPair(0, 2)])
    }

    /// End to end: the deduplicator removes a short repost inside a long
    /// article only when `containment_threshold` is set, and keeps the long one.
    @Test func deduplicatorFindsAShortRepostWithContainmentOn() throws {
      let paragraphs = try FingerprintFixtures.paragraphs(ofSeed: "003")
      let texts = [
        paragraphs.joined(separator: "\n\n"), paragraphs[2...4].joined(separator: "\n\n"),
      ]
      let fingerprinter = Fingerprinter(config: FingerprintConfig())
      let items = texts.map {
        DedupItem(fingerprint: fingerprinter.fingerprint($0), bodyLength: $0.unicodeScalars.count)
      }
      let sets = texts.map(fingerprinter.shingleSet)
      #expect(sets[1].jaccard(sets[0]) < 0.5 && sets[1].containment(sets[0]) == 1)
      let off = Deduplicator(config: DedupConfig(), signatureLength: 128)
      #expect(off.run(items, shingles: { sets[$0] }).clusters.isEmpty)
      let on = Deduplicator(config: config, signatureLength: 128).run(items) { sets[$0] }
      #expect(on.clusters.map(\.keeper) == [0])
      #expect(on.clusters.first?.members.map(\.measure) == [.containment])
      #expect(on.stats.containmentPairs == 1 && on.stats.containmentCandidates == 1)
      let twoThreads = Deduplicator(config: config, signatureLength: 128).run(items, jobs: 2) {
        sets[$0]
      }
      #expect(twoThreads == on, "the same result on two threads")
    }
  }
}
