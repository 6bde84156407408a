import Foundation
import Logging

/// Log lines for people and cron mail: `winnow: warning: path:line: what is wrong`,
/// on stderr, without timestamps or metadata noise.
struct PlainLogHandler: LogHandler {
  var logLevel: Logger.Level
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    FileHandle.standardError.write(Data("winnow: \(event.level): \(event.message)\n".utf8))
  }
}
