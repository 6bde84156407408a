import Foundation
import Testing

@testable import Winnow

/// Whole runs on two nights with one history: a footer too rare to learn from one
/// night's batch is learned once the nights are counted together.
@Suite struct HistoryRunTests {
  static let footer = "本站欢迎您提供新闻线索请拨打热线电话"
  static let bodies = [
    "北京时间周日晚，国家队在主场以三比一战胜来访的对手，前锋梅开二度，门将多次扑出必进球，主教练赛后称赞年轻球员敢打敢拼。",
    "受寒潮影响，本市今明两天将出现大风降温天气，最低气温可能降至零下八度，气象部门提醒市民注意添衣保暖，出行注意交通安全。",
    "新学期开始后，多所中学推出课后托管服务，家长可以根据需要自愿报名，学校安排教师辅导作业并组织体育和阅读活动，反响良好。",
    "一家科技公司发布了新款折叠屏手机，屏幕展开后接近平板电脑大小，电池续航有所提升，售价比上一代略低，预计下月正式上市销售。",
    "今年秋粮收购工作全面展开，各地粮库延长开放时间，方便农民就近售粮，收购价格总体稳定，部分地区优质稻谷还出现了小幅上涨。",
  ]

  /// Writes a night's feed: records on one host (so one site across nights, whatever
  /// the file is called), the articles at `withFooter` ending in the shared footer.
  static func feed(in folder: String, night: String, articles: Range<Int>, withFooter: Set<Int>)
    throws -> String
  {
    let lines = try articles.map { n in
      let text = withFooter.contains(n) ? "\(bodies[n])\n\n\(footer)" : bodies[n]
      let record = ["id": "a\(n)", "url": "https://news.example.cn/a/\(n).html", "text": text]
      return String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
    }
    try FileManager.default.createDirectory(
      atPath: "\(folder)/\(night)", withIntermediateDirectories: true)
    let path = "\(folder)/\(night)/feed.jsonl"
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func run(_ input: String, folder: String, runId: String, out: String, history: String?)
    async throws -> RunReport
  {
    var config = Config()
    config.history.path = history ?? ""
    let options = RunOptions(
      inputs: [input], outputFolder: "\(folder)/\(out)", reportFolder: "\(folder)/\(out)-report",
      runId: runId, jobs: 2, writeRemoved: true)
    return try await Pipeline(config: config).run(options)
  }

  static func texts(_ folder: String, _ out: String) throws -> [String] {
    try SeedRunTests.records("\(folder)/\(out)/clean/part-00000.jsonl.gz").map {
      $0["text"] as? String ?? ""
    }
  }

  /// Night 1: three articles, two with the footer (below `learned_min_articles` 3).
  static func nightOne(_ folder: String, history: String) async throws -> RunReport {
    let input = try feed(in: folder, night: "night-1", articles: 0..<3, withFooter: [0, 1])
    return try await run(input, folder: folder, runId: "night-1", out: "out-1", history: history)
  }

  static func nightTwoInput(_ folder: String) throws -> String {
    try feed(in: folder, night: "night-2", articles: 3..<5, withFooter: [3, 4])
  }

  @Test func aFooterTooRareInOneNightIsLearnedAcrossNights() async throws {
    let folder = try makeTemporaryFolder()
    let history = "\(folder)/state/history.sqlite"
    let first = try await Self.nightOne(folder, history: history)
    #expect(first.learnedBoilerplate.isEmpty)
    #expect(try Self.texts(folder, "out-1").filter { $0.contains(Self.footer) }.count == 2)

    let second = try await Self.run(
      try Self.nightTwoInput(folder), folder: folder, runId: "night-2", out: "out-2",
      history: history)
    let learned = try #require(second.learnedBoilerplate.first)
    #expect(learned.site == "news.example.cn")
    #expect(learned.example == Self.footer)
    let texts = try Self.texts(folder, "out-2")
    #expect(texts.count == 2)
    #expect(texts.allSatisfy { !$0.contains("热线电话") && !$0.isEmpty })
    let removed = try SeedRunTests.records("\(folder)/out-2/removed/part-00000.jsonl.gz")
    #expect(removed.count == 2)
    #expect(removed.allSatisfy { $0["rule"] as? String == CleanReason.learned })
  }

  @Test func withoutAHistoryTheSecondNightLearnsNothing() async throws {
    let folder = try makeTemporaryFolder()
    let report = try await Self.run(
      try Self.nightTwoInput(folder), folder: folder, runId: "night-2", out: "out-2", history: nil)
    #expect(report.learnedBoilerplate.isEmpty)
    #expect(try Self.texts(folder, "out-2").allSatisfy { $0.contains(Self.footer) })
  }

  @Test func aRerunReplacesItsOwnCountsAndGivesTheSameBytes() async throws {
    let folder = try makeTemporaryFolder()
    let history = "\(folder)/state/history.sqlite"
    _ = try await Self.nightOne(folder, history: history)
    let input = try Self.nightTwoInput(folder)
    _ = try await Self.run(input, folder: folder, runId: "night-2", out: "out-a", history: history)
    let store = try HistoryStore(path: history)
    let once = try store.boilerplateCounts(excludingRun: "none")
    _ = try await Self.run(input, folder: folder, runId: "night-2", out: "out-b", history: history)
    #expect(try store.boilerplateCounts(excludingRun: "none") == once, "not doubled")
    #expect(once.sites["news.example.cn"]?.articles == 5)
    #expect(try store.runs() == ["night-1", "night-2"])
    for name in ["manifest.json", "clean/part-00000.jsonl.gz", "removed/part-00000.jsonl.gz"] {
      let a = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/out-a/\(name)"))
      #expect(
        a == (try Data(contentsOf: URL(fileURLWithPath: "\(folder)/out-b/\(name)"))), "\(name)")
    }
  }

