import Foundation

/// Writes a report's views into its folder: `report.json` and `report.md`,
/// each under a temporary name first so a reader never sees half a file.
public enum ReportFiles {
  public static func write(_ report: RunReport, to folder: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try replace("\(folder)/report.json", with: report.encoded())
      try replace("\(folder)/report.md", with: Data(MarkdownReport.render(report).utf8))
    } catch {
      throw OutputError(
        path: folder, message: "cannot write the report: \(error.localizedDescription)")
    }
  }

  /// Reads `report.json` back, e.g. to render it again.
  public static func read(from folder: String) throws -> RunReport {
    try RunReport.decode(Data(contentsOf: URL(fileURLWithPath: "\(folder)/report.json")))
  }

  private static func replace(_ path: String, with data: Data) throws {
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
