import Foundation
import Testing

@testable import Winnow

/// A whole run over a feed whose articles share a footer no rule names: it is
/// learned, removed, reported, and written to `removed/` when asked.
@Suite struct LearnedRunTests {
  static func feed() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-learned-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let bodies = [
      "北京时间周日晚，国家队在主场以三比一战胜来访的对手，前锋梅开二度，门将多次扑出必进球，主教练赛后称赞年轻球员敢打敢拼。",
      "受寒潮影响，本市今明两天将出现大风降温天气，最低气温可能降至零下八度，气象部门提醒市民注意添衣保暖，出行注意交通安全。",
      "新学期开始后，多所中学推出课后托管服务，家长可以根据需要自愿报名，学校安排教师辅导作业并组织体育和阅读活动，反响良好。",
      "一家科技公司发布了新款折叠屏手机，屏幕展开后接近平板电脑大小，电池续航有所提升，售价比上一代略低，预计下月正式上市销售。",
      "今年秋粮收购工作全面展开，各地粮库延长开放时间，方便农民就近售粮，收购价格总体稳定，部分地区优质稻谷还出现了小幅上涨。",
    ]
    let lines = bodies.enumerated().map { n, body in
      let text = "\(body)\n\n本站欢迎您提供新闻线索请拨打热线电话"
      let data =
        (try? JSONSerialization.data(withJSONObject: ["id": "a\(n)", "text": text])) ?? Data()
      return String(decoding: data, as: UTF8.self)
    }
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: "\(folder)/feed.jsonl", atomically: true, encoding: .utf8)
    return folder
  }

  static func run(_ folder: String, jobs: Int, removed: Bool) async throws -> (RunReport, String) {
    let out = "\(folder)/out-\(jobs)-\(removed)"
    let options = RunOptions(
      inputs: ["\(folder)/feed.jsonl"], outputFolder: out, reportFolder: "\(out)-report",
      jobs: jobs, writeRemoved: removed)
    return (try await Pipeline(config: .noHistory).run(options), out)
  }

  @Test func sharedFooterIsLearnedReportedAndWrittenToRemoved() async throws {
    let folder = try Self.feed()
    let (report, out) = try await Self.run(folder, jobs: 2, removed: true)
    let learned = try #require(report.learnedBoilerplate.first)
    #expect(report.learnedBoilerplate.count == 1)
    #expect(learned.articles == 5)
    #expect(learned.blocks == 5)
    #expect(learned.example == "本站欢迎您提供新闻线索请拨打热线电话")
    #expect(learned.site.hasSuffix("feed.jsonl"))
    let clean = try SeedRunTests.records("\(out)/clean/part-00000.jsonl.gz")
    #expect(clean.count == 5)
    #expect(clean.allSatisfy { !(($0["text"] as? String) ?? "").contains("热线电话") })
    let removed = try SeedRunTests.records("\(out)/removed/part-00000.jsonl.gz")
    #expect(removed.count == 5)
    #expect(removed.first?["rule"] as? String == CleanReason.learned)
    #expect(removed.first?["pattern"] as? String == learned.pattern)
    #expect(removed.first?["block"] as? Int == 1)
    #expect(report.outputs.contains { $0.path == "removed/part-00000.jsonl.gz" && $0.records == 5 })
    let markdown = MarkdownReport.render(report)
    #expect(markdown.contains("boilerplate learned from the run"))
    #expect(markdown.contains("«本站欢迎您提供新闻线索请拨打热线电话»"))
  }

  @Test func outputIsTheSameForAnyJobsAndRemovedIsOptIn() async throws {
    let folder = try Self.feed()
    let (_, one) = try await Self.run(folder, jobs: 1, removed: false)
    let (_, three) = try await Self.run(folder, jobs: 3, removed: false)
    for name in ["manifest.json", "clean/part-00000.jsonl.gz", "rejected/part-00000.jsonl.gz"] {
      let a = try Data(contentsOf: URL(fileURLWithPath: "\(one)/\(name)"))
      #expect(a == (try Data(contentsOf: URL(fileURLWithPath: "\(three)/\(name)"))), "\(name)")
    }
    #expect(!FileManager.default.fileExists(atPath: "\(one)/removed"))
  }
}
