import Testing

@testable import Winnow

@Suite struct RepetitionTests {
  @Test func textWithoutRepeatsScoresZero() {
    let s = QualitySignals(body: "一二三四五六七八九十")
    #expect(s.topNgramShares == [0, 0, 0])
    #expect(s.duplicateNgramShares == [0, 0, 0, 0, 0, 0])
  }

  @Test func aTextCarriedTwiceIsHalfDuplicated() {
    let half = "甲乙丙丁戊己庚辛壬癸"
    let s = QualitySignals(body: half + half)
    #expect(s.duplicateNgramShares == [0.5, 0.5, 0.5, 0.5, 0.5, 0.5])
    // Every 2-gram but 癸甲 occurs twice: 2 × 2 of 20 characters; 3-gram 2 × 3, 4-gram 2 × 4.
    #expect(s.topNgramShares == [0.2, 0.3, 0.4])
  }

  @Test func topNgramShareIsCappedAtOne() {
    #expect(QualitySignals(body: "哈哈哈哈哈哈").topNgramShares == [1, 1, 1])
  }

  @Test func latinWordsAreTokensAndPunctuationIsNot() {
    // Tokens the, cat ×3: "the cat" occurs 3 times, 6 characters each, of 18.
    #expect(QualitySignals(body: "the cat, the cat. the cat!").topNgramShares[0] == 1)
    // 甲乙 twice around a comma: 4 of 4 token characters.
    #expect(QualitySignals(body: "甲乙，甲乙").topNgramShares[0] == 1)
  }

  @Test func repeatedParagraphIsDuplicatedByLinesAndParagraphs() {
    let s = QualitySignals(body: "第一段内容。\n\n第二段内容。\n\n第一段内容。")
    #expect(s.lines == 3)
    #expect(s.meanLineChars == 6)
    #expect(s.maxLineChars == 6)
    #expect(s.duplicateLineShare == 1.0 / 3)
    #expect(s.duplicateParagraphShare == 1.0 / 3)
  }

  @Test func aRepeatedLineInsideDifferentParagraphsIsOnlyALineRepeat() {
    let s = QualitySignals(body: "甲\n乙乙\n\n甲\n丙丙")
    #expect(s.lines == 4)
    #expect(s.maxLineChars == 2)
    #expect(s.duplicateLineShare == 1.0 / 6)
    #expect(s.duplicateParagraphShare == 0)
  }
}
