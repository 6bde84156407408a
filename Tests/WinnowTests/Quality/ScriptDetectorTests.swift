import Testing

@testable import Winnow

@Suite struct ScriptDetectorTests {
  private func script(_ text: String) -> Script { QualitySignals(body: text).script }

  @Test func tellsSimplifiedFromTraditional() {
    #expect(script("这是我们的国家，经济发展很快。") == .simplified)
    #expect(script("這是我們的國家，經濟發展很快。") == .traditional)
  }

  @Test func kanaMakesJapanese() {
    #expect(script("これは日本語の文章です。東京で会議が開かれました。") == .japanese)
  }

  @Test func chineseWithOneKatakanaNameStaysChinese() {
    let text =
      "索尼公司发布了新产品ウォークマン。"
      + String(repeating: "这是我们国家经济发展的一部分，记者在发布会上说明了有关情况。", count: 3)
    #expect(script(text) == .simplified)
  }

  @Test func latinAndOtherScripts() {
    #expect(script("The parliament met on Monday.") == .latin)
    #expect(script("한국어 문장입니다") == .other)
    #expect(script("Привет, мир") == .other)
    #expect(script("12345 !!") == .other)
  }

  @Test func tableHalvesAreDisjointAndPaired() {
    let scalars = Array(ScriptTable.pairs.unicodeScalars)
    #expect(scalars.count % 2 == 0)
    let simplified = Set(stride(from: 0, to: scalars.count, by: 2).map { scalars[$0] })
    let traditional = Set(stride(from: 1, to: scalars.count, by: 2).map { scalars[$0] })
    #expect(simplified.count == scalars.count / 2)
    #expect(simplified.isDisjoint(with: traditional))
  }
}
