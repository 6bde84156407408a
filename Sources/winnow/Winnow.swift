import ArgumentParser
import Foundation
import Winnow

/// `winnow`: the command line. Parsing only; the work is in the Winnow library.
@main
struct WinnowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "winnow",
    abstract: "Clean and deduplicate crawled news articles into a gzip JSON Lines corpus.",
    discussion: """
      Exit codes: 0 success; 1 the run failed (outputs could not be written); 2 usage or configuration error;
      75 another run holds the history (nothing was done: try again later).
      Bad input articles do not fail a run: they are written to rejected/ with the reason.
      """,
    version: Release.version,
    subcommands: [Run.self, StageCommand.self, Report.self, History.self]
  )

  /// Exit code when another process holds the history: sysexits' EX_TEMPFAIL ("try
  /// again later"), so a cron wrapper can tell a skipped night from a failed one.
  static let historyBusy: Int32 = 75

  /// Parses and runs the command, mapping usage errors to exit code 2 as the project's convention says.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error as HistoryError where error.isLocked {
      FileHandle.standardError.write(Data("winnow: not started: \(error)\n".utf8))
      Foundation.exit(historyBusy)
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
