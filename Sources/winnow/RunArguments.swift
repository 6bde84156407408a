import ArgumentParser
import Logging
import Winnow

/// What a run is asked to do, as `winnow run` and `winnow stage plan` both take it.
struct RunArguments: ParsableArguments {
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

  func validate() throws {
    guard !(noHistory && history != nil) else {
      throw ValidationError("--history and --no-history contradict each other.")
    }
  }

  /// The configuration file laid over the defaults, with the history options applied.
  func settings() throws -> Config {
    do {
      var settings = try config.map { try ConfigLoader.load(path: $0) } ?? Config()
      if let history { settings.history.path = history }
      if noHistory { settings.history.path = "" }
      try settings.validate()
      return settings
    } catch {
      throw ValidationError("\(error)")
    }
  }

  func options(jobs: Int) -> RunOptions {
    RunOptions(
      inputs: inputs, outputFolder: out, reportFolder: reportDir, runId: runId,
      overwrite: overwrite, jobs: jobs, writeRemoved: removed, pairsOutput: pairs)
  }
}

/// How many threads work, and how much is logged: `winnow run` and every stage task.
struct WorkOptions: ParsableArguments {
  @Option(name: .long, help: "Threads doing work at once (default: the number of cores).")
  var jobs: Int = System.coreCount

  @Flag(name: .long, help: "Also log informational messages.")
  var verbose = false

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
  }

  func bootstrapLogging() {
    LoggingSystem.bootstrap { _ in PlainLogHandler(logLevel: verbose ? .info : .warning) }
  }
}
