import Testing

@testable import Winnow

extension FingerprintTests {
  @Suite struct FingerprinterTests {
    private let fingerprinter = Fingerprinter(config: FingerprintConfig())

    @Test func identicalTextsHaveIdenticalFingerprints() throws {
      let body = try FingerprintFixtures.paragraphs(ofSeed: "003").joined(separator: "\n\n")
      let first = fingerprinter.fingerprint(body)
      #expect(first == fingerprinter.fingerprint(body))
      #expect(first.signature.count == 128)
      #expect(first.shingleCount > 1000)
    }

    @Test func contentHashFollowsTheNormalizedText() {
      let a = fingerprinter.fingerprint("吉 反对派 占领，总统府！ABC")
      let b = fingerprinter.fingerprint("吉反对派占领总统府abc")
      #expect(a == b)
      #expect(a.contentHash != fingerprinter.fingerprint("吉反对派占领总统府abd").contentHash)
    }

    /// Every prefix of a seed is a distinct normalized text with a distinct hash.
    @Test func contentHashesOfDistinctTextsDiffer() throws {
      let scalars = MatchNormalizer.normalize(try FingerprintFixtures.seed("001"))
      var seen = Set<ContentHash>()
      for end in 0...scalars.count {
        let hash = scalars[..<end].withUnsafeBufferPointer(fingerprinter.contentHash(of:))
        #expect(seen.insert(hash).inserted)
      }
    }

    @Test func emptyBodyHasNoShinglesAndAnEmptySignature() {
      let empty = fingerprinter.fingerprint("  ，。\n\n ")
      #expect(empty.shingleCount == 0)
      #expect(empty.signature == [UInt32](repeating: .max, count: 128))
      #expect(fingerprinter.fingerprint("短文").shingleCount == 1)
    }

    @Test func configurationShapesTheSignature() {
      var config = FingerprintConfig()
      config.signatureLength = 64
      config.seed = 99
      let text = "哈萨克斯坦总统托卡耶夫宣布全国进入紧急状态"
      let other = Fingerprinter(config: config).fingerprint(text)
      #expect(other.signature.count == 64)
      #expect(Array(other.signature) != Array(fingerprinter.fingerprint(text).signature.prefix(64)))
      #expect(other.contentHash != fingerprinter.fingerprint(text).contentHash)
    }

    @Test func nearCopyOfARealArticleIsSimilarAndOtherArticlesAreNot() throws {
      let paragraphs = try FingerprintFixtures.paragraphs(ofSeed: "003")
      let original = fingerprinter.fingerprint(paragraphs.joined(separator: "\n\n"))
      let copy = fingerprinter.fingerprint(
        FingerprintFixtures.nearCopy(of: paragraphs).joined(separator: "\n\n"))
      let other = fingerprinter.fingerprint(
        try FingerprintFixtures.paragraphs(ofSeed: "004").joined(separator: "\n\n"))
      #expect(original.contentHash != copy.contentHash)
      #expect(MinHasher.estimatedJaccard(original.signature, copy.signature) >= 0.85)
      #expect(MinHasher.estimatedJaccard(original.signature, other.signature) < 0.2)
    }

    @Test func concurrentCallsAgreeWithSequentialOnes() async throws {
      let texts = try ["000", "001", "002", "003", "004"].map(FingerprintFixtures.seed)
      let expected = texts.map(fingerprinter.fingerprint)
      let fingerprinter = self.fingerprinter
      let results = await withTaskGroup(of: (Int, Fingerprint).self) { group in
        for round in 0..<20 {
          let index = round % texts.count
          let text = texts[index]
          group.addTask { (index, fingerprinter.fingerprint(text)) }
        }
        return await group.reduce(into: []) { $0.append($1) }
      }
      #expect(results.count == 20)
      #expect(results.allSatisfy { expected[$0.0] == $0.1 })
    }
  }
}
