import Foundation
import Testing

@testable import Winnow

@Suite struct ReportFilesTests {

  func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  /// report.json alone renders every view again, byte for byte.
  @Test func viewsRenderAgainFromReportJSON() throws {
    let base = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: base) }
    let folder = "\(base)/run-2"
    try ReportFiles.write(ReportFixture.report(), to: folder)
    let first = try ["report.md", "report.html", "metrics.prom"].map {
      try contents("\(folder)/\($0)")
    }
    let read = try ReportFiles.read(from: folder)
    var recorded = read
    recorded.trend = []
    #expect(recorded == ReportFixture.report())
    #expect(read.trend == [ReportFixture.report().summary.trendPoint], "alone in its folder")
    for name in ["report.md", "report.html", "metrics.prom"] {
      try FileManager.default.removeItem(atPath: "\(folder)/\(name)")
    }
    try ReportFiles.write(read, to: folder, trendRuns: nil)
    let again = try ["report.md", "report.html", "metrics.prom"].map {
      try contents("\(folder)/\($0)")
    }
    #expect(first == again)
    #expect(try contents("\(folder)/report.json").contains("\"schema_version\" : 5"))
  }

  /// The previous run: the latest other run in the same parent folder that finished before this one.
  @Test func findsTheLatestEarlierRunInTheSameFolder() throws {
    let base = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: base) }
    for (id, finished) in [
      ("old", "2026-11-20T01:00:00Z"), ("prev", "2026-11-21T01:00:00Z"),
      ("later", "2026-11-23T01:00:00Z"),
    ] {
      var r = ReportFixture.report()
      r.runId = id
      r.finishedAt = finished
      try ReportFiles.write(r, to: "\(base)/\(id)", trendRuns: nil)
    }
    try Data("{}".utf8).write(to: URL(fileURLWithPath: "\(base)/broken.json"))
    try ReportFiles.write(ReportFixture.report(), to: "\(base)/run-2")
    let written = try ReportFiles.read(from: "\(base)/run-2")
    #expect(written.previous?.runId == "prev")
    #expect(try contents("\(base)/run-2/report.md").contains("- Since run `prev`: "))
  }

}
