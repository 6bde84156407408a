import Foundation

/// The stages of a run, in order (docs/stages.md). A run is these stages with
/// files between them in a work folder, so the same code runs in one process
/// (`winnow run`) or as shards on a cluster (`winnow stage …`, deploy/slurm).
public enum Stage: String, Sendable, CaseIterable, Codable {
  /// Per shard: read → extract → clean by local rules; block counts per site.
  case clean
  /// Per shard: remove learned boilerplate → quality → fingerprint.
  case fingerprint
  /// Per band shard: candidate pairs and their verification.
  case collide
  /// Once: repeated ids, history matching, clusters → decisions.
  case cluster
  /// Per shard: records with their decisions → compressed output members.
  case write
  /// Once: part files, manifest, history, reports.
  case commit

  /// Whether the stage runs as one task per shard rather than once.
  public var isSharded: Bool { self != .cluster && self != .commit }

  /// Whether the stage normalizes text for matching (folding Traditional Chinese).
  var normalizesText: Bool { self == .clean || self == .fingerprint || self == .collide }
}

/// A run's work folder: `plan.json`, then one subfolder per stage holding each
/// task's files and its completion marker (`shard-00002.done`, or `done` for a
/// stage that runs once). A task writes its marker last, so a marker means every
/// file of that task is complete; every file is written under a temporary name
/// and renamed, so no stage ever reads a half-written file.
public struct WorkFolder: Sendable {
  public let path: String

  public init(path: String) {
    self.path = path
  }

  public var planPath: String { "\(path)/plan.json" }
  /// The block counts of earlier runs, saved by the plan for learned boilerplate.
  var historyCountsPath: String { "\(path)/history.counts" }

  func folder(_ stage: Stage) -> String { "\(path)/\(stage.rawValue)" }

  /// `WORK/clean/shard-00002.spool`; a stage that runs once names its files without a shard.
  func file(_ stage: Stage, shard: Int? = nil, _ suffix: String) -> String {
    guard let shard else { return "\(folder(stage))/\(suffix)" }
    return "\(folder(stage))/\(Self.shardName(shard)).\(suffix)"
  }

  static func shardName(_ shard: Int) -> String {
    let digits = String(shard)
    return "shard-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
  }

  func marker(_ stage: Stage, shard: Int?) -> String {
    file(stage, shard: stage.isSharded ? shard : nil, "done")
  }

  /// Removes every stage's files and the plan of an earlier run; leaves anything else
  /// (a launcher's logs) where it is.
  func clear() throws(StageError) {
    let files = FileManager.default
    for path in Stage.allCases.map(folder) + [planPath, historyCountsPath]
    where files.fileExists(atPath: path) {
      do {
        try files.removeItem(atPath: path)
      } catch {
        throw StageError(path: path, message: "cannot remove: \(error.localizedDescription)")
      }
    }
  }

  /// Creates the stage's folder and removes the task's old marker: a rerun task is
  /// not complete until it finishes again.
  func begin(_ stage: Stage, shard: Int?) throws(StageError) {
    do {
      try FileManager.default.createDirectory(
        atPath: folder(stage), withIntermediateDirectories: true)
    } catch {
      throw StageError(path: folder(stage), message: "cannot create: \(error.localizedDescription)")
    }
    unlink(marker(stage, shard: shard))
  }

  /// Writes the task's completion marker: its last act.
  func finish(_ stage: Stage, shard: Int?) throws(StageError) {
    let path = marker(stage, shard: shard)
    let temporary = "\(path).tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data()),
      rename(temporary, path) == 0
    else {
      unlink(temporary)
      throw StageError(
        path: path, message: "cannot write the completion marker: \(StageError.system())")
    }
  }

  /// The shards of `stage` (0..<shards) that have no completion marker.
  public func missing(_ stage: Stage, shards: Int) -> [Int] {
    let tasks = stage.isSharded ? Array(0..<shards) : [0]
    return tasks.filter { !FileManager.default.fileExists(atPath: marker(stage, shard: $0)) }
  }

  /// Throws unless every task of `stage` has finished.
  func requireComplete(_ stage: Stage, shards: Int) throws(StageError) {
    let missing = missing(stage, shards: shards)
    guard !missing.isEmpty else { return }
    let which =
      stage.isSharded
      ? "shards \(missing.map(String.init).joined(separator: ", ")) have no done marker"
      : "it has no done marker"
    throw StageError(
      path: folder(stage), message: "stage \(stage.rawValue) is not complete: \(which)")
  }
}

/// A stage task that cannot go on: which file or folder, and what is wrong.
public struct StageError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "\(path): \(message)" }

  static func system() -> String { String(cString: strerror(errno)) }
}
