import Foundation
import Testing

@testable import Winnow

/// The whole job over the five seeds and a re-encoded, edited repost of seed 003.
@Suite struct SeedRunTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let seeds = fixtures.appendingPathComponent("seeds").path
  static let repost = fixtures.appendingPathComponent("e2e/003-repost-gb18030.txt").path

  struct Run {
    let report: RunReport
    let out: String
    let clean: [[String: Any]]
    let rejected: [[String: Any]]
  }

  static func run(_ inputs: [String]) async throws -> Run {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-e2e-\(UUID().uuidString)"
    ).path
    let options = RunOptions(
      inputs: inputs, outputFolder: "\(base)/out", reportFolder: "\(base)/report", jobs: 2)
    let report = try await Pipeline(config: .noHistory).run(options)
    return Run(
      report: report, out: "\(base)/out",
      clean: try records("\(base)/out/clean/part-00000.jsonl.gz"),
      rejected: try records("\(base)/out/rejected/part-00000.jsonl.gz"))
  }

  static func records(_ path: String) throws -> [[String: Any]] {
    let bytes = try GzipInflater.decompress(Array(Data(contentsOf: URL(fileURLWithPath: path))))
    return try bytes.split(separator: 0x0A).map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }
  }

  static func text(_ record: [String: Any], _ seed: String) -> Bool {
    (record["source"] as? String)?.contains(seed) == true
  }

  @Test func seedsComeOutClean() async throws {
    let run = try await Self.run([Self.seeds])
    #expect(run.report.counts.articles == 5)
    #expect(run.clean.count == 5, "the seeds are not near-duplicates of each other")
    #expect(run.rejected.isEmpty)
    let formats = run.clean.map { $0["format"] as? String ?? "" }
    #expect(formats == ["text", "markdown", "markdown", "text", "markdown"])
    #expect(run.clean.allSatisfy { $0["encoding"] as? String == "UTF-8" })
    for record in run.clean {
      let text = try #require(record["text"] as? String)
      for banned in [
        "<p", "</", "<img", "&nbsp;", "&amp;", "title:", "categories:", "---", "扫一扫下载界面新闻APP",
        "未经授权，不得转载", "暂无评论",
      ] {
        #expect(!text.contains(banned), "\(record["source"] ?? ""): \(banned)")
      }
    }
  }

  @Test func bodyCarriedTwiceComesOutOnce() async throws {
    let run = try await Self.run([Self.seeds])
    let jiemian = try #require(run.clean.first { Self.text($0, "003_") }?["text"] as? String)
    let paragraphs = jiemian.components(separatedBy: "\n\n")
    #expect(Set(paragraphs).count == paragraphs.count, "every paragraph once")
    #expect(paragraphs.first?.hasPrefix("来自俄罗斯领导的军事联盟的部队周四抵达哈萨克斯坦") == true)
    #expect(!paragraphs.contains("截至周四,阿拉木图约有2000人被逮捕。"), "the standfirst the body repeats")
    #expect(paragraphs.last?.hasPrefix("白宫新闻秘书普萨基(Jen Psaki)则表示") == true)
    #expect(
      paragraphs.count == 16, "16 body paragraphs; title, standfirst, captions and byline removed")
    let title = try #require(run.clean.first { Self.text($0, "003_") }?["title"] as? String)
    #expect(title == "俄罗斯维和部队迅速抵达哈萨克斯坦,政府大楼和机场被夺回", "the headline becomes the title")
  }

  @Test func segmentedTextIsJoined() async throws {
    let run = try await Self.run([Self.seeds])
    let segmented = try #require(run.clean.first { Self.text($0, "000_") }?["text"] as? String)
    let scalars = Array(segmented.unicodeScalars)
    for i in scalars.indices.dropFirst().dropLast() where scalars[i] == " " {
      #expect(!(ScalarClass.isCJK(scalars[i - 1].value) && ScalarClass.isCJK(scalars[i + 1].value)))
    }
    #expect(segmented.contains("国际在线报道（驻中亚记者王向东）：吉尔吉斯斯坦7日发生大规模骚乱"))
    let title = try #require(run.clean.first { Self.text($0, "000_") }?["title"] as? String)
    #expect(title == "吉反对派占领总统府", "the headline before the gap becomes the title")
  }

  @Test func reencodedEditedRepostIsADuplicateOfTheSeed() async throws {
    let run = try await Self.run([Self.seeds, Self.repost])
    #expect(run.clean.count == 5)
    let duplicate = try #require(run.rejected.first)
    #expect(run.rejected.count == 1)
    #expect(duplicate["encoding"] as? String == "GB18030")
    #expect(duplicate["reason"] as? String == "duplicate")
    let keeper = try #require(run.clean.first { Self.text($0, "003_") })
    #expect(duplicate["duplicate_of"] as? String == keeper["id"] as? String)
    #expect((duplicate["similarity"] as? Double ?? 0) >= 0.8)
  }

  @Test func twoRunsGiveIdenticalBytes() async throws {
    let a = try await Self.run([Self.seeds, Self.repost])
    let b = try await Self.run([Self.seeds, Self.repost])
    for name in ["manifest.json", "clean/part-00000.jsonl.gz", "rejected/part-00000.jsonl.gz"] {
      let first = try Data(contentsOf: URL(fileURLWithPath: "\(a.out)/\(name)"))
      #expect(first == (try Data(contentsOf: URL(fileURLWithPath: "\(b.out)/\(name)"))), "\(name)")
    }
  }
}
