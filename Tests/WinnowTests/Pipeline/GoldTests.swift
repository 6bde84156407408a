import Foundation
import Testing

@testable import Winnow

/// The whole job over the five seeds, each clean text compared with its gold body
/// (`Tests/Fixtures/gold/<seed>`: the true body paragraphs, in order, once, one per
/// line, labeled by reading). Texts are compared after `MatchNormalizer`, so width
/// and spacing do not count; figures are in normalized characters.
@Suite struct GoldTests {
  static let gold = SeedRunTests.fixtures.appendingPathComponent("gold").path

  /// How one clean text compares with its gold.
  struct Figures: CustomStringConvertible {
    var goldChars = 0
    /// Gold characters found in the clean text.
    var kept = 0
    /// Clean characters that are in no gold paragraph.
    var boilerplateLeft = 0
    /// Gold characters found more than once.
    var repeated = 0
    /// Gold paragraphs missing or out of order.
    var missing: [String] = []

    var description: String {
      "kept \(kept)/\(goldChars) (\(MarkdownReport.percent(Double(kept) / Double(max(goldChars, 1))))),"
        + " boilerplate left \(boilerplateLeft), repeated \(repeated)"
    }
  }

  /// Matches gold paragraphs to clean paragraphs in order (a clean paragraph may hold
  /// several gold ones, or one with extra text around it).
  static func compare(clean: String, gold: String) -> Figures {
    let cleanKeys = clean.components(separatedBy: "\n\n").map { MatchNormalizer.normalize($0) }
    let goldKeys = gold.split(separator: "\n").map { MatchNormalizer.normalize(String($0)) }
    var figures = Figures()
    var used = [Int](repeating: 0, count: cleanKeys.count)
    var position = 0
    for key in goldKeys {
      figures.goldChars += key.count
      let hits = cleanKeys.indices.filter { cleanKeys[$0].contains(key) }
      figures.repeated += max(0, hits.count - 1) * key.count
      guard let hit = hits.first(where: { $0 >= position }) else {
        figures.missing.append(
          String(String.UnicodeScalarView(key.prefix(20).compactMap(Unicode.Scalar.init))))
        continue
      }
      figures.kept += key.count
      used[hit] += key.count
      position = hit
    }
    for (i, key) in cleanKeys.enumerated() where used[i] < key.count {
      let isRepeat = goldKeys.contains { $0 == key }
      if !isRepeat { figures.boilerplateLeft += key.count - used[i] }
    }
    return figures
  }

  @Test func seedsMatchTheirGoldBodies() async throws {
    let run = try await SeedRunTests.run([SeedRunTests.seeds])
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.gold).sorted()
    #expect(names.count == 5)
    for name in names {
      let gold = try String(contentsOfFile: "\(Self.gold)/\(name)", encoding: .utf8)
      let record = try #require(run.clean.first { SeedRunTests.text($0, name) })
      let text = try #require(record["text"] as? String)
      let figures = Self.compare(clean: text, gold: gold)
      print("gold \(name): \(figures)")
      #expect(figures.missing.isEmpty, "\(name): every gold paragraph kept, in order")
      #expect(figures.kept == figures.goldChars, "\(name)")
      #expect(figures.repeated == 0, "\(name): every gold paragraph once")
      // Seed 000 is word-segmented plain text whose title and subtitle Extract splits at
      // the wrong gap, so the subtitle (11 characters) stays glued to the body's start.
      let allowed = name.hasPrefix("000_") ? 11 : 0
      #expect(figures.boilerplateLeft <= allowed, "\(name): nothing but the body is left")
    }
  }

  @Test func comparisonCountsWhatIsLeftAndRepeated() {
    let figures = Self.compare(clean: "正在阅读\n\n第一段正文。\n\n第二段正文。\n\n第一段正文。", gold: "第一段正文。\n第二段正文。")
    #expect(figures.goldChars == 10)
    #expect(figures.kept == 10)
    #expect(figures.boilerplateLeft == 4)
    #expect(figures.repeated == 5)
  }
}
