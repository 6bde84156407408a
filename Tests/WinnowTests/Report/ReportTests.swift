import Foundation
import Testing

@testable import Winnow

@Suite struct ReportTests {
  func record(_ id: String, _ rejection: Rejection? = nil) -> CorpusRecord {
    CorpusRecord(
      id: id, location: SourceLocation(path: "\(id).txt"), format: .markdown, encoding: .utf8,
      metadata: Metadata(title: "题|目"), quality: nil, rejection: rejection, text: "正文")
  }

  func sampleReport() -> RunReport {
    var builder = ReportBuilder(config: ReportConfig())
    builder.add(
      record("a"),
      removed: [
        RemovedBlock(index: 0, block: Block(.paragraph, "扫一扫下载界面新闻APP"), rule: "app_prompt")
      ])
    builder.add(
      record("b", Rejection(reason: .duplicate, message: "near duplicate of a (similarity 0.930)")),
      removed: [])
    var quality = Rejection(reason: .quality, message: "min_chars: 3 < 50")
    quality.failures = [QualityFailure(rule: "min_chars", value: 3, threshold: 50)]
    builder.add(record("c", quality), removed: [])
    let keeper = RunReport.ArticleRef(id: "a", source: "a.txt", title: "题|目", chars: 100)
    let member = RunReport.ArticleRef(
      id: "b", source: "b.txt", title: nil, chars: 90, similarity: 0.93, exact: false)
    builder.setDedup(
      stats: DedupStats(
        bands: 16, rows: 8, candidatePairs: 1, verifiedPairs: 1, clusters: 1, duplicates: 1),
      clusters: [RunReport.Cluster(keeper: keeper, members: [member])], total: 1,
      similarities: [member.similarity ?? 1])
    return builder.finish { r in
      r.runId = "2026-11-22-abcd"
      r.counts = Manifest.Counts(
        articles: 3, clean: 1, rejected: 2, rejectedByReason: ["duplicate": 1, "quality": 1])
      r.bytes.input = 2_500_000
      r.seconds = 0.5
    }
  }

  @Test func builderCountsRulesReasonsAndFormats() {
    let r = sampleReport()
    #expect(
      r.cleaning == [
        RunReport.RuleSummary(rule: "app_prompt", blocks: 1, chars: 12, examples: ["扫一扫下载界面新闻APP"])
      ])
    #expect(r.rejections.map(\.reason) == ["duplicate", "quality"])
    #expect(r.qualityRules == [RunReport.QualityRuleCount(rule: "min_chars", articles: 1)])
    #expect(r.formats == [RunReport.FormatCount(format: "markdown", articles: 3, clean: 1)])
    #expect(r.throughput == 5.0)
  }

  @Test func markdownCarriesTheKeyFigures() {
    let md = MarkdownReport.render(sampleReport())
    #expect(md.hasPrefix("# Winnow run 2026-11-22-abcd\n"))
    #expect(md.contains("**3 articles in · 1 kept · 2 rejected** (duplicate 1, quality 1)"))
    #expect(md.contains("near duplicate of a (similarity 0.930)"))
    #expect(md.contains("`b` similarity 0.930"))
    #expect(md.contains("题\\|目"), "a | in text must not break the table")
    #expect(MarkdownReport.cell("<script>x</script>") == "\\<script>x\\</script>")
    #expect(MarkdownReport.cell("min_chars: 0 < 50 <!-- <<b") == "min_chars: 0 < 50 \\<!-- <\\<b")
    #expect(md.contains("| app_prompt | 1 | 12 |"))
    #expect(md.contains("| min_chars | 1 |"))
  }

  @Test func jsonRoundTrips() throws {
    let r = sampleReport()
    let data = try r.encoded()
    #expect(try RunReport.decode(data) == r)
    #expect(String(decoding: data, as: UTF8.self).contains("\"run_id\" : \"2026-11-22-abcd\""))
  }

  @Test func excerptCutsLongText() {
    var config = ReportConfig()
    config.exampleChars = 10
    let builder = ReportBuilder(config: config)
    #expect(builder.excerpt("一二三四五六七八九十十一") == "一二三四五六七八九十…")
    #expect(builder.excerpt("短") == "短")
  }

  @Test func biggestClustersComeFirstAndTheRestAreCounted() {
    #expect(ReportBuilder.listOrder([1, 2, 1, 3]) == [3, 1, 0, 2])
    var config = ReportConfig()
    config.maxClusters = 1
    var builder = ReportBuilder(config: config)
    let ref = { (id: String) in RunReport.ArticleRef(id: id, source: id, title: nil, chars: 1) }
    builder.setDedup(
      stats: DedupStats(),
      clusters: [
        RunReport.Cluster(keeper: ref("c"), members: [ref("d"), ref("e")]),
        RunReport.Cluster(keeper: ref("a"), members: [ref("b")]),
      ], total: 2, similarities: [1, 1, 1])
    let r = builder.finish { _ in }
    #expect(r.dedup.clusters.map(\.keeper.id) == ["c"])
    #expect(r.dedup.clustersNotShown == 1)
    #expect(r.histograms.first { $0.name == "pair_similarity" }?.counts.reduce(0, +) == 3)
  }
}

