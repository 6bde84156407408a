import Foundation
import Testing

@testable import Winnow

/// Dedup in whole runs: what matching sees of an article, and the pairs file.
@Suite struct DedupRunTests {
  /// One article twice: as one line, and word-segmented with the headline set off
  /// by a wide gap, which Extract breaks into a block that Clean takes as the title.
  static let headline = "小城今年秋天第一次举办全民读书节活动"
  static let body =
    "全城二十多家书店和社区图书馆参加了活动。主办方说，读书节将持续两周，每个周末都有作家见面会。"
    + "不少家长带着孩子来到现场，挑选自己喜欢的图书。"

  static func segmented(_ text: String) -> String {
    var out = ""
    for (i, scalar) in text.unicodeScalars.enumerated() {
      if i > 0 && i % 2 == 0 { out += " " }
      out.unicodeScalars.append(scalar)
    }
    return out
  }

  static func jsonl(_ records: [(String, String)]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-dedup-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let lines = try records.map { id, text in
      String(
        decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text]),
        as: UTF8.self)
    }
    let file = folder.appendingPathComponent("articles.jsonl")
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    return folder.path
  }

  static func run(_ input: String, pairs: String? = nil) async throws -> SeedRunTests.Run {
    let options = RunOptions(
      inputs: [input], outputFolder: "\(input)/out", reportFolder: "\(input)/report", jobs: 2,
      pairsOutput: pairs)
    let report = try await Pipeline(config: .noHistory).run(options)
    return SeedRunTests.Run(
      report: report, out: "\(input)/out",
      clean: try SeedRunTests.records("\(input)/out/clean/part-00000.jsonl.gz"),
      rejected: try SeedRunTests.records("\(input)/out/rejected/part-00000.jsonl.gz"))
  }

  /// The headline Clean moved to the title is still matched: without it the two
  /// bodies differ by a fifth of their shingles and would not even be near duplicates.
  @Test func aHeadlineTakenAsTitleIsStillMatched() async throws {
    let input = try Self.jsonl([
      ("plain", Self.headline + Self.body),
      ("spaced", Self.segmented(Self.headline) + "    " + Self.segmented(Self.body)),
    ])
    let run = try await Self.run(input)
    #expect(run.clean.map { $0["id"] as? String } == ["plain"])
    let duplicate = try #require(run.rejected.first)
    #expect(duplicate["title"] as? String == Self.headline, "the gap made the headline a title")
    #expect(duplicate["text"] as? String == Self.body)
    #expect(duplicate["exact"] as? Bool == true, "headline + body match the one-line original")
    #expect(duplicate["measure"] as? String == "identical")
  }

  @Test func pairsFileListsEveryAcceptedPairWithItsEvidence() async throws {
    let edited = Self.body.replacingOccurrences(of: "两周", with: "三周")
    let input = try Self.jsonl([
      ("a", Self.headline + Self.body), ("b", Self.headline + Self.body),
      ("c", Self.headline + edited),
      (
        "d",
        "完全无关的另一篇文章，讲的是山区修路的故事。经过三年施工，这条公路终于通车，"
          + "村民们第一次可以开车进城，把自家种的水果和蔬菜运到城里的市场去卖。"
      ),
    ])
    let pairs = "\(input)/pairs.tsv"
    let run = try await Self.run(input, pairs: pairs)
    #expect(run.rejected.map { $0["reason"] as? String } == ["duplicate", "duplicate"])
    let lines = try String(contentsOfFile: pairs, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "first\tsecond\tsimilarity\tmeasure")
    let rows = lines.dropFirst().map { $0.split(separator: "\t").map(String.init) }
    #expect(rows.contains(["a", "b", "1.0", "identical"]))
    let near = try #require(rows.first { $0[3] == "exact" })
    #expect(near[0] == "a" && near[1] == "c")
    #expect((Double(near[2]) ?? 0) >= 0.8 && (Double(near[2]) ?? 1) < 1)
    #expect(run.report.dedup.stats.exactChecked == 1)
  }
}
