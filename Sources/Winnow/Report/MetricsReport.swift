import Foundation

/// Renders a `RunReport` as `metrics.prom`, the Prometheus text exposition format for
/// node_exporter's textfile collector, so a bad night can raise an alert. Counters
/// (`_total`) count the run the file describes: each run replaces the file, which
/// Prometheus reads as a counter reset. Check it with `promtool check metrics`.
public enum MetricsReport {
  public static func render(_ r: RunReport) -> String {
    var out: [String] = []
    out += family(
      "winnow_articles_total", "counter", "Articles read by the last run, by decision.",
      [
        (["decision": "kept"], Double(r.counts.clean)),
        (["decision": "rejected"], Double(r.counts.rejected)),
      ])
    out += family(
      "winnow_rejected_articles_total", "counter", "Articles the last run rejected, by reason.",
      r.counts.rejectedByReason.sorted { $0.key < $1.key }.map {
        (["reason": $0.key], Double($0.value))
      })
    out += family(
      "winnow_quality_rule_failures_total", "counter",
      "Articles failing each quality rule in the last run (an article may fail several).",
      r.qualityRules.map { (["rule": $0.rule], Double($0.articles)) })
    out += family(
      "winnow_removed_blocks_total", "counter", "Blocks cleaning removed in the last run, by rule.",
      r.cleaning.map { (["rule": $0.rule], Double($0.blocks)) })
    out += stageFamilies(r)
    out += family(
      "winnow_bytes_total", "counter",
      "Bytes the last run read (after decompression) and wrote (gzip), by kind.",
      [
        (["kind": "input"], Double(r.bytes.input)), (["kind": "clean"], Double(r.bytes.clean)),
        (["kind": "rejected"], Double(r.bytes.rejected)),
      ])
    out += family(
      "winnow_dedup", "gauge", "Dedup figures of the last run (LSH shape, pairs, clusters).",
      DedupFigures.numbers(r.dedup.stats).map { (["figure": $0.key], $0.value) })
    out += family(
      "winnow_run_duration_seconds", "gauge", "Wall-clock seconds of the last run.",
      [([:], r.seconds)])
    out += family(
      "winnow_throughput_bytes_per_second", "gauge",
      "Input bytes per wall-clock second of the last run.", [([:], r.throughput * 1e6)])
    out += family(
      "winnow_run_info", "gauge", "The last run's id and Winnow version (always 1).",
      [(["run_id": r.runId, "version": r.version], 1)])
    out += family(
      "winnow_last_success_timestamp_seconds", "gauge",
      "Unix time at which the last successful run finished.", [([:], finishTime(r))])
    return out.joined(separator: "\n") + "\n"
  }

  private static func stageFamilies(_ r: RunReport) -> [String] {
    family(
      "winnow_stage_seconds_total", "counter",
      "Seconds spent per stage in the last run, summed over worker threads.",
      r.stages.map { (["stage": $0.stage], $0.seconds) })
      + family(
        "winnow_stage_articles_total", "counter", "Articles through each stage in the last run.",
        r.stages.map { (["stage": $0.stage], Double($0.articles)) })
  }

  /// `# HELP`, `# TYPE` and one sample per label set.
  static func family(
    _ name: String, _ type: String, _ help: String, _ samples: [([String: String], Double)]
  ) -> [String] {
    ["# HELP \(name) \(help)", "# TYPE \(name) \(type)"]
      + samples.map { labels, value in "\(name)\(labelText(labels)) \(number(value))" }
  }

  /// `{a="x",b="y"}`, keys sorted, values escaped as the format asks (`\\`, `\"`, `\n`).
  static func labelText(_ labels: [String: String]) -> String {
    guard !labels.isEmpty else { return "" }
    let pairs = labels.sorted { $0.key < $1.key }.map { key, value in
      let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
      return "\(key)=\"\(escaped)\""
    }
    return "{" + pairs.joined(separator: ",") + "}"
  }

  /// Integers without a decimal point, others as Swift prints a Double (Go parses both).
  static func number(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// The run's finish as Unix seconds (start + duration for reports that lack it).
  static func finishTime(_ r: RunReport) -> Double {
    let parser = ISO8601DateFormatter()
    if let end = parser.date(from: r.finishedAt) { return end.timeIntervalSince1970.rounded() }
    let start = parser.date(from: r.startedAt)?.timeIntervalSince1970 ?? 0
    return (start + r.seconds).rounded()
  }
}
