import Testing

@testable import Winnow

extension DedupTests {
  /// Verification on planted shingle sets whose exact Jaccard is known, with
  /// signatures chosen to mislead: the exact check must overrule the estimate.
  @Suite struct PairVerifierTests {
    /// Two sets of `union` elements sharing `shared`, and their item fingerprints
    /// with signatures that agree on `agreeing` of 128 positions.
    private func pair(shared: Int, union: Int, agreeing: Int) -> ([DedupItem], [ShingleSet]) {
      var generator = SplitMix64(seed: UInt64(shared * 1000 + agreeing))
      let elements = (0..<union).map { _ in generator.next() }
      let half = shared + (union - shared) / 2
      let sets = [
        ShingleSet(distinct: Array(elements[..<half])),
        ShingleSet(distinct: Array(elements[..<shared] + elements[half...])),
      ]
      let first = (0..<128).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
      var second = first
      for i in agreeing..<128 { second[i] = UInt32(truncatingIfNeeded: generator.next()) }
      let items = zip([first, second], sets).enumerated().map { index, entry in
        DedupItem(
          fingerprint: Fingerprint(
            contentHash: ContentHash(high: UInt64(index), low: 0), signature: entry.0,
            shingleCount: entry.1.count),
          bodyLength: entry.1.count)
      }
      return (items, sets)
    }

    private let candidate = [IndexPair(0, 1)]

    @Test func exactJaccardAcceptsAPairTheEstimatePutsJustBelow() {
      let (items, sets) = pair(shared: 820, union: 1000, agreeing: 96)  // J 0.82, estimate 0.75
      let outcome = PairVerifier(config: DedupConfig()).verify(
        candidate, contained: [], items: items, shingles: { sets[$0] })
      #expect(outcome.pairs.map(\.measure) == [.exact])
      #expect(abs((outcome.pairs.first?.similarity ?? 0) - 0.82) < 1e-9)
      #expect(outcome.exactChecked == 1 && outcome.exactRejected == 0)
    }

    @Test func exactJaccardRejectsAPairTheEstimatePutsAbove() {
      let (items, sets) = pair(shared: 760, union: 1000, agreeing: 110)  // J 0.76, estimate 0.86
      let outcome = PairVerifier(config: DedupConfig()).verify(
        candidate, contained: [], items: items, shingles: { sets[$0] })
      #expect(outcome.pairs.isEmpty)
      #expect(outcome.exactRejected == 1)
    }

    @Test func farBelowOnTheSignatureNeverReachesTheExactCheck() {
      let (items, sets) = pair(shared: 820, union: 1000, agreeing: 60)  // estimate 0.47
      let outcome = PairVerifier(config: DedupConfig()).verify(
        candidate, contained: [], items: items, shingles: { sets[$0] })
      #expect(outcome.signatureRejected == 1 && outcome.exactChecked == 0)
      #expect(outcome.pairs.isEmpty, "although the exact Jaccard, 0.82, is over the threshold")
    }

    /// Without text, over the shingle budget, or with the exact check off, the estimate decides.
    @Test func theEstimateDecidesWhenNoExactCheckIsAffordable() {
      let (items, sets) = pair(shared: 760, union: 1000, agreeing: 110)
      var overBudget = DedupConfig()
      overBudget.exactMaxShingles = 800
      var off = DedupConfig()
      off.exactVerification = false
      let text: @Sendable (Int) -> ShingleSet = { sets[$0] }
      let cases: [(DedupConfig, (@Sendable (Int) -> ShingleSet)?)] = [
        (DedupConfig(), nil), (overBudget, text), (off, text),
      ]
      for (config, source) in cases {
        let outcome = PairVerifier(config: config).verify(
          candidate, contained: [], items: items, shingles: source)
        #expect(outcome.pairs.map(\.measure) == [.estimated])
        #expect(outcome.pairs.first?.similarity == 110.0 / 128)
      }
    }

    @Test func containmentAcceptsAShortTextInsideALongOneOnlyWhenSet() {
      var generator = SplitMix64(seed: 40)
      let long = (0..<1000).map { _ in generator.next() }
      let sets = [ShingleSet(distinct: long), ShingleSet(distinct: Array(long[100..<400]))]
      let items = sets.enumerated().map { index, set in
        DedupItem(
          fingerprint: Fingerprint(
            contentHash: ContentHash(high: UInt64(index), low: 0),
            signature: [UInt32](repeating: UInt32(index), count: 128), shingleCount: set.count),
          bodyLength: set.count)
      }
      var config = DedupConfig()
      #expect(
        PairVerifier(config: config).verify(
          [], contained: candidate, items: items, shingles: { sets[$0] }
        ).pairs.isEmpty)
      config.containmentThreshold = 0.9
      let outcome = PairVerifier(config: config).verify(
        [], contained: candidate, items: items, shingles: { sets[$0] })
      #expect(outcome.pairs.map(\.measure) == [.containment])
      #expect(outcome.pairs.first?.similarity == 0.3)
      config.containmentMinShingles = 301
      #expect(
        PairVerifier(config: config).verify(
          [], contained: candidate, items: items, shingles: { sets[$0] }
        ).pairs.isEmpty, "the shorter text is under containment_min_shingles")
    }

    /// Batches cover every pair once, in order, and stay under the limit unless
    /// one pair alone is over it.
    @Test func batchesBoundTheShinglesHeldAtOnce() {
      let items = (0..<6).map { i in
        DedupItem(
          fingerprint: Fingerprint(
            contentHash: ContentHash(high: 0, low: 0), signature: [], shingleCount: 100 * (i + 1)),
          bodyLength: 0)
      }
      let pairs = [
        IndexPair(0, 1), IndexPair(0, 2), IndexPair(1, 2), IndexPair(3, 4), IndexPair(4, 5),
      ]
      let batches = Array(ShingleBatches(pairs: pairs, items: items, limit: 700))
      #expect(batches.flatMap { $0 } == pairs)
      #expect(batches.map(\.count) == [3, 1, 1], "0,1,2 = 600; 3,4 = 900 alone; 4,5 = 1100 alone")
    }
  }
}
