/// Builds a `RunReport` as the run decides each article, so the report never
/// needs the whole corpus in memory: counts, rule and reason summaries with
/// a few examples each, histograms, per-site rows and the biggest duplicate clusters.
public struct ReportBuilder: Sendable {
  private let config: ReportConfig
  private var histograms: HistogramCounter
  /// The per-record counts (`ReportPart`), apart from the histograms and learned blocks.
  private var tally = ReportPart()
  private var report = RunReport()
  /// Learned blocks by pattern, in `learned` order.
  private var learnedIndex: [UInt64: Int] = [:]

  /// `quality` and `dedupThreshold` give the thresholds drawn on the histograms.
  public init(
    config: ReportConfig, quality: QualityConfig = QualityConfig(), dedupThreshold: Double = 0.8
  ) {
    self.config = config
    histograms = HistogramCounter(quality: quality, dedupThreshold: dedupThreshold)
  }

  /// Counts one written record and the blocks cleaning removed from it.
  public mutating func add(_ record: CorpusRecord, removed: [RemovedBlock]) {
    let format = record.format?.rawValue ?? "unknown"
    tally.formats[format, default: RunReport.FormatCount(format: format)].articles += 1
    if let encoding = record.encoding { tally.encodings[encoding.rawValue, default: 0] += 1 }
    for block in removed { addRemoved(block) }
    if let quality = record.quality { histograms.add(quality) }
    addSite(record)
    guard let rejection = record.rejection else {
      tally.formats[format]?.clean += 1
      return
    }
    for failure in rejection.failures { tally.qualityRules[failure.rule, default: 0] += 1 }
    addRejected(record, rejection)
  }

  private mutating func addRejected(_ record: CorpusRecord, _ rejection: Rejection) {
    let reason = rejection.reason.rawValue
    var summary = tally.reasons[reason] ?? RunReport.ReasonSummary(reason: reason)
    summary.count += 1
    if summary.examples.count < config.examplesPerReason {
      summary.examples.append(
        RunReport.Example(
          id: record.id, source: record.location.description, message: rejection.message,
          title: record.metadata.title,
          failures: rejection.failures.isEmpty ? nil : rejection.failures))
    }
    tally.reasons[reason] = summary
  }

  /// Counts the record in its site's row (site as learned boilerplate counts it).
  private mutating func addSite(_ record: CorpusRecord) {
    let site = BoilerplateCounts.site(metadata: record.metadata, location: record.location)
    var row = tally.sites[site] ?? RunReport.SiteRow(site: site)
    row.articles += 1
    let reason = record.rejection?.reason
    if reason == nil {
      row.clean += 1
      tally.keptChars[site, default: 0] += record.quality?.chars ?? 0
    }
    if reason == .duplicate { row.duplicates += 1 }
    if record.quality != nil {
      row.judged += 1
      if reason != .quality { row.qualityPassed += 1 }
    }
    tally.sites[site] = row
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
    var summary = tally.rules[removed.rule] ?? RunReport.RuleSummary(rule: removed.rule)
    summary.blocks += 1
    summary.chars += removed.block.text.unicodeScalars.count
    let example = excerpt(removed.block.text)
    if summary.examples.count < config.examplesPerRule && !summary.examples.contains(example) {
      summary.examples.append(example)
    }
    tally.rules[removed.rule] = summary
  }

  /// The order in which the report lists clusters of `sizes` members: biggest first,
  /// the earlier among equals.
  public static func listOrder(_ sizes: [Int]) -> [Int] {
    sizes.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
  }

  /// Records the dedup outcome: every pair's similarity in the histogram; the biggest
  /// clusters (`clusters`, in `listOrder`, at most `maxClusters` of the `total`), the
  /// first `maxClustersInFull` with their texts.
  public mutating func setDedup(
    stats: DedupStats, clusters: [RunReport.Cluster], total: Int, similarities: [Double]
  ) {
    for similarity in similarities { histograms.addPair(similarity: similarity) }
    let listed = clusters.prefix(config.maxClusters).enumerated().map { n, cluster in
      trimmed(cluster, withTexts: n < config.maxClustersInFull)
    }
    report.dedup = RunReport.Dedup(
      stats: stats, clusters: listed, clustersNotShown: max(0, total - listed.count))
  }

