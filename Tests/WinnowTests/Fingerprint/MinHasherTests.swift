import Foundation
import Testing

@testable import Winnow

extension FingerprintTests {
  @Suite struct MinHasherTests {
    private let hasher = MinHasher(length: 128, seed: 7)

    private func signature(_ hashes: [UInt64]) -> [UInt32] {
      hashes.withUnsafeBufferPointer(hasher.signature(of:))
    }

    /// Broder's estimator is unbiased with standard deviation sqrt(J(1 − J)/k).
    @Test(arguments: [0.5, 0.8, 0.9])
    func estimateErrorStaysWithinTheory(jaccard: Double) {
      var generator = SplitMix64(seed: UInt64(jaccard * 1000))
      let sigma = (jaccard * (1 - jaccard) / 128).squareRoot()
      let trials = 100
      var errors: [Double] = []
      for _ in 0..<trials {
        let (a, b) = FingerprintFixtures.setPair(
          jaccard: jaccard, union: 200, generator: &generator)
        errors.append(MinHasher.estimatedJaccard(signature(a), signature(b)) - jaccard)
      }
      let bias = errors.reduce(0, +) / Double(trials)
      let meanAbsoluteError = errors.map(abs).reduce(0, +) / Double(trials)
      #expect(abs(bias) <= 3 * sigma / Double(trials).squareRoot())
      #expect(meanAbsoluteError <= sigma)
      #expect(errors.allSatisfy { abs($0) <= 3 * sigma + 2.0 / 128 })
    }

    @Test func signatureIsOfTheSetNotTheSequence() {
      let hashes: [UInt64] = (1...50).map { $0 &* 0x9E37_79B9_7F4A_7C15 }
      let shuffledWithRepeats = hashes.reversed() + hashes.prefix(20)
      #expect(signature(hashes) == signature(Array(shuffledWithRepeats)))
      #expect(signature(hashes).count == 128)
    }

    /// Value i is min over x of the top 32 bits of (a_i · x + b_i) mod 2^64,
    /// with a_i (odd) and b_i drawn in turn from splitmix64.
    @Test func followsTheDefinition() {
      let hashes: [UInt64] = (0..<21).map { UInt64($0) &* 0xD1B5_4A32_D192_ED03 &+ 3 }
      var generator = SplitMix64(seed: 7)
      var expected: [UInt32] = []
      for _ in 0..<128 {
        let a = generator.next() | 1
        let b = generator.next()
        expected.append(hashes.map { UInt32((a &* $0 &+ b) >> 32) }.min() ?? .max)
      }
      #expect(signature(hashes) == expected)
      let otherSeed = MinHasher(length: 128, seed: 8)
      #expect(signature(hashes) != hashes.withUnsafeBufferPointer(otherSeed.signature(of:)))
    }

    @Test func emptySetsAreAllMaxAndNeverSimilar() {
      let empty = signature([])
      #expect(empty.allSatisfy { $0 == MinHasher.emptyValue })
      #expect(MinHasher.estimatedJaccard(empty, empty) == 0)
      #expect(MinHasher.estimatedJaccard(empty, signature([1, 2, 3])) == 0)
      #expect(MinHasher.estimatedJaccard(signature([1, 2, 3]), signature([3, 2, 1])) == 1)
    }
  }
}
