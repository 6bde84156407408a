/// A quality rule an article failed, with the value that failed it.
public struct QualityFailure: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The configuration key of the threshold, e.g. `min_chars`.
  public var rule: String
  public var value: Double
  public var threshold: Double
  /// What failed, for a yes/no rule whose value and threshold say little (`script japanese`).
  public var note: String?

  public init(rule: String, value: Double, threshold: Double, note: String? = nil) {
    self.rule = rule
    self.value = value
    self.threshold = threshold
    self.note = note
  }

  /// "min_chars: 12 < 50", "max_punctuation_share: 0.412 > 0.3", "allowed_scripts: script japanese".
  public var description: String {
    if let note { return "\(rule): \(note)" }
    return
      "\(rule): \(Self.number(value)) \(rule.hasPrefix("min_") ? "<" : ">") \(Self.number(threshold))"
  }

  /// Whole numbers as integers, shares to three decimals.
  private static func number(_ value: Double) -> String {
    guard value != value.rounded() || abs(value) >= 1e15 else { return String(Int(value)) }
    return String(value.rounded(toPlaces: 3))
  }
}

/// The Quality stage's verdict on one article.
public struct QualityReport: Sendable, Hashable {
  public var signals: QualitySignals
  /// Every rule that failed; empty means the article passes.
  public var failures: [QualityFailure]

  public var passed: Bool { failures.isEmpty }
}

/// The Quality stage: measures a clean body and applies the configured thresholds.
public struct QualityJudge: Sendable {
  private let config: QualityConfig

  public init(config: QualityConfig) {
    self.config = config
  }

  /// Judges a cleaned article; its removed blocks give the boilerplate share.
  public func judge(_ cleaned: Cleaned) -> QualityReport {
    var removed = 0
    for block in cleaned.removed { removed += QualitySignals.countChars(block.block.text) }
    return judge(body: cleaned.body, removedChars: removed)
  }

  public func judge(body: String, removedChars: Int = 0) -> QualityReport {
    let signals = QualitySignals(body: body, removedChars: removedChars)
    return QualityReport(signals: signals, failures: failures(signals))
  }

  /// Every rule checks its own signal, so the report names all that failed, not only the
  /// first. A rule at its off value (a maximum of 1, a minimum of 0) never fires.
  func failures(_ s: QualitySignals) -> [QualityFailure] {
    var rules = QualityRules()
    rules.below("min_chars", Double(s.chars), Double(config.minChars))
    guard s.chars > 0 else { return rules.failed }
    characterRules(s, &rules)
    repetitionRules(s, &rules)
    rules.above("max_boilerplate_share", s.boilerplateShare, config.maxBoilerplateShare)
    if !config.allowedScripts.contains(s.script) {
      rules.failed.append(
        QualityFailure(
          rule: "allowed_scripts", value: 1, threshold: 0, note: "script \(s.script.rawValue)"))
    }
    if config.rejectTruncated && s.truncated {
      rules.failed.append(
        QualityFailure(
          rule: "reject_truncated", value: 1, threshold: 0, note: "the text ends mid-sentence"))
    }
    return rules.failed
  }

  private func characterRules(_ s: QualitySignals, _ rules: inout QualityRules) {
    rules.above("max_punctuation_share", s.punctuationShare, config.maxPunctuationShare)
    rules.above("max_symbol_share", s.symbolShare, config.maxSymbolShare)
    rules.above("max_replacement_share", s.replacementShare, config.maxReplacementShare)
    rules.above("max_mojibake_share", s.mojibakeShare, config.maxMojibakeShare)
    rules.above("max_markup_share", s.markupShare, config.maxMarkupShare)
    rules.below("min_letter_share", s.letterShare, config.minLetterShare)
    if config.minCJKShare > 0 { rules.below("min_cjk_share", s.cjkShare, config.minCJKShare) }
  }

  private func repetitionRules(_ s: QualitySignals, _ rules: inout QualityRules) {
    rules.above("max_duplicate_line_share", s.duplicateLineShare, config.maxDuplicateLineShare)
    rules.above(
      "max_duplicate_paragraph_share", s.duplicateParagraphShare,
      config.maxDuplicateParagraphShare)
    for (rule, value) in zip(config.topNgramRules, s.topNgramShares) {
      rules.above(rule.key.rawValue, value, rule.threshold)
    }
    for (rule, value) in zip(config.duplicateNgramRules, s.duplicateNgramShares) {
      rules.above(rule.key.rawValue, value, rule.threshold)
    }
  }
}

/// The failures collected while the rules run.
struct QualityRules {
  var failed: [QualityFailure] = []

  mutating func below(_ rule: String, _ value: Double, _ threshold: Double) {
    if value < threshold {
      failed.append(QualityFailure(rule: rule, value: value, threshold: threshold))
    }
  }

  mutating func above(_ rule: String, _ value: Double, _ threshold: Double) {
    if value > threshold {
      failed.append(QualityFailure(rule: rule, value: value, threshold: threshold))
    }
  }
}
