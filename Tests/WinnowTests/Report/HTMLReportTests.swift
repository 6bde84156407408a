import Foundation
import Testing

@testable import Winnow

@Suite struct HTMLReportTests {
  /// Hostile text in titles, texts, sites and examples shows as text: the only element
  /// the page carries that could run is its own filter script.
  @Test func hostileArticleTextRunsNothing() {
    var r = ReportFixture.report()
    r.learnedBoilerplate = [
      RunReport.LearnedBlock(
        site: "x\"><script>", pattern: "00", articles: 3, blocks: 3, example: ReportFixture.hostile)
    ]
    let page = HTMLReport.render(r)
    #expect(page.components(separatedBy: "<script").count == 2, "only the filter script")
    #expect(!page.contains("<img"))
    #expect(!page.contains("</textarea>"))
    #expect(!page.contains("onerror=\""))
    #expect(page.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"))
    #expect(page.contains("onerror=&quot;document.title"))
  }

  /// The clusters' diffs rendered on several threads come out in the same order.
  @Test func threadsDoNotChangeThePage() {
    var r = ReportFixture.report()
    let cluster = r.dedup.clusters[0]
    r.dedup.clusters = (0..<9).map { n in
      var copy = cluster
      copy.keeper.id = "keeper-\(n)"
      copy.keeper.text = (cluster.keeper.text ?? "") + String(repeating: "第\(n)段。", count: n)
      return copy
    }
    let page = HTMLReport.render(r, jobs: 3)
    #expect(page == HTMLReport.render(r))
    let order = (0..<9).compactMap { page.range(of: "keeper-\($0)")?.lowerBound }
    #expect(order.count == 9 && order == order.sorted())
  }

  @Test func pageLoadsNothingFromElsewhere() {
    var r = ReportFixture.report(text: "一段。")
    r.dedup.clusters[0].keeper.title = "标题"
    let page = HTMLReport.render(r)
    for banned in [
      "src=", "href=", "<link", "@import", "url(", "http:", "https:", "<iframe", "<object",
    ] {
      #expect(!page.contains(banned), "\(banned)")
    }
    #expect(page.contains("Content-Security-Policy"))
    #expect(page.contains("default-src 'none'"))
  }

  @Test func pageCarriesTheKeyFiguresAndSections() {
    let page = HTMLReport.render(ReportFixture.report())
    #expect(page.contains("<title>Winnow run run-2</title>"))
    for text in [
      "articles in", "rejected: quality", "33.3%", "5.00 MB", "0.50 MB/s", "Stage funnel",
      "min_chars: 3 &lt; 50", "app_prompt", "news.example", "other.example", "pair_similarity",
      "dedup.threshold 0.8", "quality.min_chars 50", "verified_pairs",
    ] {
      #expect(page.contains(text), "\(text)")
    }
  }

  @Test func showsTheChangeAgainstThePreviousRun() {
    var r = ReportFixture.report()
    var previous = r.summary
    previous.runId = "run-1"
    previous.counts.articles = 2
    r.previous = previous
    let page = HTMLReport.render(r)
    #expect(page.contains("previous run <code>run-1</code>"))
    #expect(page.contains("↑ 1 (+50.0%)"))
  }

  @Test func sideBySideMarksSharedAndChangedPassages() {
    let keeper = RunReport.ArticleRef(id: "k", source: "", chars: 0, text: "同一段。\n\n今天下雨。")
    let member = RunReport.ArticleRef(id: "m", source: "", chars: 0, text: "同一段。\n\n明天下雨。")
    let html = HTMLReport.sideBySide(keeper: keeper, member: member)
    #expect(html.contains("<td class=\"same\">同一段。</td>"))
    #expect(html.contains("<del>今</del><mark>天下雨。</mark>"))
    #expect(html.contains("<ins>明</ins><mark>天下雨。</mark>"))
  }

  @Test func funnelSubtractsEachStagesRejections() {
    let bars = HTMLReport.funnel(ReportFixture.report())
    #expect(bars.map(\.value) == [3, 3, 3, 3, 2, 1])
    #expect(bars.last?.label == "kept (deduped)")
  }
}
