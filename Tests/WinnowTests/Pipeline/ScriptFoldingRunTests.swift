import Foundation
import Testing

@testable import Winnow

/// A Traditional-script copy of seed 003 against the Simplified original, in whole runs.
@Suite struct ScriptFoldingRunTests {
  /// Made with `opencc -c s2t.json -i Tests/Fixtures/seeds/003_fb868feeb5aa8ae5.txt
  /// -o Tests/Fixtures/e2e/003-traditional.txt`.
  static let traditional = SeedRunTests.fixtures.appendingPathComponent(
    "e2e/003-traditional.txt"
  ).path

  /// The seeds, then the Traditional copy, in a scratch folder: the two bodies
  /// are equally long once cleaned, and a tie keeps the earlier input, so the
  /// order is fixed here rather than left to where the fixtures happen to sort.
  static func inputs() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-fold-\(UUID().uuidString)")
    let original = folder.appendingPathComponent("1-seeds")
    let copy = folder.appendingPathComponent("2-repost")
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: URL(fileURLWithPath: SeedRunTests.seeds), to: original)
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: traditional), to: copy.appendingPathComponent("003-traditional.txt"))
    return folder.path
  }

  @Test func traditionalCopyIsADuplicateOfTheSimplifiedSeed() async throws {
    let run = try await SeedRunTests.run([try Self.inputs()])
    #expect(run.clean.count == 5)
    #expect(run.rejected.count == 1)
    let duplicate = try #require(run.rejected.first)
    #expect(SeedRunTests.text(duplicate, "003-traditional"))
    #expect(duplicate["reason"] as? String == "duplicate")
    let keeper = try #require(run.clean.first { SeedRunTests.text($0, "003_") })
    #expect(duplicate["duplicate_of"] as? String == keeper["id"] as? String)
    #expect((duplicate["similarity"] as? Double ?? 0) >= 0.8)
  }

  @Test func writtenTextKeepsItsScript() async throws {
    let run = try await SeedRunTests.run([try Self.inputs()])
    let duplicate = try #require(run.rejected.first)
    let text = try #require(duplicate["text"] as? String)
    #expect(text.hasPrefix("來自俄羅斯領導的軍事聯盟的部隊"), "Clean's rules removed the notices")
    #expect((duplicate["title"] as? String)?.hasPrefix("俄羅斯維和部隊迅速抵達哈薩克斯坦") == true)
    let keeper = try #require(run.clean.first { SeedRunTests.text($0, "003_") }?["text"] as? String)
    #expect(keeper.hasPrefix("来自俄罗斯领导的军事联盟的部队"), "the headline became the title")
  }

  @Test func theTwoScriptsAreOneClusterInEitherOrder() async throws {
    let run = try await SeedRunTests.run([SeedRunTests.seeds, Self.traditional])
    #expect(run.clean.count == 5)
    #expect(run.rejected.count == 1)
    #expect(run.rejected.first?["reason"] as? String == "duplicate")
  }
}
