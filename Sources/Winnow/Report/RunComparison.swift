/// What changed between two runs: the figures the report's top shows against the previous
/// run, and the longer list `winnow report --compare A B` prints.
public enum RunComparison {
  /// One figure in two runs; a side is nil where its report lacks the figure.
  public struct Change: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case count, bytes, seconds, rate, share }
    public var name: String
    public var kind: Kind
    public var old: Double?
    public var new: Double?

    /// "↑ 5 (+33.3%)", "↓ 0.12 s (−10.0%)", "↑ 2.0 pp", "=" or "new"/"gone".
    public var delta: String {
      guard let old, let new else { return old == nil ? "new" : "gone" }
      let change = new - old
      if RunComparison.format(abs(change), kind) == RunComparison.format(0, kind) { return "=" }
      let arrow = change > 0 ? "↑" : "↓"
      if kind == .share { return "\(arrow) \(MarkdownReport.fixed(abs(change) * 100, 1)) pp" }
      let magnitude = RunComparison.format(abs(change), kind)
      guard old != 0 else { return "\(arrow) \(magnitude)" }
      let sign = change > 0 ? "+" : "−"
      return "\(arrow) \(magnitude) (\(sign)\(MarkdownReport.fixed(abs(change / old) * 100, 1))%)"
    }

    public var oldText: String { old.map { RunComparison.format($0, kind) } ?? "–" }
    public var newText: String { new.map { RunComparison.format($0, kind) } ?? "–" }
  }

  /// The run's verdict figures: articles, kept, rejected (and by reason), duplicate rate,
  /// bytes, time, throughput.
  public static func keyFigures(from old: RunSummary?, to new: RunSummary) -> [Change] {
    var out: [Change] = [
      Change(
        name: "articles in", kind: .count, old: old.map { Double($0.counts.articles) },
        new: Double(new.counts.articles)),
      Change(
        name: "kept", kind: .count, old: old.map { Double($0.counts.clean) },
        new: Double(new.counts.clean)),
      Change(
        name: "rejected", kind: .count, old: old.map { Double($0.counts.rejected) },
        new: Double(new.counts.rejected)),
    ]
    let reasons = Set(new.counts.rejectedByReason.keys).union(
      old?.counts.rejectedByReason.keys ?? [:].keys)
    for reason in reasons.sorted() {
      out.append(
        Change(
          name: "rejected: \(reason)", kind: .count,
          old: old.map { Double($0.counts.rejectedByReason[reason] ?? 0) },
          new: Double(new.counts.rejectedByReason[reason] ?? 0)))
    }
    return out + [
      Change(name: "duplicate rate", kind: .share, old: old?.duplicateRate, new: new.duplicateRate),
      Change(
        name: "bytes in", kind: .bytes, old: old.map { Double($0.bytes.input) },
        new: Double(new.bytes.input)),
      Change(
        name: "bytes out (clean)", kind: .bytes, old: old.map { Double($0.bytes.clean) },
        new: Double(new.bytes.clean)),
      Change(
        name: "bytes out (rejected)", kind: .bytes, old: old.map { Double($0.bytes.rejected) },
        new: Double(new.bytes.rejected)),
      Change(name: "time", kind: .seconds, old: old?.seconds, new: new.seconds),
      Change(name: "throughput", kind: .rate, old: old?.throughput, new: new.throughput),
    ]
  }

  /// Stage seconds and every dedup figure, present in either run.
  public static func details(from old: RunSummary, to new: RunSummary) -> [Change] {
    let stages =
      old.stages.map(\.stage)
      + new.stages.map(\.stage).filter { stage in
        !old.stages.contains { $0.stage == stage }
      }
    var out = stages.map { stage in
      Change(
        name: "stage \(stage)", kind: .seconds,
        old: old.stages.first { $0.stage == stage }?.seconds,
        new: new.stages.first { $0.stage == stage }?.seconds)
    }
    let keys = Set(old.dedup.stats.keys).union(new.dedup.stats.keys)
    out += keys.sorted { DedupFigures.snakeCase($0) < DedupFigures.snakeCase($1) }.map { key in
      Change(
        name: "dedup \(DedupFigures.snakeCase(key))", kind: .count,
        old: old.dedup.stats[key], new: new.dedup.stats[key])
    }
    return out
  }

  /// The text `winnow report --compare A B` prints: a header, every key figure, and the
  /// details that changed.
  public static func text(from old: RunSummary, to new: RunSummary) -> String {
    var lines = [
      "winnow: \(old.runId) (finished \(old.sortKey)) → \(new.runId) (finished \(new.sortKey))"
    ]
    let details = details(from: old, to: new).filter { $0.delta != "=" }
    let rows = keyFigures(from: old, to: new) + details
    let width = rows.map(\.name.count).max() ?? 0
    for row in rows {
      let name = row.name.padding(toLength: width, withPad: " ", startingAt: 0)
      lines.append("\(name)  \(row.oldText) → \(row.newText)  \(row.delta)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A figure as the reports show it.
  public static func format(_ value: Double, _ kind: Change.Kind) -> String {
    switch kind {
    case .count:
      return value == value.rounded() ? String(Int(value)) : MarkdownReport.fixed(value, 1)
    case .bytes: return MarkdownReport.megabytes(Int(value))
    case .seconds: return MarkdownReport.fixed(value, 2) + " s"
    case .rate: return MarkdownReport.fixed(value, 2) + " MB/s"
    case .share: return MarkdownReport.percent(value)
    }
  }
}
