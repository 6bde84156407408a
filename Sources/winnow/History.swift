import ArgumentParser
import Foundation
import Winnow

extension WinnowCommand {
  /// `winnow history stats|prune|rebuild`: look after the history of earlier runs.
  struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Inspect, prune or rebuild the history of earlier runs.",
      subcommands: [Stats.self, Prune.self, Rebuild.self])

    /// The options every history command takes.
    struct Location: ParsableArguments {
      @Option(name: .long, help: "A YAML configuration file laid over the built-in defaults.")
      var config: String?

      @Option(name: .long, help: "The history file (default: history.path, state/history.sqlite).")
      var history: String?

      /// The configuration, with `--history` applied; a usage error when it is invalid
      /// or names no history.
      func settings() throws -> Config {
        var settings: Config
        do {
          settings = try config.map { try ConfigLoader.load(path: $0) } ?? Config()
          if let history { settings.history.path = history }
          try settings.validate()
        } catch {
          throw ValidationError("\(error)")
        }
        guard !settings.history.path.isEmpty else {
          throw ValidationError("No history: history.path is empty and --history is not given.")
        }
        return settings
      }
    }

    struct Stats: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Print the history's size, article count and runs.")

      @OptionGroup var location: Location

      func run() throws {
        let path = try location.settings().history.path
        guard FileManager.default.fileExists(atPath: path) else {
          throw ValidationError("\(path): no history there yet.")
        }
        let stats = try HistoryStore(path: path).stats()
        let perArticle = stats.articles > 0 ? stats.bytes / stats.articles : 0
        print(
          "\(path): \(stats.bytes) bytes, \(stats.articles) articles (\(perArticle) bytes each), \(stats.runs.count) runs"
        )
        if let oldest = stats.oldestAddedAt, let newest = stats.newestAddedAt {
          print("articles added from \(oldest) to \(newest)")
        }
        for run in stats.runs {
          print("  \(run.id)  finished \(run.finishedAt)  \(run.articles) articles")
        }
      }
    }

    struct Prune: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Delete articles older than the history window, and runs left empty.")

      @OptionGroup var location: Location

      @Option(name: .long, help: "Days to keep (default: history.window_days).")
      var days: Int?

      func run() throws {
        let settings = try location.settings()
        let days = self.days ?? settings.history.windowDays
        guard days > 0 else {
          throw ValidationError("A window of 0 days keeps everything: nothing to prune.")
        }
        let path = settings.history.path
        let lock = try HistoryLock(historyPath: path)
        let cutoff = ISO8601DateFormatter().string(
          from: Date().addingTimeInterval(-Double(days) * 86_400))
        let removed = try HistoryStore(path: path).prune(before: cutoff)
        withExtendedLifetime(lock) {
          print(
            "\(path): removed \(removed.articles) articles and \(removed.runs) runs added before \(cutoff)"
          )
        }
      }
    }

    struct Rebuild: ParsableCommand {
      static let configuration = CommandConfiguration(
        abstract: "Record earlier runs' output folders in the history again.",
        discussion: """
          Each OUT_DIR (a finished run's output folder) becomes a run named rebuilt:FOLDER whose \
          clean articles are fingerprinted again with this configuration. Use it after moving a \
          damaged history aside. Learned-boilerplate counts cannot be rebuilt.
          """)

      @OptionGroup var location: Location

      @Argument(help: "Output folders of earlier runs, oldest first.")
      var outputs: [String]

      func run() throws {
        let settings = try location.settings()
        let path = settings.history.path
        let lock = try HistoryLock(historyPath: path)
        let store = try HistoryStore(path: path)
        let counts = try HistoryRebuild(config: settings).rebuild(outputs, into: store)
        withExtendedLifetime(lock) {
          for (folder, count) in zip(outputs, counts) {
            print("\(folder): \(count) articles recorded")
          }
        }
      }
    }
  }
}
