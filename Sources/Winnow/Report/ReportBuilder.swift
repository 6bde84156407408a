/// Builds a `RunReport` as the run decides each article, so the report never
/// needs the whole corpus in memory: counts, rule and reason summaries with
/// a few examples each, and the biggest duplicate clusters.
public struct ReportBuilder: Sendable {
  private let config: ReportConfig
  private var report = RunReport()
  private var rules: [String: RunReport.RuleSummary] = [:]
  private var reasons: [String: RunReport.ReasonSummary] = [:]
  private var formats: [String: RunReport.FormatCount] = [:]
  private var qualityRules: [String: Int] = [:]
  /// Learned blocks by pattern, in `learned` order.
  private var learnedIndex: [UInt64: Int] = [:]

  public init(config: ReportConfig) {
    self.config = config
  }

  /// Counts one written record and the blocks cleaning removed from it.
  public mutating func add(_ record: CorpusRecord, removed: [RemovedBlock]) {
    let format = record.format?.rawValue ?? "unknown"
    formats[format, default: RunReport.FormatCount(format: format)].articles += 1
    if let encoding = record.encoding { report.encodings[encoding.rawValue, default: 0] += 1 }
    for block in removed { addRemoved(block) }
    guard let rejection = record.rejection else {
      formats[format]?.clean += 1
      return
    }
    for failure in rejection.failures { qualityRules[failure.rule, default: 0] += 1 }
    let reason = rejection.reason.rawValue
    var summary = reasons[reason] ?? RunReport.ReasonSummary(reason: reason)
    summary.count += 1
    if summary.examples.count < config.examplesPerReason {
      summary.examples.append(
        RunReport.Example(
          id: record.id, source: record.location.description, message: rejection.message))
    }
    reasons[reason] = summary
  }

  /// Lists the run's learned boilerplate; examples and block counts come as records are added.
  public mutating func setLearned(_ learned: LearnedBoilerplate) {
    report.learnedBoilerplate = learned.entries.map {
      RunReport.LearnedBlock(
        site: $0.site, pattern: PatternID.string($0.pattern), articles: $0.articles)
    }
    learnedIndex = [:]
    for (i, entry) in learned.entries.enumerated() where learnedIndex[entry.pattern] == nil {
      learnedIndex[entry.pattern] = i
    }
  }

  private mutating func addRemoved(_ removed: RemovedBlock) {
    if let pattern = removed.pattern, let i = learnedIndex[pattern] {
      report.learnedBoilerplate[i].blocks += 1
      if report.learnedBoilerplate[i].example.isEmpty {
        report.learnedBoilerplate[i].example = excerpt(removed.block.text)
      }
    }
    var summary = rules[removed.rule] ?? RunReport.RuleSummary(rule: removed.rule)
    summary.blocks += 1
    summary.chars += removed.block.text.unicodeScalars.count
    let example = excerpt(removed.block.text)
    if summary.examples.count < config.examplesPerRule && !summary.examples.contains(example) {
      summary.examples.append(example)
    }
    rules[removed.rule] = summary
  }

  /// Records the dedup outcome: the biggest clusters in full, the rest counted.
  public mutating func setDedup(stats: DedupStats, clusters: [RunReport.Cluster]) {
    let ordered = clusters.enumerated().sorted {
      ($0.element.members.count, $1.offset) > ($1.element.members.count, $0.offset)
    }.map(\.element)
    report.dedup = RunReport.Dedup(
      stats: stats, clusters: Array(ordered.prefix(config.maxClusters)),
      clustersNotShown: max(0, ordered.count - config.maxClusters))
  }

  /// The finished report; `fill` sets the run-level fields (id, times, outputs).
  public func finish(_ fill: (inout RunReport) -> Void) -> RunReport {
    var result = report
    result.formats = formats.values.sorted { $0.format < $1.format }
    result.cleaning = rules.values.sorted { ($0.blocks, $1.rule) > ($1.blocks, $0.rule) }
    result.rejections = reasons.values.sorted { ($0.count, $1.reason) > ($1.count, $0.reason) }
    result.qualityRules = qualityRules.map {
      RunReport.QualityRuleCount(rule: $0.key, articles: $0.value)
    }
    .sorted { ($0.articles, $1.rule) > ($1.articles, $0.rule) }
    fill(&result)
    return result
  }

  /// The first `exampleChars` characters of `text`, marked with "…" when cut.
  public func excerpt(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > config.exampleChars else { return text }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars.prefix(config.exampleChars))
    return String(out) + "…"
  }
}
