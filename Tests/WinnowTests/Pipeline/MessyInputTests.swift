import Foundation
import Testing

@testable import Winnow

/// Bad input never stops the run, and every input article ends in exactly one output.
@Suite struct MessyInputTests {
  static let messy = SeedRunTests.fixtures.appendingPathComponent("messy").path

  func reason(_ run: SeedRunTests.Run, _ source: String, line: Int? = nil) -> String? {
    let matches = run.rejected.filter {
      ($0["source"] as? String)?.hasSuffix(source) == true
        && (line == nil || $0["line"] as? Int == line)
    }
    return matches.first?["reason"] as? String
  }

  @Test func everyArticleLandsOnceWithItsReason() async throws {
    let run = try await SeedRunTests.run([Self.messy])
    #expect(run.clean.count + run.rejected.count == run.report.counts.articles)
    #expect(run.report.counts.clean == run.clean.count)
    #expect(run.clean.map { $0["id"] as? String } == ["m1"])
    #expect(reason(run, "broken-front-matter.md") == "extract_error")
    #expect(reason(run, "invalid-bytes.txt") == "read_error")
    #expect(reason(run, "empty.txt") == "quality")
    #expect(reason(run, "records.jsonl", line: 3) == "read_error")
    #expect(reason(run, "records.jsonl", line: 4) == "read_error")
    #expect(reason(run, "records.jsonl", line: 5) == "duplicate_id")
    #expect(reason(run, "records.jsonl", line: 6) == "read_error")
    #expect(reason(run, "truncated.jsonl.gz") == "read_error")
    let truncated = run.rejected.first {
      ($0["source"] as? String)?.hasSuffix("truncated.jsonl.gz") == true
    }
    #expect((truncated?["message"] as? String)?.contains("truncated gzip data") == true)
    #expect(!run.rejected.contains { ($0["source"] as? String)?.contains(".hidden") == true })
  }

  @Test func messagesNameTheFileAndWhatIsWrong() async throws {
    let run = try await SeedRunTests.run([Self.messy])
    for record in run.rejected where record["reason"] as? String != "quality" {
      let message = try #require(record["message"] as? String)
      let source = try #require(record["source"] as? String)
      #expect(message.contains(source), "\(message)")
    }
    let frontMatter = run.rejected.first { ($0["source"] as? String)?.hasSuffix(".md") == true }
    #expect((frontMatter?["message"] as? String)?.lowercased().contains("front matter") == true)
  }
}
