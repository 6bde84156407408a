/// Time spent per stage, summed over the articles (and threads) that went through it.
struct StageTimes: Sendable, Codable {
  /// `learn`: counting block hashes per site and removing learned boilerplate (the second
  /// half of cleaning, apart so the local rules' cost stays comparable across versions).
  static let stages = [
    "read", "extract", "clean", "learn", "quality", "fingerprint", "dedup", "write",
  ]
  private(set) var seconds: [String: Double] = [:]
  private(set) var articles: [String: Int] = [:]

  mutating func add(_ stage: String, _ duration: Duration, articles count: Int = 1) {
    seconds[stage, default: 0] += duration.inSeconds
    articles[stage, default: 0] += count
  }

  /// Runs `body`, charging its time to `stage`.
  mutating func measure<T, E: Error>(
    _ stage: String, articles count: Int = 1, _ body: () throws(E) -> T
  ) throws(E) -> T {
    let clock = ContinuousClock()
    let start = clock.now
    defer { add(stage, clock.now - start, articles: count) }
    return try body()
  }

  mutating func merge(_ other: StageTimes) {
    for (stage, s) in other.seconds { seconds[stage, default: 0] += s }
    for (stage, n) in other.articles { articles[stage, default: 0] += n }
  }

  /// One row per stage in pipeline order, with throughput over `inputBytes`.
  func timings(inputBytes: Int) -> [RunReport.StageTiming] {
    Self.stages.compactMap { stage in
      guard let s = seconds[stage] else { return nil }
      return RunReport.StageTiming(
        stage: stage, seconds: s, articles: articles[stage] ?? 0,
        mbPerSecond: s > 0 ? Double(inputBytes) / 1e6 / s : 0)
    }
  }
}
