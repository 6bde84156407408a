/// The trend across nights, near the top of the page: a single comparison with the previous
/// run hides a slow drift (kept articles falling a little each night, a duplicate rate
/// creeping up, a slower disk), so the recorded runs are drawn as lines and listed below.
extension HTMLReport {
  static func trend(_ r: RunReport) -> String {
    guard !r.trend.isEmpty else {
      return section(
        "trend", "Trend",
        "<p class=\"note\">No trend recorded: this report was written before schema 5.</p>")
    }
    let charts = [
      trendChart(r, "kept articles", .count) { Double($0.kept) },
      trendChart(r, "duplicate rate", .share) { $0.duplicateRate },
      trendChart(r, "throughput (MB/s)", .rate) { $0.mbPerSecond },
    ]
    return section(
      "trend", "Trend (\(r.trend.count) runs)",
      "<div class=\"grid\">\(charts.joined(separator: "\n"))</div>\n" + trendTable(r))
  }

  /// One figure over the recorded runs, this run highlighted.
  private static func trendChart(
    _ r: RunReport, _ title: String, _ kind: RunComparison.Change.Kind,
    _ value: (RunReport.TrendPoint) -> Double
  ) -> String {
    let points = r.trend.map { p in
      SVGChart.Point(
        label: p.runId, value: value(p), text: RunComparison.format(value(p), kind),
        highlighted: p.runId == r.runId)
    }
    return
      "<figure>\(SVGChart.line(points, title: title))<figcaption>\(e(title))</figcaption></figure>"
  }

  /// Every recorded run's key figures, oldest first, this run marked.
  private static func trendTable(_ r: RunReport) -> String {
    let rows = r.trend.map { p in
      row(
        [
          p.runId, p.finishedAt, "\(p.articles)", "\(p.kept)", p.rejectedText,
          MarkdownReport.percent(p.duplicateRate), MarkdownReport.fixed(p.mbPerSecond, 2),
          MarkdownReport.fixed(p.seconds, 2),
        ], cls: p.runId == r.runId ? "current" : nil)
    }
    return table(
      ["run", "finished", "articles in", "kept", "rejected", "duplicate rate", "MB/s", "seconds"],
      rows)
  }
}
