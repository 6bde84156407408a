import Foundation
import Testing

@testable import Winnow

@Suite struct RunSummaryTests {

  /// Reports from before schema 4 still give a summary: compare and previous-run lookup read them.
  @Test func olderReportsStillSummarize() throws {
    let json = """
      {"schema_version": 3, "run_id": "v3", "started_at": "2026-11-01T00:00:00Z", "seconds": 2,
       "counts": {"articles": 5, "clean": 4, "rejected": 1, "rejected_by_reason": {"read_error": 1}},
       "bytes": {"input": 100, "clean": 50, "rejected": 10}, "stages": [],
       "dedup": {"stats": {"bands": 14, "rows": 9, "exact_pairs": 0}, "clusters": [], "clusters_not_shown": 0}}
      """
    let base = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: base) }
    try Data(json.utf8).write(to: URL(fileURLWithPath: "\(base)/report.json"))
    let s = try RunSummary.read(from: base)
    #expect(s.runId == "v3" && s.finishedAt == nil && s.sortKey == "2026-11-01T00:00:00Z")
    #expect(s.counts.rejectedByReason == ["read_error": 1])
    #expect(
      Set(s.dedup.stats.keys.map(DedupFigures.snakeCase)) == ["bands", "rows", "exact_pairs"])
  }

  @Test func dedupFiguresListEveryNumericField() {
    let figures = DedupFigures.numbers(DedupStats(bands: 14, rows: 9, exactPairs: 1))
    let keys = figures.map(\.key)
    #expect(keys == keys.sorted())
    let known = ["bands", "candidate_pairs", "clusters", "duplicates", "exact_pairs", "rows"]
    #expect(Set(known + ["verified_pairs"]).isSubset(of: Set(keys)))
    #expect(figures.first { $0.key == "exact_pairs" }?.value == 1, "a 1 is a number, not a Bool")
    #expect(DedupFigures.snakeCase("signatureRejected") == "signature_rejected")
    #expect(DedupFigures.snakeCase("exact_pairs") == "exact_pairs")
  }
}
