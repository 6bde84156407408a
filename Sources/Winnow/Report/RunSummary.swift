import Foundation

/// The key figures of one run: what a report shows as the change against the
/// previous run and what `winnow report --compare` compares. Its JSON shape is a
/// subset of report.json's, so any report.json (schema 2 on) decodes as a summary;
/// dedup stats are a key → number map, so fields the dedup stage adds later are
/// compared without a change here.
public struct RunSummary: Sendable, Equatable, Codable {
  public struct DedupNumbers: Sendable, Equatable, Codable {
    public var stats: [String: Double] = [:]
  }

  public var runId = ""
  public var startedAt = ""
  /// Missing in reports before schema 4.
  public var finishedAt: String?
  public var seconds = 0.0
  public var counts = Manifest.Counts()
  public var bytes = RunReport.Bytes()
  public var stages: [RunReport.StageTiming] = []
  public var dedup = DedupNumbers()

  public init() {}

  /// When the run ended, or for older reports when it started: the order runs are compared in.
  public var sortKey: String { finishedAt ?? startedAt }

  /// Input megabytes per second over the whole run.
  public var throughput: Double { seconds > 0 ? Double(bytes.input) / 1e6 / seconds : 0 }

  /// Duplicates over articles in.
  public var duplicateRate: Double {
    counts.articles > 0
      ? Double(counts.rejectedByReason["duplicate"] ?? 0) / Double(counts.articles) : 0
  }

  /// Reads the summary of the report.json in `folder` (or the file itself).
  public static func read(from path: String) throws -> RunSummary {
    let file = path.hasSuffix(".json") ? path : "\(path)/report.json"
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(
      RunSummary.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
  }
}

extension RunReport {
  /// The key figures of this run.
  public var summary: RunSummary {
    var s = RunSummary()
    s.runId = runId
    s.startedAt = startedAt
    s.finishedAt = finishedAt.isEmpty ? nil : finishedAt
    s.seconds = seconds
    s.counts = counts
    s.bytes = bytes
    s.stages = stages
    s.dedup.stats = Dictionary(uniqueKeysWithValues: DedupFigures.numbers(dedup.stats))
    return s
  }
}

/// `DedupStats` as named numbers, found by encoding it: the views list every field,
/// including fields added after this code was written.
public enum DedupFigures {
  /// Every numeric field as (snake_case key, value), sorted by key.
  public static func numbers(_ stats: DedupStats) -> [(key: String, value: Double)] {
    guard let data = try? JSONEncoder().encode(stats),
      let fields = try? JSONDecoder().decode([String: Number].self, from: data)
    else { return [] }
    return fields.compactMap { key, field in field.value.map { (snakeCase(key), $0) } }
      .sorted { $0.key < $1.key }
  }

  /// A JSON value read as a number when it is one (a field that is not stays out).
  private struct Number: Decodable {
    var value: Double?
    init(from decoder: Decoder) throws {
      value = try? decoder.singleValueContainer().decode(Double.self)
    }
  }

  /// `exactPairs` → `exact_pairs`; snake_case stays as it is.
  public static func snakeCase(_ key: String) -> String {
    var out = ""
    for c in key {
      if c.isUppercase {
        if !out.isEmpty { out.append("_") }
        out += c.lowercased()
      } else {
        out.append(c)
      }
    }
    return out
  }
}
