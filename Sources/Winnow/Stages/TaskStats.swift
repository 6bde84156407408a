import Foundation

/// A small JSON file a task leaves beside its work files (figures, summaries), written
/// whole under a temporary name and renamed.
protocol TaskJSON: Codable {}

extension TaskJSON {
  func write(to path: String) throws(StageError) {
    do {
      try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw StageError(path: path, message: "cannot write: \(error.localizedDescription)")
    }
  }

  static func load(_ path: String) throws(StageError) -> Self {
    do {
      return try JSONDecoder().decode(Self.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw StageError(path: path, message: "cannot read the task's figures: \(error)")
    }
  }
}

/// What one stage task did, kept beside its outputs (`shard-00002.stats.json`) so
/// the commit stage can sum every task's figures into the run's report.
struct TaskStats: Sendable, TaskJSON {
  var times = StageTimes()
  /// Articles the task handled, and per piece of its shard (clean and fingerprint).
  var articles = 0
  var pieceArticles: [Int] = []
}
