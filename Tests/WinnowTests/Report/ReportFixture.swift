@testable import Winnow

/// A small report with every section filled, for the view tests.
enum ReportFixture {
  static let hostile =
    "<script>document.title='pwned'</script> <img src=x onerror=\"document.title='pwned'\"> </textarea>"

  static func record(
    _ id: String, _ rejection: Rejection? = nil, chars: Int = 300, site: String = "news.example"
  )
    -> CorpusRecord
  {
    var quality = QualitySignals()
    quality.chars = chars
    quality.letterShare = 0.9
    return CorpusRecord(
      id: id, location: SourceLocation(path: "feed.jsonl", line: 1), format: .jsonl,
      encoding: .utf8,
      metadata: Metadata(title: "标题 \(id)", site: site), quality: quality, rejection: rejection,
      text: "正文")
  }

  /// A run with a kept article, a near duplicate, a quality rejection and a cluster whose
  /// texts carry `hostile` markup.
  static func report(text: String = "第一段。\n\n" + hostile + "\n\n第三段文字。") -> RunReport {
    var builder = ReportBuilder(config: ReportConfig())
    builder.add(
      record("a"),
      removed: [RemovedBlock(index: 0, block: Block(.paragraph, "扫一扫下载APP"), rule: "app_prompt")])
    var duplicate = Rejection(reason: .duplicate, message: "near duplicate of a (similarity 0.9)")
    duplicate.duplicateOf = "a"
    duplicate.similarity = 0.9
    builder.add(record("b", duplicate), removed: [])
    var quality = Rejection(reason: .quality, message: "min_chars: 3 < 50")
    quality.failures = [QualityFailure(rule: "min_chars", value: 3, threshold: 50)]
    builder.add(record("c", quality, chars: 3, site: "other.example"), removed: [])
    var keeper = RunReport.ArticleRef(id: "a", source: "feed.jsonl:1", title: hostile, chars: 300)
    keeper.text = text
    var member = RunReport.ArticleRef(
      id: "b", source: "feed.jsonl:2", title: nil, chars: 290, similarity: 0.9, exact: false)
    member.text = text.replacingOccurrences(of: "第三段", with: "第3段")
    builder.setDedup(
      stats: DedupStats(
        bands: 14, rows: 9, candidatePairs: 1, verifiedPairs: 1, clusters: 1, duplicates: 1),
      clusters: [RunReport.Cluster(keeper: keeper, members: [member])], total: 1,
      similarities: [member.similarity ?? 1])
    return builder.finish { r in
      r.runId = "run-2"
      r.startedAt = "2026-11-22T01:00:00Z"
      r.finishedAt = "2026-11-22T01:00:10Z"
      r.seconds = 10
      r.counts = Manifest.Counts(
        articles: 3, clean: 1, rejected: 2, rejectedByReason: ["duplicate": 1, "quality": 1])
      r.bytes.input = 5_000_000
      r.stages = [RunReport.StageTiming(stage: "read", seconds: 1.5, articles: 3, mbPerSecond: 3.3)]
    }
  }
}
