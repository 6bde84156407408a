import Testing

@testable import Winnow

@Suite struct QualityJudgeTests {
  static let news =
    "哈萨克斯坦总统托卡耶夫宣布下周一为全国哀悼日。"
    + "当地时间周三，总统在首都会见了来访的代表团，双方就经济合作和地区安全交换了意见。"

  /// Signals of an ordinary article: every default rule passes.
  static var good: QualitySignals {
    QualitySignals(body: news)
  }

  /// Signals where every rule's value is past its default threshold.
  static var bad: QualitySignals {
    var s = QualitySignals()
    s.chars = 10
    s.punctuationShare = 0.5
    s.symbolShare = 0.5
    s.replacementShare = 0.5
    s.mojibakeShare = 0.5
    s.markupShare = 0.5
    s.letterShare = 0.1
    s.cjkShare = 0.1
    s.duplicateLineShare = 0.5
    s.duplicateParagraphShare = 0.5
    s.topNgramShares = [0.9, 0.9, 0.9]
    s.duplicateNgramShares = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9]
    s.boilerplateShare = 0.9
    s.script = .japanese
    s.truncated = true
    return s
  }

  /// The defaults with the rules that are off by default turned on.
  static var strict: QualityConfig {
    var config = QualityConfig()
    config.minCJKShare = 0.5
    config.allowedScripts = [.simplified]
    config.maxBoilerplateShare = 0.5
    config.rejectTruncated = true
    return config
  }

  @Test func passesOrdinaryNews() {
    let report = QualityJudge(config: Self.strict).judge(body: Self.news)
    #expect(report.failures == [])
  }

  @Test func namesEveryFailedRuleWithValueAndThreshold() {
    let failures = QualityJudge(config: Self.strict).failures(Self.bad)
    #expect(
      failures.map(\.rule) == [
        "min_chars", "max_punctuation_share", "max_symbol_share", "max_replacement_share",
        "max_mojibake_share", "max_markup_share", "min_letter_share", "min_cjk_share",
        "max_duplicate_line_share", "max_duplicate_paragraph_share", "max_top_2gram_share",
        "max_top_3gram_share", "max_top_4gram_share", "max_duplicate_5gram_share",
        "max_duplicate_6gram_share", "max_duplicate_7gram_share", "max_duplicate_8gram_share",
        "max_duplicate_9gram_share", "max_duplicate_10gram_share", "max_boilerplate_share",
        "allowed_scripts", "reject_truncated",
      ])
    #expect(failures[0] == QualityFailure(rule: "min_chars", value: 10, threshold: 50))
    #expect(
      failures[14] == QualityFailure(rule: "max_duplicate_6gram_share", value: 0.9, threshold: 0.42)
    )
  }

  /// Each rule alone: the bad value of its signal on good signals fails exactly that rule.
  @Test(
    arguments: [
      ("max_punctuation_share", \QualitySignals.punctuationShare, 0.31),
      ("max_symbol_share", \QualitySignals.symbolShare, 0.11),
      ("max_replacement_share", \QualitySignals.replacementShare, 0.02),
      ("max_mojibake_share", \QualitySignals.mojibakeShare, 0.02),
      ("max_markup_share", \QualitySignals.markupShare, 0.21),
      ("min_letter_share", \QualitySignals.letterShare, 0.49),
      ("max_duplicate_line_share", \QualitySignals.duplicateLineShare, 0.21),
      ("max_duplicate_paragraph_share", \QualitySignals.duplicateParagraphShare, 0.21),
    ] as [(String, WritableKeyPath<QualitySignals, Double> & Sendable, Double)])
  func eachShareRuleFiresAloneAndNotAtItsThreshold(
    rule: String, signal: WritableKeyPath<QualitySignals, Double> & Sendable, value: Double
  ) {
    let judge = QualityJudge(config: QualityConfig())
    var s = Self.good
    s[keyPath: signal] = value
    #expect(judge.failures(s).map(\.rule) == [rule])
    s[keyPath: signal] = rule.hasPrefix("min_") ? value + 0.01 : value - 0.01
    #expect(judge.failures(s) == [])
  }

  @Test func ngramRulesFireOnePerN() {
    let judge = QualityJudge(config: QualityConfig())
    var s = Self.good
    s.topNgramShares = [0.26, 0.0, 0.21]
    s.duplicateNgramShares = [0.45, 0.43, 0, 0, 0, 0.38]
    #expect(
      judge.failures(s).map(\.rule) == [
        "max_top_2gram_share", "max_top_4gram_share", "max_duplicate_6gram_share",
        "max_duplicate_10gram_share",
      ])
  }

  @Test func aBodyCarriedTwiceIsRejected() {
    let report = QualityJudge(config: QualityConfig()).judge(body: Self.news + Self.news)
    #expect(report.failures.map(\.rule).contains("max_duplicate_10gram_share"))
  }

  @Test func scriptAndTruncationRulesAreOffByDefault() {
    let english =
      "The parliament met on Monday to discuss the budget for next year. Members asked "
      + "about schools, roads and the hospital plan. The vote is expected next week, after the"

    #expect(QualityJudge(config: QualityConfig()).judge(body: english).passed)
    var config = QualityConfig()
    config.allowedScripts = [.simplified, .traditional]
    config.rejectTruncated = true
    config.minCJKShare = 0.5
    #expect(
      QualityJudge(config: config).judge(body: english).failures.map(\.rule) == [
        "min_cjk_share", "allowed_scripts", "reject_truncated",
      ])
  }

  @Test func boilerplateShareIsOfTheTextBeforeCleaning() {
    let report = QualityJudge(config: Self.strict).judge(body: Self.news, removedChars: 200)
    #expect(report.signals.boilerplateShare == 200.0 / Double(report.signals.chars + 200))
    #expect(report.failures.map(\.rule) == ["max_boilerplate_share"])
  }

  @Test func emptyBodyFailsOnlyOnLength() {
    #expect(
      QualityJudge(config: QualityConfig()).judge(body: "").failures.map(\.rule) == ["min_chars"])
  }

  @Test func punctuationOnlyFailsLengthPunctuationAndLetters() {
    let report = QualityJudge(config: QualityConfig()).judge(body: "!!!?? ###")
    #expect(
      report.failures.map(\.rule) == ["min_chars", "max_punctuation_share", "min_letter_share"])
  }
}

@Suite struct QualityFailureDescriptionTests {
  @Test func readsAsRuleValueAndThreshold() {
    #expect(
      QualityFailure(rule: "min_chars", value: 12, threshold: 50).description
        == "min_chars: 12 < 50")
    #expect(
      QualityFailure(rule: "max_punctuation_share", value: 0.41234, threshold: 0.3).description
        == "max_punctuation_share: 0.412 > 0.3")
  }

  @Test func yesNoRulesSayWhatFailed() {
    var config = QualityConfig()
    config.allowedScripts = [.simplified]
    let body =
      "東京で国際会議が開かれ、各国の代表が気候変動への対策について話し合いました。"
      + "参加者たちは、再生可能エネルギーの導入を急ぐべきだという意見で一致しています。"
    let failures = QualityJudge(config: config).judge(body: body).failures
    #expect(failures.map(\.description) == ["allowed_scripts: script japanese"])
  }
}
