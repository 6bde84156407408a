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
        The SQLite history of earlier runs whose boilerplate counts this run learns from         and adds to (default: history.path; none when empty).
        """)
    var history: String?

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
    }

    func run() async throws {
      LoggingSystem.bootstrap { _ in PlainLogHandler(logLevel: verbose ? .info : .warning) }
      var settings: Config
      do {
        settings = try config.map { try ConfigLoader.load(path: $0) } ?? Config()
        if let history {
          settings.history.path = history
          try settings.validate()
        }
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
      } catch {
        Progress.clear()
        FileHandle.standardError.write(Data("winnow: the run failed: \(error)\n".utf8))
        throw ExitCode.failure
      }
    }
  }
}
