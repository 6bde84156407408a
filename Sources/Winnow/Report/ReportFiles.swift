import Foundation

/// Writes a report's views into its folder: `report.json`, `report.md`, `report.html`
/// and `metrics.prom`, each under a temporary name first so a reader (node_exporter
/// included) never sees half a file.
public enum ReportFiles {
  /// The view files, rendered from the report alone.
  public static func views(of report: RunReport) -> [(name: String, text: String)] {
    [
      ("report.md", MarkdownReport.render(report)), ("report.html", HTMLReport.render(report)),
      ("metrics.prom", MetricsReport.render(report)),
    ]
  }

  /// Writes report.json and every view; a new run first looks up its previous run
  /// (`withPrevious`), a re-render keeps what report.json recorded.
  public static func write(_ report: RunReport, to folder: String, withPrevious: Bool = true)
    throws
  {
    var report = report
    if withPrevious { report.previous = previousRun(of: report, in: folder) }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try replace("\(folder)/report.json", with: report.encoded())
      for view in views(of: report) {
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

  /// The previous run in the same reports folder: of the sibling folders holding a
  /// report.json of another run id, the one that finished last (`finished_at`, or
  /// `started_at` for reports before schema 4) no later than this run; ties go to the
  /// greater run id. Unreadable reports are skipped.
  public static func previousRun(of report: RunReport, in folder: String) -> RunSummary? {
    let parent = URL(fileURLWithPath: folder).standardizedFileURL.deletingLastPathComponent()
    let own = URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else {
      return nil
    }
    let now = report.finishedAt.isEmpty ? report.startedAt : report.finishedAt
    return names.filter { $0 != own }
      .compactMap { try? RunSummary.read(from: parent.appendingPathComponent($0).path) }
      .filter { $0.runId != report.runId && $0.sortKey <= now }
      .max { ($0.sortKey, $0.runId) < ($1.sortKey, $1.runId) }
  }

  private static func replace(_ path: String, with data: Data) throws {
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
