import Testing

@testable import Winnow

/// The Dedup stage's suites, under one name so that `--filter Dedup` selects them all.
enum DedupTests {}

extension DedupTests {
  @Suite struct DeduplicatorTests {
    private let fingerprinter = Fingerprinter(config: FingerprintConfig())
    private let deduplicator = Deduplicator(config: DedupConfig(), signatureLength: 128)

    private func item(_ text: String) -> DedupItem {
      DedupItem(fingerprint: fingerprinter.fingerprint(text), bodyLength: text.unicodeScalars.count)
    }

    /// An item with a given signature; `body` stands for its normalized text.
    private func item(_ signature: [UInt32], body: UInt64, length: Int = 100) -> DedupItem {
      let print = Fingerprint(
        contentHash: ContentHash(high: body, low: 0), signature: signature, shingleCount: 50)
      return DedupItem(fingerprint: print, bodyLength: length)
    }

    private func randomSignature(_ generator: inout SplitMix64) -> [UInt32] {
      (0..<128).map { _ in UInt32(truncatingIfNeeded: generator.next()) }
    }

    /// `signature` with `changed` random positions replaced by fresh values.
    private func variant(of signature: [UInt32], changed: Int, _ generator: inout SplitMix64)
      -> [UInt32]
    {
      var copy = signature
      var positions = Set<Int>()
      while positions.count < changed { positions.insert(Int(generator.next() % 128)) }
      for position in positions { copy[position] = UInt32(truncatingIfNeeded: generator.next()) }
      return copy
    }

    @Test func exactCopiesClusterAndEmptyBodiesNever() {
      let items = [
        item("甲乙丙丁戊己庚辛"), item("  "), item("甲 乙 丙 丁，戊己庚辛。"), item(""), item("其他文字内容完全不同"),
      ]
      let result = deduplicator.run(items)
      #expect(result.clusters.count == 1)
      let cluster = result.clusters.first
      #expect(cluster?.keeper == 2, "the longer body is kept")
      #expect(
        cluster?.members == [DuplicateCluster.Member(index: 0, similarity: 1, measure: .identical)])
      #expect(result.stats.exactPairs == 1)
      #expect(result.stats.duplicates == 1)
    }

    @Test func keeperIsTheLongestBodyThenTheEarliest() {
      var generator = SplitMix64(seed: 5)
      let signature = randomSignature(&generator)
      let tie = deduplicator.run([
        item(signature, body: 1, length: 50), item(signature, body: 2, length: 90),
        item(signature, body: 3, length: 90), item(signature, body: 4, length: 10),
      ])
      #expect(tie.clusters.map(\.keeper) == [1])
      #expect(tie.clusters.first?.members.map(\.index) == [0, 2, 3])
      #expect(tie.clusters.first?.members.allSatisfy { !$0.exact && $0.similarity == 1 } == true)
    }

    /// A pair that shares a whole band but agrees on too little else is a candidate, not a duplicate.
    @Test func verificationRejectsABandCollisionBelowTheThreshold() {
      var generator = SplitMix64(seed: 6)
      let a = randomSignature(&generator)
      var b = randomSignature(&generator)
      b.replaceSubrange(0..<7, with: a[0..<7])  // band 0 of 18 × 7: similarity 7/128
      let result = deduplicator.run([item(a, body: 1), item(b, body: 2)])
      #expect(deduplicator.parameters == LSHParameters(bands: 18, rows: 7))
      #expect(result.stats.candidatePairs == 1)
      #expect(result.stats.verifiedPairs == 0)
      #expect(result.clusters.isEmpty)
    }

    @Test func nearCopyOfARealArticleIsFoundAndOtherArticlesAreNot() throws {
      let paragraphs = try FingerprintFixtures.paragraphs(ofSeed: "003")
      let copy = FingerprintFixtures.nearCopy(of: paragraphs)
      let texts = [
        try FingerprintFixtures.seed("000"), paragraphs.joined(separator: "\n\n"),
        try FingerprintFixtures.seed("004"), copy.joined(separator: "\n\n"),
        try FingerprintFixtures.seed("001"),
      ]
      let result = deduplicator.run(texts.map(item))
      #expect(result.clusters.count == 1)
      #expect(result.clusters.first?.keeper == 1)
      #expect(result.clusters.first?.members.map(\.index) == [3])
      #expect((result.clusters.first?.members.first?.similarity ?? 0) >= 0.85)
      #expect(result.clusters.first?.members.first?.exact == false)
    }

    /// Three signatures in a chain: A and C each differ from B in 16 of 128 positions
    /// (estimate 0.875), A and C from each other in 32 (0.75, under the threshold).
    private func chain() -> (a: [UInt32], b: [UInt32], c: [UInt32]) {
      var generator = SplitMix64(seed: 8)
      let b = randomSignature(&generator)
      var a = b
      var c = b
      for i in 0..<16 { a[i] = UInt32(truncatingIfNeeded: generator.next()) }
      for i in 16..<32 { c[i] = UInt32(truncatingIfNeeded: generator.next()) }
      return (a, b, c)
    }