@Suite struct ReportBuilderViewsTests {
  @Test func histogramsCountEveryValueOnceWithThresholds() {
    var h = RunReport.Histogram(name: "x", edges: [0, 1, 2, 3], counts: [0, 0, 0])
    for v in [-1.0, 0, 0.5, 1, 2.5, 3, 99] { HistogramCounter.count(v, in: &h) }
    #expect(h.counts == [3, 1, 3])
    let r = ReportFixture.report()
    let chars = r.histograms.first { $0.name == "body_chars" }
    #expect(chars?.counts.reduce(0, +) == 3)
    #expect(chars?.thresholds == [RunReport.Threshold(key: "quality.min_chars", value: 50)])
    let pairs = r.histograms.first { $0.name == "pair_similarity" }
    #expect(pairs?.counts.reduce(0, +) == 1)
    #expect(pairs?.edges.first == 0.6 && pairs?.edges.last == 1)
  }

  @Test func sitesCountKeptDuplicatesAndQuality() {
    let r = ReportFixture.report()
    #expect(
      r.sites == [
        RunReport.SiteRow(
          site: "news.example", articles: 2, clean: 1, duplicates: 1, judged: 2, qualityPassed: 2,
          meanChars: 300),
        RunReport.SiteRow(site: "other.example", articles: 1, judged: 1),
      ])
  }

  @Test func rejectedSamplesCarryTheirFailingSignals() {
    let quality = ReportFixture.report().rejections.first { $0.reason == "quality" }
    #expect(
      quality?.examples.first?.failures == [
        QualityFailure(rule: "min_chars", value: 3, threshold: 50)
      ])
  }

  @Test func onlyTheFirstClustersKeepTheirTextsAndMembersAreCapped() {
    var config = ReportConfig()
    config.maxClustersInFull = 1
    config.maxMembers = 2
    config.textCharsInFull = 100
    var builder = ReportBuilder(config: config)
    let ref = { (id: String) in
      RunReport.ArticleRef(
        id: id, source: id, chars: 1, similarity: 0.9, text: String(repeating: "字", count: 150))
    }
    builder.setDedup(
      stats: DedupStats(),
      clusters: [
        RunReport.Cluster(keeper: ref("c"), members: [ref("d"), ref("e"), ref("f")]),
        RunReport.Cluster(keeper: ref("a"), members: [ref("b")]),
      ], total: 2, similarities: [0.9, 0.9, 0.9, 0.9])
    let clusters = builder.finish { _ in }.dedup.clusters
    #expect(clusters.map(\.keeper.id) == ["c", "a"])
    #expect(clusters[0].members.map(\.id) == ["d", "e"] && clusters[0].membersNotShown == 1)
    #expect(clusters[0].keeper.text == String(repeating: "字", count: 100) + "…")
    #expect(clusters[1].keeper.text == nil && clusters[1].members[0].text == nil)
  }
}
