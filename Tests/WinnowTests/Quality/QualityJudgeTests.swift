import Testing

@testable import Winnow

@Suite struct QualityJudgeTests {
  @Test func countsCharacterClasses() {
    let s = QualitySignals(body: "你好，世界！ab 12\n\u{FFFD}")
    #expect(s.chars == 11)
    #expect(s.letterShare == 6.0 / 11)
    #expect(s.cjkShare == 4.0 / 6)
    #expect(s.digitShare == 2.0 / 11)
    #expect(s.punctuationShare == 2.0 / 11)
    #expect(s.replacementShare == 1.0 / 11)
  }

  @Test func passesOrdinaryNews() {
    let body = String(repeating: "哈萨克斯坦总统托卡耶夫宣布下周一为全国哀悼日。", count: 4)
    let report = QualityJudge(config: QualityConfig()).judge(body: body)
    #expect(report.passed)
  }

  @Test func namesEveryFailedRuleWithValueAndThreshold() {
    let report = QualityJudge(config: QualityConfig()).judge(body: "!!!?? ###")
    #expect(
      report.failures.map(\.rule) == ["min_chars", "max_punctuation_share", "min_letter_share"])
    #expect(report.failures[0] == QualityFailure(rule: "min_chars", value: 8, threshold: 50))
  }

  @Test func cjkRuleIsOffByDefaultAndWorksWhenSet() {
    let english = String(
      repeating: "The parliament met on Monday to discuss the budget. ", count: 3)
    #expect(QualityJudge(config: QualityConfig()).judge(body: english).passed)
    var config = QualityConfig()
    config.minCJKShare = 0.5
    #expect(
      QualityJudge(config: config).judge(body: english).failures.map(\.rule) == ["min_cjk_share"])
  }

  @Test func emptyBodyFailsOnlyOnLength() {
    #expect(
      QualityJudge(config: QualityConfig()).judge(body: "").failures.map(\.rule) == ["min_chars"])
  }
}
