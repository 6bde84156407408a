import Foundation
import Testing

@testable import Winnow

@Suite struct LearnedBoilerplateTests {
  func cleaned(_ texts: [String], path: String = "feed.jsonl", line: Int? = 1) -> Cleaned {
    Cleaner(config: CleanConfig()).clean(
      Article(
        id: "a", location: SourceLocation(path: path, line: line), format: .jsonl,
        encoding: .utf8, compressed: false, metadata: Metadata(),
        blocks: texts.map { Block(.paragraph, $0) }, byteCount: 0))
  }

  @Test func blockInEnoughArticlesOfASiteIsLearnedAndRemoved() {
    var counts = BoilerplateCounts()
    for n in 0..<4 {
      counts.add(site: "s", hashes: cleaned(["第\(n)篇的正文内容。", "关注我们的公众号获取更多"]).hashes)
    }
    counts.add(site: "other", hashes: cleaned(["关注我们的公众号获取更多"]).hashes)
    let learned = counts.learned(minArticles: 3, minShare: 0.01, maxChars: 200)
    #expect(learned.entries.count == 1)
    #expect(learned.entries.first?.articles == 4)
    let after = learned.apply(to: cleaned(["正文。", "关注我们的公众号获取更多"]), site: "s")
    #expect(after.article.blocks.map(\.text) == ["正文。"])
    #expect(after.removed.first?.rule == CleanReason.learned)
    #expect(after.removed.first?.pattern == learned.entries.first?.pattern)
    let elsewhere = learned.apply(to: cleaned(["正文。", "关注我们的公众号获取更多"]), site: "other")
    #expect(elsewhere.article.blocks.count == 2, "learned per site")
  }

  @Test func shareOfTheSiteIsRequiredToo() {
    var counts = BoilerplateCounts()
    for n in 0..<400 { counts.add(site: "s", hashes: [UInt64(n)] + (n < 3 ? [7_777] : [])) }
    #expect(counts.learned(minArticles: 3, minShare: 0.01, maxChars: 200).patterns.isEmpty)
    #expect(counts.learned(minArticles: 0, minShare: 0, maxChars: 200).patterns.isEmpty)
  }

  @Test func edgeSentencesOfLongBlocksAreCountedAndCut() {
    let body = String(repeating: "这是一篇很长的正文，讲述了比赛的经过和结果。", count: 12)
    let units = EdgeSentences(maxChars: 200).units(of: Block(.paragraph, body + "我要评论"))
    #expect(units.count == 2)
    let tail = BlockHash.of(MatchNormalizer.normalize("我要评论"))
    #expect(units.last == tail)
    let learned = LearnedBoilerplate(patterns: ["s": [tail: 9]], maxChars: 200)
    let after = learned.apply(to: cleaned([body + "我要评论"]), site: "s")
    #expect(after.body == body)
    #expect(after.removed.map(\.block.text) == ["我要评论"])
  }

  @Test func countsMergeAndRoundTripAsJSON() throws {
    var a = BoilerplateCounts()
    a.add(site: "s", hashes: [1, 2, 2])
    var b = BoilerplateCounts()
    b.add(site: "s", hashes: [2])
    a.merge(b)
    #expect(a.sites["s"]?.articles == 2)
    #expect(a.sites["s"]?.blocks[2] == 2)
    let data = try JSONEncoder().encode(a)
    #expect(try JSONDecoder().decode(BoilerplateCounts.self, from: data) == a)
  }

  @Test func siteIsMetadataThenFeedFileThenFolder() {
    func site(_ path: String, line: Int?, site: String? = nil) -> String {
      BoilerplateCounts.site(
        of: Article(
          id: "a", location: SourceLocation(path: path, line: line), format: .text,
          encoding: .utf8, compressed: false, metadata: Metadata(site: site), blocks: [],
          byteCount: 0))
    }
    #expect(site("crawl/a.html", line: nil, site: "guancha.cn") == "guancha.cn")
    #expect(site("data/feed.jsonl", line: 3) == "data/feed.jsonl")
    #expect(site("crawl/jiemian/003.txt", line: nil) == "crawl/jiemian")
    #expect(site("003.txt", line: nil) == ".")
  }
}
