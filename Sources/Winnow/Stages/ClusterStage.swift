import Foundation

/// Stage 4, once: rejects repeated ids, matches the run against the history's
/// kept articles, joins every shard's pairs into clusters and decides which
/// article of each is kept. Writes the decisions (`decisions`: one rejection per
/// article that dedup removes, by ordinal) and what the report and the history
/// need (`summary.json`), and the pairs file when the run asked for one.
struct ClusterStage {
  static let decisionsKind = "decisions"
  let plan: RunPlan
  let work: WorkFolder
  let jobs: Int
  let loaded: LoadedArticles

  func run(history: HistoryStore?) throws {
    try work.requireComplete(.collide, shards: plan.shards)
    var stats = TaskStats()
    try stats.times.measure("dedup", articles: 0) { () throws in try cluster(history) }
    try stats.write(to: work.file(.cluster, "stats.json"))
  }

  private func cluster(_ history: HistoryStore?) throws {
    let deduplicator = plan.deduplicator
    let articles = try loaded.articles {
      try RunArticles(plan, work, parameters: deduplicator.parameters, jobs: jobs)
    }
    let (ordinals, items) = (articles.ordinals, articles.items)
    var found = FoundPairs()
    for shard in 0..<plan.shards {
      found.merge(try FoundPairs.load(work.file(.collide, shard: shard, "pairs"), plan))
    }
    let earlier = try history.map {
      try HistoryMatch(plan: plan, store: $0).earlier(items, articles.signatures, deduplicator)
    }
    let result = deduplicator.cluster(items, articles.signatures, found, earlier: earlier)
    var decisions = try repeatedIdRejections(articles.repeated, articles)
    for duplicate in result.earlierDuplicates {
      decisions[ordinals[duplicate.item]] = .duplicate(
        ofEarlier: duplicate.earlier, similarity: duplicate.similarity, measure: duplicate.measure)
    }
    for cluster in result.clusters {
      let keeper = try articles.id(ordinals[cluster.keeper])
      for member in cluster.members {
        decisions[ordinals[member.index]] = .duplicate(of: keeper, member)
      }
    }
    try Self.write(decisions, to: work.file(.cluster, "decisions"), plan)
    if let path = plan.pairsOutput {
      var ids: [Int: String] = [:]
      for item in result.pairs.flatMap({ [$0.first, $0.second] }) where ids[item] == nil {
        ids[item] = try articles.id(ordinals[item])
      }
      try PairsFile.write(result.pairs, ids: { ids[$0] ?? "" }, to: path)
    }
    try summary(result, ordinals, articles, deduplicator.parameters).write(
      to: work.file(.cluster, "summary.json"))
  }

  private func repeatedIdRejections(_ repeated: [Int: Int], _ articles: RunArticles) throws
    -> [Int: Rejection]
  {
    var decisions: [Int: Rejection] = [:]
    for (ordinal, first) in repeated {
      let record = try articles.article(ordinal).record
      let earlier = try articles.article(first).record.location
      decisions[ordinal] = Rejection(
        reason: .duplicateID,
        message: "\(record.location): id \(record.id) was already used by \(earlier)")
    }
    return decisions
  }

  /// The report's clusters (the biggest `report.max_clusters`, articles read back),
  /// every member's similarity, the funnel, and the history rows superseded.
  private func summary(
    _ result: DedupResult, _ ordinals: [Int], _ articles: RunArticles, _ bands: LSHParameters
  ) throws -> ClusterSummary {
    let ordered = ReportBuilder.listOrder(result.clusters.map(\.members.count)).map {
      result.clusters[$0]
    }
    let shown = plan.config.report.maxMembers
    let listed = try ordered.prefix(plan.config.report.maxClusters).map { cluster in
      RunReport.Cluster(
        keeper: .init(try articles.article(ordinals[cluster.keeper])),
        members: try cluster.members.prefix(shown).map {
          .init(try articles.article(ordinals[$0.index]), member: $0)
        }, membersNotShown: max(0, cluster.members.count - shown))
    }
    return ClusterSummary(
      stats: result.stats, clusters: listed, clusterCount: result.clusters.count,
      similarities: result.clusters.flatMap { $0.members.map(\.similarity) },
      superseded: result.superseded, bands: bands.bands, rows: bands.rows)
  }

