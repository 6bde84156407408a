import Foundation
import Testing

@testable import Winnow

/// Real articles: the seeds through the first pass, into a work file and out again; the
/// second pass must not see a difference.
@Suite struct FixtureCodecTests {
  static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/seeds").path

  @Test func secondPassIsTheSameAfterAWorkFile() throws {
    let config = Config.noHistory
    let processor = ArticleProcessor(config: config)
    let reader = Reader(config: config.read)
    var times = StageTimes()
    var firstPasses: [FirstPass] = []
    var counts = BoilerplateCounts()
    for file in reader.inputFiles([Self.seeds]).files {
      reader.read(file) { firstPasses.append(processor.firstPass($0, times: &times)) }
    }
    for case .cleaned(_, let site, let units) in firstPasses {
      counts.add(site: site, hashes: units)
    }
    #expect(firstPasses.count == 5)
    let decoded = try throughWorkFile(firstPasses)
    #expect(decoded == firstPasses)

    let learned = counts.learned(
      minArticles: 1, minShare: 0, maxChars: config.clean.learnedMaxChars)
    #expect(!learned.patterns.isEmpty, "learned boilerplate applies to the decoded articles too")
    let direct = firstPasses.map { processor.secondPass($0, learned: learned, times: &times) }
    let afterFile = decoded.map { processor.secondPass($0, learned: learned, times: &times) }
    #expect(afterFile == direct)
    #expect(direct.contains { $0.fingerprint != nil })
    #expect(direct.contains { !$0.removed.isEmpty })
    for processed in direct { try expectRoundTrip(processed) }
  }

  private func throughWorkFile(_ passes: [FirstPass]) throws -> [FirstPass] {
    let path = try makeTemporaryFolder() + "/seeds.cleaned"
    let writer = try WorkFileWriter(
      path: path, kind: "cleaned", version: workCodecVersion, parameters: "seeds")
    for pass in passes { writer.append(pass) }
    try writer.commit()
    let file = try WorkFileReader(
      path: path, kind: "cleaned", version: workCodecVersion, parameters: "seeds")
    var decoded: [FirstPass] = []
    try file.forEach(FirstPass.self) { decoded.append($0) }
    return decoded
  }
}
