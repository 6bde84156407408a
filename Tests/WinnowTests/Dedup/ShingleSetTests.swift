import Testing

@testable import Winnow

extension DedupTests {
  @Suite struct ShingleSetTests {
    /// The table-probing count agrees with Swift's `Set` on random sets of every
    /// size relation, including the hash 0 (the table's empty marker) on either side.
    @Test func sharedCountMatchesSetIntersection() {
      var generator = SplitMix64(seed: 31)
      for round in 0..<200 {
        let pool = (0..<(1 + round * 3)).map { _ in generator.next() % 5000 } + [0]
        let a = Array(Set(pool.filter { _ in generator.next() % 2 == 0 }))
        let b = Array(Set(pool.filter { _ in generator.next() % 3 == 0 }))
        let expected = Set(a).intersection(b).count
        #expect(ShingleSet(distinct: a).sharedCount(with: ShingleSet(distinct: b)) == expected)
        #expect(ShingleSet(distinct: b).sharedCount(with: ShingleSet(distinct: a)) == expected)
      }
    }

    @Test func jaccardAndContainmentFollowTheirDefinitions() {
      let a = ShingleSet(distinct: [1, 2, 3, 4])
      let b = ShingleSet(distinct: [3, 4, 5, 6, 7, 8])
      #expect(a.jaccard(b) == 2.0 / 8)
      #expect(a.containment(b) == 2.0 / 4, "of the smaller set in the larger")
      #expect(ShingleSet(distinct: []).jaccard(ShingleSet(distinct: [])) == 0)
      #expect(ShingleSet(distinct: [9]).containment(ShingleSet(distinct: [])) == 0)
    }

    /// The fingerprinter's set is the one its signature summarizes: segmented
    /// and Traditional forms of a text give the same set.
    @Test func fingerprinterSetsIgnoreSpacingAndScript() throws {
      let fingerprinter = Fingerprinter(config: FingerprintConfig())
      let text = "哈萨克斯坦总统托卡耶夫宣布国家进入紧急状态"
      let set = fingerprinter.shingleSet(text)
      #expect(set.count == text.unicodeScalars.count - 4)
      #expect(fingerprinter.shingleSet("哈萨克 斯坦 总统 托卡耶夫 宣布 国家 进入 紧急 状态") == set)
      #expect(fingerprinter.shingleSet("哈薩克斯坦總統托卡耶夫宣佈國家進入緊急狀態").jaccard(set) == 1)
    }
  }
}
