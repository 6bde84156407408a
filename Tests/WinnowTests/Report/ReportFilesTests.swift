import Foundation
import Testing

@testable import Winnow

@Suite struct ReportFilesTests {
  func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-report-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  /// report.json alone renders every view again, byte for byte.
  @Test func viewsRenderAgainFromReportJSON() throws {
    let base = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: base) }
    let folder = "\(base)/run-2"
    try ReportFiles.write(ReportFixture.report(), to: folder)
    let first = try ["report.md", "report.html", "metrics.prom"].map {
      try contents("\(folder)/\($0)")
    }
    let read = try ReportFiles.read(from: folder)
    #expect(read == ReportFixture.report())
    for name in ["report.md", "report.html", "metrics.prom"] {
      try FileManager.default.removeItem(atPath: "\(folder)/\(name)")
    }
    try ReportFiles.write(read, to: folder, withPrevious: false)
    let again = try ["report.md", "report.html", "metrics.prom"].map {
      try contents("\(folder)/\($0)")
    }
    #expect(first == again)
    #expect(try contents("\(folder)/report.json").contains("\"schema_version\" : 4"))
  }

  /// The previous run: the latest other run in the same parent folder that finished before this one.
  @Test func findsTheLatestEarlierRunInTheSameFolder() throws {
    let base = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: base) }
    for (id, finished) in [
      ("old", "2026-11-20T01:00:00Z"), ("prev", "2026-11-21T01:00:00Z"),
      ("later", "2026-11-23T01:00:00Z"),
    ] {
      var r = ReportFixture.report()
      r.runId = id
      r.finishedAt = finished
      try ReportFiles.write(r, to: "\(base)/\(id)", withPrevious: false)
    }
    try Data("{}".utf8).write(to: URL(fileURLWithPath: "\(base)/broken.json"))
    try ReportFiles.write(ReportFixture.report(), to: "\(base)/run-2")
    let written = try ReportFiles.read(from: "\(base)/run-2")
    #expect(written.previous?.runId == "prev")
    #expect(try contents("\(base)/run-2/report.md").contains("- Since run `prev`: "))
  }

  @Test func compareListsKeyFiguresAndChangedDetails() {
    let old = ReportFixture.report().summary
    var new = old
    new.runId = "run-3"
    new.counts.articles = 6
    new.counts.rejectedByReason["read_error"] = 2
    new.dedup.stats["verified_pairs"] = 4
    new.dedup.stats["signature_rejected"] = 7
    let text = RunComparison.text(from: old, to: new)
    #expect(text.hasPrefix("winnow: run-2 (finished 2026-11-22T01:00:10Z) → run-3"))
    #expect(text.contains("articles in "))
    #expect(text.contains("3 → 6  ↑ 3 (+100.0%)"))
    #expect(text.contains("rejected: read_error"))
    #expect(text.contains("0 → 2  ↑ 2"))
    #expect(text.contains("dedup verified_pairs"))
    #expect(text.contains("dedup signature_rejected"))
    #expect(text.contains("–   → 7  new") || text.contains("– → 7  new"))
    #expect(!text.contains("stage read"), "unchanged details are left out")
  }

  /// Reports from before schema 4 still give a summary: compare and previous-run lookup read them.
  @Test func olderReportsStillSummarize() throws {
    let json = """
      {"schema_version": 3, "run_id": "v3", "started_at": "2026-11-01T00:00:00Z", "seconds": 2,
       "counts": {"articles": 5, "clean": 4, "rejected": 1, "rejected_by_reason": {"read_error": 1}},
       "bytes": {"input": 100, "clean": 50, "rejected": 10}, "stages": [],
       "dedup": {"stats": {"bands": 14, "rows": 9, "exact_pairs": 0}, "clusters": [], "clusters_not_shown": 0}}
      """
    let base = try temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: base) }
    try Data(json.utf8).write(to: URL(fileURLWithPath: "\(base)/report.json"))
    let s = try RunSummary.read(from: base)
    #expect(s.runId == "v3" && s.finishedAt == nil && s.sortKey == "2026-11-01T00:00:00Z")
    #expect(s.counts.rejectedByReason == ["read_error": 1])
    #expect(
      Set(s.dedup.stats.keys.map(DedupFigures.snakeCase)) == ["bands", "rows", "exact_pairs"])
  }
}
