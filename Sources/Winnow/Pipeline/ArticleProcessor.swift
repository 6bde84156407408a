/// An article on its way through the per-article stages: the record that
/// will be written (with a rejection once one is decided), the blocks
/// cleaning removed, and the fingerprint when it goes on to dedup.
struct ProcessedArticle: Sendable, Equatable {
  var record: CorpusRecord
  var removed: [RemovedBlock] = []
  var fingerprint: Fingerprint?
  var byteCount: Int

  /// The text near-duplicate matching sees (`Cleaned.matchText`).
  var matchText: String { record.matchText }

  var isRejected: Bool { record.rejection != nil }
}

/// An article between the two passes: decided already (it could not be read or
/// extracted), or cleaned by the local rules and waiting for learned boilerplate.
enum FirstPass: Sendable, Equatable {
  case decided(ProcessedArticle)
  /// `units`: the block hashes the article adds to the run's boilerplate counts.
  case cleaned(Cleaned, site: String, units: [UInt64])
}

/// Runs the per-article stages in two passes around the run-wide count of
/// boilerplate blocks: `firstPass` (extract → clean by local rules) and
/// `secondPass` (remove learned boilerplate → quality → fingerprint). Stateless
/// and `Sendable`, so batches of articles go through it on several threads.
struct ArticleProcessor: Sendable {
  let extractor: Extractor
  let cleaner: Cleaner
  let judge: QualityJudge
  let fingerprinter: Fingerprinter
  let learnedMaxChars: Int

  init(config: Config) {
    learnedMaxChars = config.clean.learnedMaxChars
    extractor = Extractor(config: config.extract)
    cleaner = Cleaner(config: config.clean)
    judge = QualityJudge(config: config.quality)
    fingerprinter = Fingerprinter(config: config.fingerprint)
  }

  func firstPass(_ result: ReadResult, times: inout StageTimes) -> FirstPass {
    switch result {
    case .failure(let failure):
      return .decided(Self.rejected(failure))
    case .document(let document):
      let article: Article
      do {
        article = try times.measure("extract") { () throws(ExtractFailure) in
          try extractor.extract(document)
        }
      } catch {
        return .decided(
          Self.rejected(document, message: "\(document.location): \(error.message)"))
      }
      let cleaned = times.measure("clean") { cleaner.clean(article) }
      let units = times.measure("learn") {
        BoilerplateCounts.units(of: cleaned, maxChars: learnedMaxChars)
      }
      return .cleaned(cleaned, site: BoilerplateCounts.site(of: article), units: units)
    }
  }

  func secondPass(_ first: FirstPass, learned: LearnedBoilerplate, times: inout StageTimes)
    -> ProcessedArticle
  {
    switch first {
    case .decided(let processed):
      return processed
    case .cleaned(let local, let site, let units):
      let cleaned = times.measure("learn", articles: 0) {
        learned.apply(to: local, site: site, units: units)
      }
      return judged(cleaned, times: &times)
    }
  }

  private func judged(_ cleaned: Cleaned, times: inout StageTimes) -> ProcessedArticle {
    let article = cleaned.article
    let body = cleaned.body
    let quality = times.measure("quality") { judge.judge(cleaned) }
    var processed = ProcessedArticle(
      record: CorpusRecord(
        id: article.id, location: article.location, format: article.format,
        encoding: article.encoding,
        metadata: article.metadata, quality: quality.signals, rejection: nil, text: body),
      removed: cleaned.removed, byteCount: article.byteCount)
    guard quality.passed else {
      var rejection = Rejection(
        reason: .quality, message: quality.failures.map(\.description).joined(separator: "; "))
      rejection.failures = quality.failures
      processed.record.rejection = rejection
      return processed
    }
    processed.record.titleFromText = cleaned.headline != nil
    processed.fingerprint = times.measure("fingerprint") {
      fingerprinter.fingerprint(cleaned.matchText)
    }
    return processed
  }

  static func rejected(_ failure: ReadFailure) -> ProcessedArticle {
    let rejection = Rejection(reason: .readError, message: failure.description)
    return ProcessedArticle(
      record: CorpusRecord(
        id: failure.id, location: failure.location, format: failure.format,
        encoding: failure.encoding,
        metadata: Metadata(),
        quality: nil, rejection: rejection, text: failure.content),
      byteCount: failure.byteCount)
  }

  static func rejected(_ document: RawDocument, message: String) -> ProcessedArticle {
    ProcessedArticle(
      record: CorpusRecord(
        id: document.id, location: document.location, format: document.format,
        encoding: document.encoding,
        metadata: Metadata(), quality: nil,
        rejection: Rejection(reason: .extractError, message: message),
        text: document.content),
      byteCount: document.byteCount)
  }
}
