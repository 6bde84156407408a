import Foundation
import Testing

/// `winnow report`, run as a user would: re-rendering a run's views and comparing two runs.
@Suite struct ReportCommandTests {
  typealias CLI = CommandLineTests

  /// Two runs of the seeds into sibling report folders: the second names the first as previous.
  func twoRuns() throws -> String {
    let base = CLI.temporaryFolder()
    for id in ["night-1", "night-2"] {
      let result = try CLI.winnow([
        "run", CLI.seeds, "--out", "\(base)/out-\(id)", "--report-dir", "\(base)/reports/\(id)",
        "--run-id", id,
      ])
      #expect(result.status == 0, "\(result.stderr)")
    }
    return base
  }

  @Test func rerendersTheViewsFromReportJSON() throws {
    let base = try twoRuns()
    defer { try? FileManager.default.removeItem(atPath: base) }
    let folder = "\(base)/reports/night-2"
    let views = ["report.md", "report.html", "metrics.prom"]
    let before = try views.map { try String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
    #expect(before[0].contains("- Since run `night-1`: "))
    for view in views { try FileManager.default.removeItem(atPath: "\(folder)/\(view)") }
    let result = try CLI.winnow(["report", folder])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == "winnow: rendered report.md, report.html and metrics.prom in \(folder)\n")
    let after = try views.map { try String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8) }
    #expect(before == after)
  }

  @Test func compareListsTheKeyFigures() throws {
    let base = try twoRuns()
    defer { try? FileManager.default.removeItem(atPath: base) }
    let result = try CLI.winnow([
      "report", "--compare", "\(base)/reports/night-1", "\(base)/reports/night-2/report.json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("winnow: night-1 (finished ") == true)
    #expect(lines.contains { $0.hasPrefix("articles in") && $0.hasSuffix("5 → 5  =") })
    #expect(lines.contains { $0.hasPrefix("duplicate rate") })
  }

  @Test func usageErrorsExitWithTwo() throws {
    #expect(try CLI.winnow(["report"]).status == 2)
    #expect(try CLI.winnow(["report", "--compare", "a"]).status == 2)
    #expect(try CLI.winnow(["report", "x", "--compare", "a", "b"]).status == 2)
    let missing = try CLI.winnow(["report", CLI.temporaryFolder()])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("report.json"))
  }
}
