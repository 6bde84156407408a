import Foundation
import Testing

@testable import Winnow

@Suite struct SVGChartTests {
  let histogram = RunReport.Histogram(
    name: "letter_share", edges: [0, 0.25, 0.5, 0.75, 1], counts: [1, 0, 4, 2],
    thresholds: [RunReport.Threshold(key: "quality.min_letter_share", value: 0.5)])

  @Test func thresholdsSitWhereTheirValueFalls() {
    #expect(SVGChart.position(of: 0.5, in: histogram.edges) == 2)
    #expect(SVGChart.position(of: 0.6, in: histogram.edges) == 2.4)
    #expect(SVGChart.position(of: -1, in: histogram.edges) == 0)
    #expect(SVGChart.position(of: 7, in: histogram.edges) == 4)
    #expect(SVGChart.position(of: 3, in: [0, 1, 10]) == 1 + 2.0 / 9)
  }

  @Test func histogramDrawsOneBarPerBucketAndTheThreshold() {
    let svg = SVGChart.histogram(histogram, title: "letter <share>")
    #expect(svg.hasPrefix("<svg class=\"chart\""))
    #expect(svg.hasSuffix("</svg>"))
    #expect(svg.components(separatedBy: "<rect class=\"bar\"").count == 5)
    #expect(svg.contains("<title>[0.5, 0.75): 4</title>"))
    #expect(svg.contains("<title>≥ 0.75: 2</title>"))
    #expect(svg.contains("class=\"threshold\""))
    #expect(svg.contains("quality.min_letter_share 0.5"))
    #expect(svg.contains("aria-label=\"letter &lt;share&gt;\""), "labels are escaped")
    // The tallest bar (4) fills the plot: 120 points high from the axis at 150.
    #expect(svg.contains("y=\"30.0\" width=\"125.5\" height=\"120.0\""))
  }

  @Test func barsScaleToTheLargestValue() {
    let svg = SVGChart.bars(
      [
        SVGChart.Bar(label: "in", value: 10),
        SVGChart.Bar(label: "kept", value: 5, note: "(−5 duplicate)"),
      ],
      title: "funnel")
    #expect(svg.contains("width=\"260.0\""))
    #expect(svg.contains("width=\"130.0\""))
    #expect(svg.contains(">5 (−5 duplicate)</text>"))
  }

  /// A run with 100,000 clusters still gives a page well under 10 MB: the first
  /// `max_clusters_in_full` in full, the rest of `max_clusters` as rows, the others counted.
  @Test func aRunWithManyClustersKeepsThePageSmall() {
    let text = String(repeating: "新闻正文，有关的段落。\n\n", count: 400)
    let edited = text.replacingOccurrences(of: "有关", with: "相关")
    var builder = ReportBuilder(config: ReportConfig())
    let clusters = (0..<100_000).map { n in
      RunReport.Cluster(
        keeper: RunReport.ArticleRef(id: "k\(n)", source: "s", chars: 4000, text: text),
        members: (0..<(n % 7 + 1)).map { m in
          RunReport.ArticleRef(
            id: "m\(n)-\(m)", source: "s", chars: 4000, similarity: 0.9, exact: false,
            text: edited)
        })
    }
    let listed = ReportBuilder.listOrder(clusters.map(\.members.count)).prefix(50).map {
      clusters[$0]
    }
    builder.setDedup(
      stats: DedupStats(clusters: 100_000), clusters: listed, total: clusters.count,
      similarities: clusters.flatMap { $0.members.compactMap(\.similarity) })
    let report = builder.finish { _ in }
    let page = HTMLReport.render(report)
    #expect(report.dedup.clusters.count == 50 && report.dedup.clustersNotShown == 99_950)
    #expect(page.utf8.count < 10_000_000, "\(page.utf8.count) bytes")
  }
}
