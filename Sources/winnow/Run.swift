import ArgumentParser
import Foundation
import Logging
import Winnow

extension WinnowCommand {
  struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Read articles, clean and deduplicate them, and write the corpus and a report.",
      discussion: """
        Writes OUT/clean/part-NNNNN.jsonl.gz (kept articles), OUT/rejected/part-NNNNN.jsonl.gz \
        (everything else, with its reason), with --removed OUT/removed/part-NNNNN.jsonl.gz \
        (every block cleaning removed) and OUT/manifest.json, and the report \
        (report.json, report.md, report.html, metrics.prom) to Reports/RUN-ID/ unless \
        --report-dir is given.
        """
    )

    @OptionGroup var arguments: RunArguments

    @OptionGroup var work: WorkOptions

    func run() async throws {
      work.bootstrapLogging()
      let settings = try arguments.settings()
      let reportDir = arguments.reportDir
      do {
        let report = try await Pipeline(config: settings).run(
          arguments.options(jobs: work.jobs), progress: Progress.onTerminal())
        Progress.clear()
        print(Summary.line(report, reportFolder: reportDir ?? "Reports/\(report.runId)"))
      } catch let error as HistoryError where error.isLocked {
        Progress.clear()
        throw error
      } catch {
        Progress.clear()
        throw Self.failed(error)
      }
    }

    private static func failed(_ error: any Error) -> ExitCode {
      FileHandle.standardError.write(
        Data(
          ("winnow: the run failed: \(error)\nwinnow: fix the cause and run the same command again (with --overwrite if "
            + "the output folder already holds this run); the history changes only when a run completes.\n")
            .utf8))
      return ExitCode.failure
    }
  }
}
