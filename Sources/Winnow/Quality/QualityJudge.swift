/// A quality rule an article failed, with the value that failed it.
public struct QualityFailure: Sendable, Hashable, Codable {
  /// The configuration key of the threshold, e.g. `min_chars`.
  public var rule: String
  public var value: Double
  public var threshold: Double

  public init(rule: String, value: Double, threshold: Double) {
    self.rule = rule
    self.value = value
    self.threshold = threshold
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

  /// Judges a cleaned article; its removed blocks are there for signals about what cleaning took.
  public func judge(_ cleaned: Cleaned) -> QualityReport {
    judge(body: cleaned.body)
  }

  public func judge(body: String) -> QualityReport {
    let signals = QualitySignals(body: body)
    return QualityReport(signals: signals, failures: failures(signals))
  }

  /// Every rule checks its own signal, so the report names all that failed, not only the first.
  func failures(_ s: QualitySignals) -> [QualityFailure] {
    var failed: [QualityFailure] = []
    func below(_ rule: String, _ value: Double, _ threshold: Double) {
      if value < threshold {
        failed.append(QualityFailure(rule: rule, value: value, threshold: threshold))
      }
    }
    func above(_ rule: String, _ value: Double, _ threshold: Double) {
      if value > threshold {
        failed.append(QualityFailure(rule: rule, value: value, threshold: threshold))
      }
    }
    below("min_chars", Double(s.chars), Double(config.minChars))
    guard s.chars > 0 else { return failed }
    above("max_punctuation_share", s.punctuationShare, config.maxPunctuationShare)
    above("max_replacement_share", s.replacementShare, config.maxReplacementShare)
    below("min_letter_share", s.letterShare, config.minLetterShare)
    if config.minCJKShare > 0 { below("min_cjk_share", s.cjkShare, config.minCJKShare) }
    return failed
  }
}
