import ArgumentParser
import Foundation
import Winnow

extension WinnowCommand {
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render a run's report again from its report.json, or compare two runs.",
      discussion: """
        With RUN_DIR (a report folder such as Reports/RUN-ID), writes report.md, report.html \
        and metrics.prom again from RUN_DIR/report.json alone. With --compare A B, prints the \
        key figures of run A beside those of run B, with each change, and the stage times and \
        dedup figures that changed; A and B are report folders or report.json files.
        """
    )

    @Argument(help: "The report folder whose views to render again.")
    var runDir: String?

    @Option(
      name: .long, parsing: .upToNextOption,
      help: "Two report folders (or report.json files), the earlier first, to compare.")
    var compare: [String] = []

    func validate() throws {
      if compare.isEmpty {
        guard runDir != nil else {
          throw ValidationError("Give a report folder, or --compare A B.")
        }
      } else {
        guard compare.count == 2 else {
          throw ValidationError("--compare takes two report folders.")
        }
        guard runDir == nil else {
          throw ValidationError("Give either a report folder or --compare A B.")
        }
      }
    }

    func run() throws {
      if compare.count == 2 {
        let old = try summary(compare[0])
        let new = try summary(compare[1])
        print(RunComparison.text(from: old, to: new), terminator: "")
        return
      }
      guard let runDir else { return }
      let report: RunReport
      do {
        report = try ReportFiles.read(from: runDir)
      } catch {
        throw ValidationError(
          "cannot read \(runDir)/report.json (schema 4 or later): \(error.localizedDescription)")
      }
      do {
        try ReportFiles.write(report, to: runDir, trendRuns: nil, jobs: System.coreCount)
      } catch {
        FileHandle.standardError.write(Data("winnow: \(error)\n".utf8))
        throw ExitCode.failure
      }
      print("winnow: rendered report.md, report.html and metrics.prom in \(runDir)")
    }

    private func summary(_ path: String) throws -> RunSummary {
      do {
        return try RunSummary.read(from: path)
      } catch {
        throw ValidationError("cannot read a report from \(path): \(error.localizedDescription)")
      }
    }
  }
}
