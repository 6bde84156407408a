import Foundation
import Testing

@testable import Winnow

@Suite struct TrendTests {

  /// A trend point as a run with this id, finish time and kept count would record it.
  func point(_ id: String, kept: Int) -> RunReport.TrendPoint {
    var p = RunReport.TrendPoint()
    p.runId = id
    p.finishedAt = "2026-11-2\(kept)T01:00:00Z"
    p.articles = 10
    p.kept = kept
    p.rejectedByReason = ["duplicate": 10 - kept]
    p.duplicateRate = Double(10 - kept) / 10
    p.mbPerSecond = 1.5
    p.seconds = 4
    return p
  }

  /// Sibling runs, written in no particular order, come back oldest first and cut to the
  /// last `trendRuns`, this run last; a later run and a broken file stay out; a re-render
  /// keeps the recorded trend.
  @Test func trendTakesTheLastRunsOfTheReportsFolderInOrder() throws {
    let base = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: base) }
    for (id, day) in [("c", 20), ("a", 18), ("later", 23), ("d", 21), ("b", 19)] {
      var r = ReportFixture.report()
      r.runId = id
      r.finishedAt = "2026-11-\(day)T01:00:00Z"
      try ReportFiles.write(r, to: "\(base)/\(id)", trendRuns: nil)
    }
    try Data("{}".utf8).write(to: URL(fileURLWithPath: "\(base)/broken.json"))
    try ReportFiles.write(ReportFixture.report(), to: "\(base)/run-2", trendRuns: 3)
    let written = try ReportFiles.read(from: "\(base)/run-2")
    #expect(written.trend.map(\.runId) == ["c", "d", "run-2"])
    #expect(written.previous?.runId == "d")
    #expect(written.trend.last == ReportFixture.report().summary.trendPoint)
    #expect(written.trend.first?.finishedAt == "2026-11-20T01:00:00Z")
    try ReportFiles.write(written, to: "\(base)/run-2", trendRuns: nil)
    #expect(try ReportFiles.read(from: "\(base)/run-2").trend == written.trend)
  }

  /// A schema 4 report.json has no `trend`: it decodes as empty and every view renders.
  @Test func schema4ReportWithoutTrendStillDecodesAndRenders() throws {
    var json =
      try JSONSerialization.jsonObject(with: ReportFixture.report().encoded()) as? [String: Any]
      ?? [:]
    json["trend"] = nil
    json["schema_version"] = 4
    let report = try RunReport.decode(JSONSerialization.data(withJSONObject: json))
    #expect(report.trend.isEmpty && report.schemaVersion == 4)
    #expect(HTMLReport.render(report).contains("No trend recorded"))
    #expect(!MarkdownReport.render(report).contains("## Trend"))
  }

  /// One dot per run, this run's drawn apart; a run id is text, never markup.
  @Test func lineChartHasOnePointPerRunAndEscapesRunIds() {
    let points = [("<b>x</b>", 1.0), ("b", 3.0), ("a-very-long-run-id-2026", 2.0)].map {
      SVGChart.Point(label: $0.0, value: $0.1, text: "\($0.1)", highlighted: $0.0 == "b")
    }
    let svg = SVGChart.line(points, title: "kept <articles>")
    #expect(svg.components(separatedBy: "<circle ").count == 4)
    #expect(svg.components(separatedBy: "class=\"point current\"").count == 2)
    #expect(svg.contains("&lt;b&gt;x&lt;/b&gt;") && !svg.contains("<b>"))
    #expect(svg.contains("<title>a-very-long-run-id-2026: 2.0</title>"))
    #expect(svg.contains(">a-very-long…</text>"))
    #expect(svg.contains("aria-label=\"kept &lt;articles&gt;\""))
    // The largest value (3) reaches the top of the plot: 100 points above the axis at 120.
    #expect(svg.contains("cy=\"20.0\""))
  }

  /// The HTML page draws the three trend charts and marks this run's table row.
  @Test func htmlShowsTheTrendChartsAndTable() {
    var r = ReportFixture.report()
    r.trend = [point("<b>x</b>", kept: 7), r.summary.trendPoint]
    let page = HTMLReport.render(r)
    #expect(page.contains("<section id=\"trend\"><h2>Trend (2 runs)</h2>"))
    #expect(page.components(separatedBy: "<polyline class=\"trend\"").count == 4)
    #expect(page.contains("<tr class=\"current\"><td>run-2</td>"))
    #expect(page.contains("<td>&lt;b&gt;x&lt;/b&gt;</td>") && !page.contains("<b>x</b>"))
  }

  /// The Markdown mail lists every recorded run, oldest first, this run marked.
  @Test func markdownTableHasOneRowPerRun() {
    var r = ReportFixture.report()
    r.trend = [point("a|b", kept: 7), r.summary.trendPoint]
    let lines = MarkdownReport.render(r).split(separator: "\n", omittingEmptySubsequences: false)
    let start = lines.firstIndex(of: "## Trend") ?? 0
    #expect(
      Array(lines[(start + 4)...(start + 5)]) == [
        "| a\\|b | 2026-11-27T01:00:00Z | 10 | 7 | 3 (duplicate 3) | 30.0% | 1.50 | 4.00 |",
        "| run-2 (this run) | 2026-11-22T01:00:10Z | 3 | 1 | 2 (duplicate 1, quality 1) | 33.3% "
          + "| 0.50 | 10.00 |",
      ])
  }
}
