import Testing

@testable import Winnow

@Suite struct TextDiffTests {
  /// The sides an edit script describes, rebuilt.
  func sides<E>(_ edits: [TextDiff.Edit<E>]) -> (left: [E], right: [E], same: Int) {
    var left: [E] = []
    var right: [E] = []
    var same = 0
    for edit in edits {
      switch edit {
      case .same(let x):
        left += x
        right += x
        same += x.count
      case .removed(let x): left += x
      case .added(let x): right += x
      }
    }
    return (left, right, same)
  }

  @Test func rebuildsBothSidesAndFindsTheLongestCommonSubsequence() {
    let cases: [(String, String, Int)] = [
      ("ABCABBA", "CBABAC", 4), ("", "abc", 0), ("abc", "abc", 3), ("今天天气很好", "明天天气不好", 4),
      ("kitten", "sitting", 4), ("abcdef", "", 0),
    ]
    for (a, b, lcs) in cases {
      let edits = TextDiff.characters(a, b)
      let (left, right, same) = sides(edits)
      #expect(String(String.UnicodeScalarView(left)) == a)
      #expect(String(String.UnicodeScalarView(right)) == b)
      #expect(same == lcs, "\(a) / \(b)")
    }
  }

  @Test func mergesRunsOfTheSameKind() {
    #expect(
      TextDiff.diff(Array("xaby"), Array("xcdy")) == [
        .same(["x"]), .removed(["a", "b"]), .added(["c", "d"]), .same(["y"]),
      ])
  }

  @Test func givesUpOnTheMiddlePastTheEditBound() {
    let a = Array(repeating: 1, count: 50) + [7] + Array(repeating: 2, count: 50)
    let b = Array(repeating: 3, count: 50) + [7] + Array(repeating: 4, count: 50)
    #expect(TextDiff.diff(a, b, maxEdits: 10) == [.removed(a), .added(b)])
    #expect(sides(TextDiff.diff(a, b)).same == 1)
  }

  @Test func pairsChangedBlocksAndKeepsSharedOnes() {
    let rows = TextDiff.blocks("甲。\n\n乙一。\n\n丙。", "甲。\n\n乙二。\n\n新增。\n\n丙。")
    #expect(rows.map(\.left) == ["甲。", "乙一。", nil, "丙。"])
    #expect(rows.map(\.right) == ["甲。", "乙二。", "新增。", "丙。"])
    #expect(rows[0].characters == nil)
    #expect(rows[1].characters == [.same(["乙"]), .removed(["一"]), .added(["二"]), .same(["。"])])
  }

  @Test func longNearDuplicatesDiffQuickly() {
    let a = Array(String(repeating: "新闻正文内容，", count: 600).unicodeScalars)
    var b = a
    for i in stride(from: 10, to: b.count, by: 97) { b[i] = "变" }
    let (left, right, same) = sides(TextDiff.diff(a, b))
    #expect(left == a && right == b)
    #expect(same >= a.count - 50)
  }
}
