import Testing

@testable import Winnow

extension DedupTests {
  @Suite struct UnionFindTests {
    @Test func joinsSetsTransitively() {
      var sets = UnionFind(count: 6)
      let joined = [sets.union(0, 1), sets.union(3, 4), sets.union(1, 4), sets.union(0, 3)]
      #expect(joined == [true, true, true, false], "0 and 3 were already one set")
      let roots = (0..<6).map { sets.find($0) }
      #expect(roots[0] == roots[4] && roots[1] == roots[3])
      #expect(roots[2] != roots[0] && roots[5] != roots[0] && roots[2] != roots[5])
      let sizes = (0..<6).map { sets.size(of: $0) }
      #expect(sizes == [4, 4, 1, 4, 4, 1])
    }

    @Test func longChainsResolveToOneRoot() {
      let count = 10_000
      var sets = UnionFind(count: count)
      for i in 1..<count { sets.union(i - 1, i) }
      let root = sets.find(count - 1)
      let roots = (0..<count).map { sets.find($0) }
      #expect(roots.allSatisfy { $0 == root })
      let size = sets.size(of: 0)
      #expect(size == count)
    }

    @Test func matchesNaiveLabelling() {
      var generator = SplitMix64(seed: 3)
      var sets = UnionFind(count: 200)
      var labels = Array(0..<200)
      for _ in 0..<150 {
        let a = Int(generator.next() % 200)
        let b = Int(generator.next() % 200)
        sets.union(a, b)
        let (old, new) = (labels[b], labels[a])
        labels = labels.map { $0 == old ? new : $0 }
      }
      let roots = (0..<200).map { sets.find($0) }
      for a in 0..<200 {
        for b in 0..<200 {
          #expect((roots[a] == roots[b]) == (labels[a] == labels[b]))
        }
      }
    }
  }
}
