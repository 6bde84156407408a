import Foundation

/// The dedup stage inside a run: builds the items from the articles still in the
/// running, matches them with each other and, with a history, with the articles
/// earlier runs kept; then marks every duplicate rejected and says what the run
/// adds to the history.
struct DedupStep {
  let config: Config
  let jobs: Int
  let pairsOutput: String?
  /// The history and this run's id and start, when the run has a history.
  let history: (store: HistoryStore, runId: String, started: Date)?

  struct Outcome {
    var stats: DedupStats
    var clusters: [RunReport.Cluster]
    /// What the history records once the outputs are committed.
    var kept: [KeptArticle]
    var superseded: [Int64]
    var bands: LSHParameters
  }

  func apply(to articles: inout [ProcessedArticle]) throws -> Outcome {
    let candidates = articles.indices.filter {
      !articles[$0].isRejected && articles[$0].fingerprint != nil
    }
    let items = candidates.compactMap { i in
      articles[i].fingerprint.map {
        DedupItem(fingerprint: $0, bodyLength: articles[i].record.quality?.chars ?? 0)
      }
    }
    let deduplicator = Deduplicator(
      config: config.dedup, signatureLength: config.fingerprint.signatureLength)
    let earlier = try matchHistory(items, deduplicator)
    let fingerprinter = Fingerprinter(config: config.fingerprint)
    // A copy that shares the strings: the closure reads them while `articles` changes below.
    let texts = articles
    let result = deduplicator.run(items, jobs: jobs, earlier: earlier) {
      fingerprinter.shingleSet(texts[candidates[$0]].matchText)
    }
    if let pairsOutput {
      try PairsFile.write(result.pairs, ids: { texts[candidates[$0]].record.id }, to: pairsOutput)
    }
    let clusters = reject(result, &articles, candidates)
    let kept =
      history == nil
      ? []
      : candidates.filter { !articles[$0].isRejected }.compactMap { index in
        keptArticle(articles[index], deduplicator)
      }
    return Outcome(
      stats: result.stats, clusters: clusters, kept: kept, superseded: result.superseded,
      bands: deduplicator.parameters)
  }

  /// The history's earlier articles that `items` collide with, fetched; nil without a history.
  private func matchHistory(_ items: [DedupItem], _ deduplicator: Deduplicator) throws
    -> EarlierContext?
  {
    guard let history else { return nil }
    let since =
      config.history.windowDays == 0
      ? ""
      : ISO8601DateFormatter().string(
        from: history.started.addingTimeInterval(-Double(config.history.windowDays) * 86_400))
    let index = try history.store.earlierIndex(
      excludingRun: history.runId, since: since, fingerprint: config.fingerprint.historyKey,
      bands: deduplicator.parameters, keys: deduplicator.bandKeys(of:))
    let collisions = deduplicator.collide(items, with: index)
    let articles = try history.store.earlierArticles(rows: collisions.rows)
    return EarlierContext(collisions: collisions, articles: articles, policy: config.history.keep)
  }

  /// Rejects every cluster member and every duplicate of an earlier article;
  /// returns the clusters as the report lists them.
  private func reject(
    _ result: DedupResult, _ articles: inout [ProcessedArticle], _ candidates: [Int]
  ) -> [RunReport.Cluster] {
    for duplicate in result.earlierDuplicates {
      articles[candidates[duplicate.item]].record.rejection = .duplicate(
        ofEarlier: duplicate.earlier, similarity: duplicate.similarity, measure: duplicate.measure)
    }
    return result.clusters.map { cluster in
      let keeper = candidates[cluster.keeper]
      let members = cluster.members.map { member in
        let index = candidates[member.index]
        articles[index].record.rejection = .duplicate(of: articles[keeper].record.id, member)
        return Self.reference(articles[index], member: member)
      }
      return RunReport.Cluster(keeper: Self.reference(articles[keeper]), members: members)
    }
  }

  private func keptArticle(_ article: ProcessedArticle, _ deduplicator: Deduplicator)
    -> KeptArticle?
  {
    guard let print = article.fingerprint else { return nil }
    let record = article.record
    return KeptArticle(
      id: record.id,
      site: BoilerplateCounts.site(metadata: record.metadata, location: record.location),
      date: record.metadata.date, contentHash: print.contentHash, shingleCount: print.shingleCount,
      signature: print.signature, bandKeys: deduplicator.bandKeys(of: print.signature))
  }

  /// The report's view of a keeper (no `member`) or a member, text included: the report
  /// keeps the texts of the clusters it shows in full only.
  static func reference(_ a: ProcessedArticle, member: DuplicateCluster.Member? = nil)
    -> RunReport.ArticleRef
  {
    RunReport.ArticleRef(
      id: a.record.id, source: a.record.location.description, title: a.record.metadata.title,
      chars: a.record.quality?.chars ?? 0, similarity: member?.similarity, exact: member?.exact,
      measure: member?.measure.rawValue,
      site: BoilerplateCounts.site(metadata: a.record.metadata, location: a.record.location),
      date: a.record.metadata.date, text: a.record.text)
  }
}