    /// A ~ B and B ~ C with B kept: A and C both go to B, each measured against it,
    /// though A and C alone fall below the threshold.
    @Test func theKeeperTakesEveryArticleVerifiedAgainstIt() {
      let (a, b, c) = chain()
      let result = deduplicator.run([
        item(a, body: 1, length: 10), item(b, body: 2, length: 30), item(c, body: 3, length: 20),
      ])
      #expect(result.clusters.count == 1)
      #expect(result.clusters.first?.keeper == 1)
      #expect(result.clusters.first?.members.map(\.similarity) == [112.0 / 128, 112.0 / 128])
      #expect(MinHasher.estimatedJaccard(a, c) < 0.8)
    }

    /// A ~ B and B ~ C with A kept: B goes to A, and C, which is no copy of anything
    /// kept, stays (connected components would have removed it through B).
    @Test func aChainDoesNotCarryAwayAnArticleUnlikeItsKeeper() {
      let (a, b, c) = chain()
      let result = deduplicator.run([
        item(a, body: 1, length: 30), item(b, body: 2, length: 20), item(c, body: 3, length: 10),
      ])
      #expect(result.clusters.map(\.keeper) == [0])
      #expect(result.clusters.first?.members.map(\.index) == [1])
      #expect(result.clusters.first?.members.allSatisfy { $0.similarity >= 0.8 } == true)
      #expect(result.stats.verifiedPairs == 2, "both pairs are verified; only one is acted on")
    }

    /// The same chain with `clustering: components`: C goes to A too, measured on the signatures.
    @Test func componentsClusteringFollowsTheChain() {
      let (a, b, c) = chain()
      var config = DedupConfig()
      config.clustering = .components
      let result = Deduplicator(config: config, signatureLength: 128).run([
        item(a, body: 1, length: 30), item(b, body: 2, length: 20), item(c, body: 3, length: 10),
      ])
      #expect(result.clusters.first?.members.map(\.index) == [1, 2])
      let chained = result.clusters.first?.members.last
      #expect(chained?.measure == .estimated)
      #expect(chained?.similarity == MinHasher.estimatedJaccard(a, c))
    }

    /// Families of near copies (similarity ≥ 0.95, where 9 × 13 bands miss a
    /// pair with probability < 0.002) among unrelated items: LSH with
    /// verification finds the same clusters as comparing every pair.
    @Test func matchesBruteForceOnPlantedFamilies() {
      var generator = SplitMix64(seed: 9)
      var items: [DedupItem] = []
      for family in 0..<150 {
        let base = randomSignature(&generator)
        items.append(item(base, body: UInt64(items.count), length: 100 + family))
        for _ in 0..<(family % 4) {
          let copy = variant(of: base, changed: Int(generator.next() % 7), &generator)
          items.append(item(copy, body: UInt64(items.count), length: Int(generator.next() % 300)))
        }
      }
      let result = deduplicator.run(items)
      var sets = UnionFind(count: items.count)
      for i in items.indices {
        for j in items.indices where j > i {
          let similarity = MinHasher.estimatedJaccard(
            items[i].fingerprint.signature, items[j].fingerprint.signature)
          if similarity >= 0.8 { sets.union(i, j) }
        }
      }
      let clustered = items.indices.filter { sets.size(of: $0) > 1 }.count
      let roots = items.indices.map { sets.find($0) }
      #expect(result.clusters.reduce(0) { $0 + $1.members.count + 1 } == clustered)
      #expect(
        result.clusters.allSatisfy { cluster in
          cluster.members.allSatisfy { roots[$0.index] == roots[cluster.keeper] }
        })
      #expect(result.stats.verifiedPairs <= result.stats.candidatePairs)
    }

    @Test func outputDoesNotDependOnInputOrder() {
      var generator = SplitMix64(seed: 10)
      var items: [DedupItem] = []
      for family in 0..<40 {
        let base = randomSignature(&generator)
        for copy in 0..<(family % 3 + 1) {
          let signature = variant(of: base, changed: copy * 4, &generator)
          items.append(item(signature, body: UInt64(items.count), length: items.count * 7 % 101))
        }
      }
      let result = deduplicator.run(items)
      #expect(result == deduplicator.run(items))
      let order = Array(items.indices.reversed())
      let reversed = deduplicator.run(order.map { items[$0] })
      let mapped = reversed.clusters.map { cluster in
        DuplicateCluster(
          keeper: order[cluster.keeper],
          members: cluster.members.map {
            .init(index: order[$0.index], similarity: $0.similarity, measure: $0.measure)
          }
          .sorted { $0.index < $1.index })
      }.sorted { $0.keeper < $1.keeper }
      #expect(mapped == result.clusters)
      #expect(reversed.stats == result.stats)
    }

    @Test func configuredBandsAreUsedAndFitTheSignature() {
      var config = DedupConfig()
      config.bands = 20
      config.rows = 8
      #expect(
        Deduplicator(config: config, signatureLength: 128).parameters
          == LSHParameters(bands: 16, rows: 8))
      config.bands = 4
      #expect(
        Deduplicator(config: config, signatureLength: 128).parameters
          == LSHParameters(bands: 4, rows: 8))
    }
  }
}
