import Foundation

/// Writes a report's views into its folder: `report.json`, `report.md`, `report.html`
/// and `metrics.prom`, each under a temporary name first so a reader (node_exporter
/// included) never sees half a file.
public enum ReportFiles {
  /// The view files, rendered from the report alone (the HTML page on `jobs` threads).
  public static func views(of report: RunReport, jobs: Int = 1) -> [(name: String, text: String)] {
    [
      ("report.md", MarkdownReport.render(report)),
      ("report.html", HTMLReport.render(report, jobs: jobs)),
      ("metrics.prom", MetricsReport.render(report)),
    ]
  }

  /// Writes report.json and every view. A new run first looks up the runs before it in the
  /// reports folder for `previous` and a trend of `trendRuns` runs (this one included); a
  /// re-render (`trendRuns` nil) keeps what report.json recorded.
  public static func write(
    _ report: RunReport, to folder: String, trendRuns: Int? = ReportConfig().trendRuns,
    jobs: Int = 1
  ) throws {
    var report = report
    if let trendRuns {
      let earlier = earlierRuns(of: report, in: folder)
      report.previous = earlier.last
      report.trend = (earlier.suffix(trendRuns - 1) + [report.summary]).map(\.trendPoint)
    }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try replace("\(folder)/report.json", with: report.encoded())
      for view in views(of: report, jobs: jobs) {
        try replace("\(folder)/\(view.name)", with: Data(view.text.utf8))
      }
    } catch {
      throw OutputError(
        path: folder, message: "cannot write the report: \(error.localizedDescription)")
    }
  }

  /// Reads `report.json` back, e.g. to render it again.
  public static func read(from folder: String) throws -> RunReport {
    try RunReport.decode(Data(contentsOf: URL(fileURLWithPath: "\(folder)/report.json")))
  }

  /// The runs before this one in the same reports folder, oldest first: of the sibling
  /// folders holding a report.json of another run id, those that finished (`finished_at`, or
  /// `started_at` for reports before schema 4) no later than this run, ordered by that time,
  /// ties by run id. The last is the previous run. Unreadable reports are skipped.
  public static func earlierRuns(of report: RunReport, in folder: String) -> [RunSummary] {
    let parent = URL(fileURLWithPath: folder).standardizedFileURL.deletingLastPathComponent()
    let own = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else {
      return []
    }
    let now = report.summary.sortKey
    return names.filter { $0 != own }
      .compactMap { try? RunSummary.read(from: parent.appendingPathComponent($0).path) }
      .filter { $0.runId != report.runId && $0.sortKey <= now }
      .sorted { ($0.sortKey, $0.runId) < ($1.sortKey, $1.runId) }
  }

  private static func replace(_ path: String, with data: Data) throws {
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
