import Foundation
import Winnow

/// Progress lines on stderr, only when stderr is a terminal (cron mail stays clean).
enum Progress {
  static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }

  static func onTerminal() -> (@Sendable (String) -> Void)? {
    guard isTerminal else { return nil }
    return { message in FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8)) }
  }

  static func clear() {
    if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }
}

/// The one line a successful run prints.
enum Summary {
  static func line(_ r: RunReport, reportFolder: String) -> String {
    let reasons = r.counts.rejectedByReason.sorted { $0.key < $1.key }.map {
      "\($0.key) \($0.value)"
    }
    let rejected = reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))"
    let seconds = String(format: "%.2f", r.seconds)
    let rate = String(format: "%.1f", r.throughput)
    return
      "winnow: \(r.counts.articles) articles → \(r.counts.clean) clean, \(r.counts.rejected) rejected"
      + "\(rejected) in \(seconds) s (\(rate) MB/s); report \(reportFolder)/report.md"
  }
}