  static func write(_ decisions: [Int: Rejection], to path: String, _ plan: RunPlan) throws {
    let file = try plan.writer(path, kind: decisionsKind)
    for (ordinal, rejection) in decisions.sorted(by: { $0.key < $1.key }) {
      var out = BinaryWriter()
      out.write(ordinal)
      rejection.encode(to: &out)
      file.append(out.bytes)
    }
    try file.commit()
  }

  /// The decisions for shard `shard`'s articles.
  static func decisions(ofShard shard: Int, _ work: WorkFolder, _ plan: RunPlan) throws
    -> ShardDecisions
  {
    let start = try plan.firstOrdinal(of: shard, work)
    let count = try TaskStats.load(work.file(.fingerprint, shard: shard, "stats.json")).articles
    let file = try plan.reader(work.file(.cluster, "decisions"), kind: decisionsKind)
    var decisions: [Int: Rejection] = [:]
    try file.forEachRecord { bytes in
      var input = BinaryReader(bytes)
      let ordinal = try input.read(Int.self)
      guard (start..<(start + count)).contains(ordinal) else { return }
      decisions[ordinal - start] = try Rejection(from: &input)
    }
    return ShardDecisions(rejections: decisions)
  }
}

/// The cluster stage's decisions for one shard's articles, by their number in the shard.
struct ShardDecisions: Sendable {
  let rejections: [Int: Rejection]

  /// The shard's article number `index`, decoded from its record, with its decision;
  /// nil when the bytes do not decode.
  func article(_ index: Int, _ bytes: [UInt8]) -> ProcessedArticle? {
    guard var article = try? BinaryReader.decode(ProcessedArticle.self, from: bytes) else {
      return nil
    }
    if let rejection = rejections[index] { article.record.rejection = rejection }
    return article
  }
}

/// What the cluster stage tells the commit stage: the report's dedup section and
/// what the history records.
struct ClusterSummary: TaskJSON {
  var stats: DedupStats
  var clusters: [RunReport.Cluster]
  var clusterCount: Int
  var similarities: [Double]
  var superseded: [Int64]
  var bands: Int
  var rows: Int
}

extension RunReport.ArticleRef {
  /// The report's view of a keeper (no `member`) or a member, text included: the report
  /// keeps the texts of the clusters it shows in full only.
  init(_ a: ProcessedArticle, member: DuplicateCluster.Member? = nil) {
    self.init(
      id: a.record.id, source: a.record.location.description, title: a.record.metadata.title,
      chars: a.record.quality?.chars ?? 0, similarity: member?.similarity, exact: member?.exact,
      measure: member?.measure.rawValue,
      site: BoilerplateCounts.site(metadata: a.record.metadata, location: a.record.location),
      date: a.record.metadata.date, text: a.record.text)
  }
}

/// Matching a run against the history's kept articles: the earlier articles the
/// run's items collide with, fetched.
struct HistoryMatch {
  let plan: RunPlan
  let store: HistoryStore

  func earlier(
    _ items: [DedupItem], _ signatures: ItemSignatures, _ deduplicator: Deduplicator
  ) throws -> EarlierContext {
    let config = plan.config
    let since =
      config.history.windowDays == 0
      ? ""
      : ISO8601DateFormatter().string(
        from: plan.started.addingTimeInterval(-Double(config.history.windowDays) * 86_400))
    let index = try store.earlierIndex(
      excludingRun: plan.runId, since: since, fingerprint: config.fingerprint.historyKey,
      bands: deduplicator.parameters, keys: deduplicator.bandKeys(of:))
    let collisions = deduplicator.collide(items, signatures, with: index)
    let articles = try store.earlierArticles(rows: collisions.rows)
    return EarlierContext(collisions: collisions, articles: articles, policy: config.history.keep)
  }
}
