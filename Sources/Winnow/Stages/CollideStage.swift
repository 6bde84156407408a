/// Stage 3, per band shard: shard I of N takes the LSH bands b with b mod N = I
/// (shard 0 also the identical copies and containment), finds their candidate
/// pairs and verifies each, reading texts back for the exact check. A pair is
/// found only in the first band where its keys agree, so the shards' pairs are
/// disjoint and together those of a one-process run. Writes `shard-N.pairs`.
struct CollideStage {
  static let kind = "pairs"
  let plan: RunPlan
  let work: WorkFolder
  let jobs: Int
  let loaded: LoadedArticles

  func run(shard: Int) throws {
    try work.requireComplete(.fingerprint, shards: plan.shards)
    var stats = TaskStats()
    try stats.times.measure("dedup", articles: 0) { () throws in try collide(shard: shard) }
    try stats.write(to: work.file(.collide, shard: shard, "stats.json"))
  }

  private func collide(shard: Int) throws {
    let deduplicator = plan.deduplicator
    let articles = try loaded.articles {
      try RunArticles(plan, work, parameters: deduplicator.parameters, jobs: jobs)
    }
    let fingerprinter = Fingerprinter(config: plan.config.fingerprint)
    let bands = stride(from: shard, to: deduplicator.parameters.bands, by: plan.shards)
    let failure = FirstFailure()
    let found = deduplicator.pairs(
      articles.items, articles.signatures, bands: bands, withCopies: shard == 0, jobs: jobs
    ) { fingerprinter.shingleSet(articles.matchText(ofItem: $0, failure: failure)) }
    try failure.check()
    try found.write(to: work.file(.collide, shard: shard, "pairs"), plan)
  }
}

extension FoundPairs {
  /// One record of counts, then one per pair.
  func write(to path: String, _ plan: RunPlan) throws {
    let file = try plan.writer(path, kind: CollideStage.kind)
    var head = BinaryWriter()
    for count in [
      candidates, containmentCandidates, signatureRejected, exactChecked, exactRejected,
    ] {
      head.write(count)
    }
    file.append(head.bytes)
    for pair in pairs {
      var out = BinaryWriter()
      out.write(pair.first)
      out.write(pair.second)
      out.write(pair.similarity)
      out.write(pair.measure.rawValue)
      file.append(out.bytes)
    }
    try file.commit()
  }

  static func load(_ path: String, _ plan: RunPlan) throws -> FoundPairs {
    let file = try plan.reader(path, kind: CollideStage.kind)
    var found = FoundPairs()
    var first = true
    try file.forEachRecord { bytes in
      var input = BinaryReader(bytes)
      if first {
        first = false
        found.candidates = try input.read(Int.self)
        found.containmentCandidates = try input.read(Int.self)
        found.signatureRejected = try input.read(Int.self)
        found.exactChecked = try input.read(Int.self)
        found.exactRejected = try input.read(Int.self)
        return
      }
      let (a, b) = (try input.read(Int.self), try input.read(Int.self))
      let similarity = try input.read(Double.self)
      guard let measure = DuplicateCluster.Measure(rawValue: try input.read(String.self)) else {
        throw StageError(path: path, message: "a pair has an unknown measure")
      }
      found.pairs.append(
        VerifiedPair(first: a, second: b, similarity: similarity, measure: measure))
    }
    return found
  }
}