  /// The cluster with at most `maxMembers` members, texts cut or dropped.
  private func trimmed(_ cluster: RunReport.Cluster, withTexts: Bool) -> RunReport.Cluster {
    var out = cluster
    out.members = Array(cluster.members.prefix(config.maxMembers))
    out.membersNotShown = cluster.membersNotShown + cluster.members.count - out.members.count
    let cut = { (ref: RunReport.ArticleRef) -> RunReport.ArticleRef in
      var ref = ref
      ref.text =
        withTexts ? ref.text.map { self.excerpt($0, limit: self.config.textCharsInFull) } : nil
      return ref
    }
    out.keeper = cut(out.keeper)
    out.members = out.members.map(cut)
    return out
  }

  /// The finished report; `fill` sets the run-level fields (id, times, outputs).
  public func finish(_ fill: (inout RunReport) -> Void) -> RunReport {
    var result = report
    result.formats = tally.formats.values.sorted { $0.format < $1.format }
    result.encodings = tally.encodings
    result.cleaning = tally.rules.values.sorted { ($0.blocks, $1.rule) > ($1.blocks, $0.rule) }
    result.rejections = tally.reasons.values.sorted {
      ($0.count, $1.reason) > ($1.count, $0.reason)
    }
    result.qualityRules = tally.qualityRules.map {
      RunReport.QualityRuleCount(rule: $0.key, articles: $0.value)
    }
    .sorted { ($0.articles, $1.rule) > ($1.articles, $0.rule) }
    result.histograms = histograms.histograms
    let rows = siteRows()
    result.sites = Array(rows.prefix(config.maxSites))
    result.sitesNotShown = rows.count - result.sites.count
    fill(&result)
    return result
  }

  /// Site rows, most articles first, with the kept articles' mean length.
  private func siteRows() -> [RunReport.SiteRow] {
    tally.sites.values.map { row in
      var row = row
      row.meanChars =
        row.clean > 0
        ? (Double(tally.keptChars[row.site] ?? 0) / Double(row.clean)).rounded(toPlaces: 1) : 0
      return row
    }
    .sorted { ($0.articles, $1.site) > ($1.articles, $0.site) }
  }

  /// The first `exampleChars` characters of `text`, marked with "…" when cut.
  public func excerpt(_ text: String) -> String { excerpt(text, limit: config.exampleChars) }

  /// The first `limit` Unicode scalars of `text`, marked with "…" when cut.
  func excerpt(_ text: String, limit: Int) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > limit else { return text }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars.prefix(limit))
    return String(out) + "…"
  }
}

extension ReportBuilder {
  /// What this builder counted, to merge into another.
  var part: ReportPart {
    var part = tally
    part.signalCounts = histograms.signalCounts
    part.learnedBlocks = report.learnedBoilerplate.map(\.blocks)
    part.learnedExamples = report.learnedBoilerplate.map(\.example)
    return part
  }

  /// Adds a part counted by a builder with the same configuration and learned blocks.
  mutating func merge(_ part: ReportPart) {
    tally.formats.merge(part.formats) { a, b in
      RunReport.FormatCount(
        format: a.format, articles: a.articles + b.articles, clean: a.clean + b.clean)
    }
    tally.encodings.merge(part.encodings, uniquingKeysWith: +)
    histograms.add(signalCounts: part.signalCounts)
    tally.sites.merge(part.sites) { a, b in
      var row = a
      row.articles += b.articles
      row.clean += b.clean
      row.duplicates += b.duplicates
      row.judged += b.judged
      row.qualityPassed += b.qualityPassed
      return row
    }
    tally.keptChars.merge(part.keptChars, uniquingKeysWith: +)
    let perRule = config.examplesPerRule
    tally.rules.merge(part.rules) { a, b in
      var rule = a
      rule.blocks += b.blocks
      rule.chars += b.chars
      for example in b.examples where rule.examples.count < perRule {
        if !rule.examples.contains(example) { rule.examples.append(example) }
      }
      return rule
    }
    let perReason = config.examplesPerReason
    tally.reasons.merge(part.reasons) { a, b in
      var reason = a
      reason.count += b.count
      reason.examples += b.examples.prefix(max(0, perReason - a.examples.count))
      return reason
    }
    tally.qualityRules.merge(part.qualityRules, uniquingKeysWith: +)
    for (i, blocks) in part.learnedBlocks.enumerated() where i < report.learnedBoilerplate.count {
      report.learnedBoilerplate[i].blocks += blocks
      if report.learnedBoilerplate[i].example.isEmpty {
        report.learnedBoilerplate[i].example = part.learnedExamples[i]
      }
    }
  }
}
