import Testing

@testable import Winnow

extension FingerprintTests {
  @Suite struct OnePermutationHasherTests {
    private let hasher = OnePermutationHasher(length: 128, seed: 7)
    private let fingerprinter: Fingerprinter = {
      var config = FingerprintConfig()
      config.scheme = .oph
      return Fingerprinter(config: config)
    }()

    private func signature(_ hashes: [UInt64], _ hasher: OnePermutationHasher? = nil) -> [UInt32] {
      hashes.withUnsafeBufferPointer((hasher ?? self.hasher).signature(of:))
    }

    @Test func isDeterministicAndSeeded() {
      let hashes: [UInt64] = (1...300).map { $0 &* 0x9E37_79B9_7F4A_7C15 }
      let again = OnePermutationHasher(length: 128, seed: 7)
      #expect(signature(hashes) == signature(hashes, again))
      #expect(signature(hashes) == signature(hashes.reversed() + hashes.prefix(40)))
      #expect(signature(hashes) != signature(hashes, OnePermutationHasher(length: 128, seed: 8)))
      #expect(signature(hashes, OnePermutationHasher(length: 100, seed: 7)).count == 100)
    }

    @Test func identicalTextsHaveIdenticalSignatures() throws {
      let body = try FingerprintFixtures.paragraphs(ofSeed: "003").joined(separator: "\n\n")
      let first = fingerprinter.fingerprint(body)
      #expect(first == fingerprinter.fingerprint(body))
      #expect(first.signature.count == 128)
      var minHash = FingerprintConfig()
      minHash.scheme = .minhash
      #expect(first.signature != Fingerprinter(config: minHash).fingerprint(body).signature)
    }

    @Test func emptyTextHasTheEmptySignatureAndIsNeverADuplicate() {
      let empty = fingerprinter.fingerprint("  ，。\n\n ")
      #expect(empty.shingleCount == 0)
      #expect(empty.signature == [UInt32](repeating: OnePermutationHasher.emptyValue, count: 128))
      #expect(signature([]) == empty.signature)
      #expect(MinHasher.estimatedJaccard(empty.signature, empty.signature) == 0)
      let item = DedupItem(fingerprint: empty, bodyLength: 0)
      let result = Deduplicator(config: DedupConfig(), signatureLength: 128).run([item, item, item])
      #expect(result.clusters.isEmpty)
    }

    /// A set of one shingle fills every bin with its one value; larger sparse
    /// sets (fewer shingles than bins) leave no bin empty either.
    @Test func densificationLeavesNoEmptyBin() {
      var generator = SplitMix64(seed: 3)
      let single = signature([generator.next()])
      #expect(Set(single).count == 1)
      for size in [1, 2, 3, 5, 10, 50, 127, 128, 200, 1000] {
        let set = (0..<size).map { _ in generator.next() }
        let values = signature(set)
        #expect(values.count == 128)
        #expect(!values.contains(OnePermutationHasher.emptyValue), "size \(size)")
        #expect(Set(values).count <= size)
      }
      for text in ["短文", "吉反对派占领", "哈萨克斯坦总统托卡耶夫宣布全国进入紧急状态"] {
        let print = fingerprinter.fingerprint(text)
        #expect(print.shingleCount >= 1)
        #expect(!print.signature.contains(OnePermutationHasher.emptyValue), "\(text)")
      }
    }

    /// Optimal densification keeps the estimator unbiased (Shrivastava 2017,
    /// Theorem 3.1); with every bin full its variance is at most MinHash's
    /// J(1 − J)/k (Li, Owen & Zhang 2012), and densifying sparse sets adds
    /// less than half again (Shrivastava 2017, Theorem 3.2) at these sizes.
    @Test(arguments: [(0.5, 200), (0.8, 200), (0.9, 200), (0.5, 60), (0.8, 60), (0.9, 60)])
    func estimateErrorStaysWithinTheory(jaccard: Double, union: Int) {
      var generator = SplitMix64(seed: UInt64(jaccard * 1000) &+ UInt64(union))
      let sigma = (jaccard * (1 - jaccard) / 128).squareRoot()
      let bound = union >= 128 ? sigma : 1.5 * sigma
      let trials = 200
      var errors: [Double] = []
      for _ in 0..<trials {
        let (a, b) = FingerprintFixtures.setPair(
          jaccard: jaccard, union: union, generator: &generator)
        let estimate = MinHasher.estimatedJaccard(signature(a), signature(b))
        errors.append(estimate - Double((jaccard * Double(union)).rounded()) / Double(union))
      }
      let bias = errors.reduce(0, +) / Double(trials)
      let meanAbsoluteError = errors.map(abs).reduce(0, +) / Double(trials)
      #expect(abs(bias) <= 3 * bound / Double(trials).squareRoot())
      #expect(meanAbsoluteError <= bound)
      #expect(errors.allSatisfy { abs($0) <= 4 * bound + 2.0 / 128 })
    }

    @Test func schemeIsReadFromTheConfigurationAndChecked() throws {
      #expect(FingerprintConfig().scheme == .oph)
      let config = try ConfigLoader.load(yaml: "fingerprint:\n  scheme: minhash\n")
      #expect(config.fingerprint.scheme == .minhash)
      #expect {
        try ConfigLoader.load(yaml: "fingerprint:\n  scheme: simhash\n")
      } throws: { error in
        guard case ConfigError.invalidValue(let key, _) = error else { return false }
        return key == "fingerprint.scheme"
      }
    }
  }
}
