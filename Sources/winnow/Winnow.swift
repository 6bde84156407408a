import ArgumentParser
import Winnow

@main
struct WinnowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "winnow", abstract: "Clean and deduplicate crawled news articles.")
}