  @Test func aDamagedHistoryFailsTheRunBeforeAnyOutput() async throws {
    let folder = try makeTemporaryFolder()
    let history = "\(folder)/history.sqlite"
    try Data(String(repeating: "garbage ", count: 1000).utf8).write(
      to: URL(fileURLWithPath: history))
    let input = try Self.nightTwoInput(folder)
    await #expect {
      _ = try await Self.run(input, folder: folder, runId: "n", out: "out", history: history)
    } throws: { error in
      "\(error)".contains(history) && error is HistoryError
    }
    #expect(!FileManager.default.fileExists(atPath: "\(folder)/out"))
  }

  @Test func historyPathIsConfiguredAndChecked() throws {
    #expect(Config().history.path == "state/history.sqlite", "on by default, in the working folder")
    let config = try ConfigLoader.load(yaml: "history:\n  path: state/history.sqlite\n")
    #expect(config.history.path == "state/history.sqlite")
    #expect {
      try ConfigLoader.load(yaml: "history:\n  path: state/\n")
    } throws: { error in
      guard case ConfigError.invalidValue(let key, _) = error else { return false }
      return key == "history.path"
    }
  }

  @Test func commandLineHistoryOptionSetsThePath() throws {
    let folder = try makeTemporaryFolder()
    let input = try Self.nightTwoInput(folder)
    let history = "\(folder)/state/history.sqlite"
    let ok = try CommandLineTests.winnow([
      "run", input, "--out", "\(folder)/out", "--report-dir", "\(folder)/report",
      "--run-id", "n2", "--history", history,
    ])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(try HistoryStore(path: history).runs() == ["n2"])
    try Data("garbage".utf8).write(to: URL(fileURLWithPath: "\(folder)/bad.sqlite"))
    let bad = try CommandLineTests.winnow([
      "run", input, "--out", "\(folder)/out-bad", "--history", "\(folder)/bad.sqlite",
    ])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("\(folder)/bad.sqlite"), "\(bad.stderr)")
    #expect(!FileManager.default.fileExists(atPath: "\(folder)/out-bad"))
  }
}
