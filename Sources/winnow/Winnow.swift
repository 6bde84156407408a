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
      Exit codes: 0 success; 1 the run failed (outputs could not be written); 2 usage or configuration error.
      Bad input articles do not fail a run: they are written to rejected/ with the reason.
      """,
    version: Release.version,
    subcommands: [Run.self, Report.self]
  )

  /// Parses and runs the command, mapping usage errors to exit code 2 as the project's convention says.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
