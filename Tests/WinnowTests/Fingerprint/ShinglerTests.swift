import Testing

@testable import Winnow

extension FingerprintTests {
  @Suite struct ShinglerTests {
    private func hashes(_ text: String, size: Int = 5) -> [UInt64] {
      let shingler = Shingler(size: size, seed: 1)
      return MatchNormalizer.normalize(text).withUnsafeBufferPointer(shingler.distinctHashes(of:))
    }

    private func hash(_ scalars: [UInt32], seed: UInt64 = 1) -> UInt64 {
      scalars.withUnsafeBufferPointer { buffer in
        buffer.baseAddress.map { HashMix.hash($0, count: buffer.count, seed: seed) } ?? seed
      }
    }

    @Test func cutsCharacterNGrams() {
      #expect(hashes("abcdef").count == 2)
      #expect(hashes("abcde").count == 1)
      #expect(hashes("吉 反对派 占领 总统府").count == 5)
      #expect(hashes("吉 反对派 占领") == hashes("吉反对派占领"))
    }

    @Test func shortTextIsOneShingleAndEmptyTextNone() {
      #expect(hashes("ab") == [hash([0x61, 0x62])])
      #expect(hashes("").isEmpty)
      #expect(hashes("，。！").isEmpty)
    }

    @Test func keepsEachShingleOnceInOrderOfFirstOccurrence() {
      let repeated = hashes("abcabcabcabc", size: 3)
      #expect(repeated.count == 3)
      #expect(
        repeated == [
          hash([0x61, 0x62, 0x63]), hash([0x62, 0x63, 0x61]), hash([0x63, 0x61, 0x62]),
        ])
    }

    @Test func compactsDistinctValuesIncludingZero() {
      var values: [UInt64] = [5, 0, 5, 9, 0, 1 << 40 | 5, 9, 5, 7]
      let count = values.withUnsafeMutableBufferPointer { Shingler.compactDistinct($0) }
      #expect(Array(values.prefix(count)) == [5, 0, 9, 1 << 40 | 5, 7])
    }

    @Test func seedChangesTheHash() {
      #expect(hash([0x4E2D, 0x6587], seed: 1) != hash([0x4E2D, 0x6587], seed: 2))
    }

    /// 16^5 = 1,048,576 distinct 5-grams over 16 ideographs: a highly regular
    /// input, where a weak hash would collide.
    @Test func noCollisionsAmongAMillionRegularShingles() {
      var all: [UInt64] = []
      all.reserveCapacity(1 << 20)
      var shingle: [UInt32] = [0, 0, 0, 0, 0]
      for n in 0..<(1 << 20) {
        for k in 0..<5 { shingle[k] = 0x4E00 + UInt32((n >> (4 * k)) & 15) }
        all.append(hash(shingle))
      }
      #expect(Set(all).count == all.count)
    }

    /// Flipping any one input bit flips each output bit about half the time.
    @Test func avalanche() {
      var generator = SplitMix64(seed: 42)
      var flips = [Int](repeating: 0, count: 64)
      var trials = 0
      for _ in 0..<400 {
        let shingle = (0..<5).map { _ in 0x4E00 + UInt32(generator.next() % 0x5000) }
        let base = hash(shingle)
        for k in 0..<5 {
          for bit in 0..<21 {
            var changed = shingle
            changed[k] ^= 1 << UInt32(bit)
            let difference = base ^ hash(changed)
            for out in 0..<64 where difference >> UInt64(out) & 1 == 1 { flips[out] += 1 }
            trials += 1
          }
        }
      }
      let rates = flips.map { Double($0) / Double(trials) }
      #expect(rates.allSatisfy { (0.47...0.53).contains($0) }, "flip rates \(rates)")
    }
  }
}
