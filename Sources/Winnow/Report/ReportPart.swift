/// What a `ReportBuilder` counted of the records it was given, as a value: each write
/// shard counts its own records and saves its part, and the commit stage adds the
/// parts up in shard order (`ReportBuilder.merge`), so no stage reads every article
/// again for the report.
///
/// Examples are kept in order up to the configured count; merged in shard order
/// they are the first ones of the run, as one builder would have kept them (the
/// examples of a rule, distinct ones only, may differ where a later shard's first
/// examples repeat an earlier shard's).
struct ReportPart: Sendable, Codable {
  var formats: [String: RunReport.FormatCount] = [:]
  var encodings: [String: Int] = [:]
  /// Each quality histogram's counts, in `HistogramCounter` order.
  var signalCounts: [[Int]] = []
  var sites: [String: RunReport.SiteRow] = [:]
  /// Body characters of kept articles per site, for the mean.
  var keptChars: [String: Int] = [:]
  var rules: [String: RunReport.RuleSummary] = [:]
  var reasons: [String: RunReport.ReasonSummary] = [:]
  var qualityRules: [String: Int] = [:]
  /// Blocks removed and the first example, per learned block (its index in the run's list).
  var learnedBlocks: [Int] = []
  var learnedExamples: [String] = []
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
