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

    @Argument(
      help: "Files and folders of articles (text, Markdown, HTML, JSON Lines, TSV; gzip allowed).")
    var inputs: [String]

    @Option(name: .long, help: "The output folder.")
    var out: String

    @Option(name: .long, help: "A YAML configuration file laid over the built-in defaults.")
    var config: String?

    @Option(
      name: .long, help: "Where to write the report files (default: Reports/RUN-ID).")
    var reportDir: String?

    @Option(name: .long, help: "The run's id (default: the UTC date and a digest of the inputs).")
    var runId: String?

    @Option(
      name: .long,
      help: """
        The SQLite history of earlier runs: their kept articles are matched against this run's, \
        their boilerplate counts learned from, and this run is added to it once its outputs are \
        committed (default: history.path, state/history.sqlite).
        """)
    var history: String?

    @Flag(name: .long, help: "Neither read nor update a history of earlier runs.")
    var noHistory = false

    @Flag(name: .long, help: "Replace a finished run already in the output folder.")
    var overwrite = false

    @Option(name: .long, help: "Articles processed at once (default: the number of cores).")
    var jobs: Int = System.coreCount

    @Flag(
      name: .long,
      help: "Also write every block cleaning removed to OUT/removed/part-NNNNN.jsonl.gz, for audit."
    )
    var removed = false

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Also write every duplicate pair found, with its similarity and evidence, to this TSV file.",
        valueName: "file"))
    var pairs: String?

    @Flag(name: .long, help: "Also log informational messages.")
    var verbose = false

    func validate() throws {
      guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
      guard !(noHistory && history != nil) else {
        throw ValidationError("--history and --no-history contradict each other.")
      }
    }

    func run() async throws {
      LoggingSystem.bootstrap { _ in PlainLogHandler(logLevel: verbose ? .info : .warning) }
      var settings: Config
      do {
        settings = try config.map { try ConfigLoader.load(path: $0) } ?? Config()
        if let history { settings.history.path = history }
        if noHistory { settings.history.path = "" }
        try settings.validate()
      } catch {
        throw ValidationError("\(error)")
      }
      let options = RunOptions(
        inputs: inputs, outputFolder: out, reportFolder: reportDir, runId: runId,
        overwrite: overwrite, jobs: jobs, writeRemoved: removed, pairsOutput: pairs)
      do {
        let report = try await Pipeline(config: settings).run(
          options, progress: Progress.onTerminal())
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
