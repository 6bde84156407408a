import Testing

@testable import Winnow

extension ExtractTests {
  /// A whole page through the extractor: metadata from the head, body blocks, skipped chrome.
  @Suite struct HTMLPageTests {
    static func page() throws -> Article {
      try ExtractTestSupport.extract(ExtractTestSupport.fixture("extract/page.html"), format: .html)
    }

    @Test func metadataFromHead() throws {
      let metadata = try Self.page().metadata
      #expect(metadata.title == "中国队夺冠")
      #expect(metadata.url == "https://news.example.com/sports/2024/0501.html")
      #expect(metadata.date == "2024-05-01T08:00:00+08:00")
      #expect(metadata.author == "张三")
      #expect(metadata.site == "示例新闻网")
      #expect(metadata.extra == ["description": "一条用于测试的新闻 & 说明", "keywords": "体育,足球"])
    }

    @Test func bodyBlocks() throws {
      #expect(
        try Self.page().blocks == [
          Block(.heading, "中国队夺冠"),
          Block(.paragraph, "北京时间5月1日，中国队在决赛中以3:1战胜对手，夺得冠军。"),
          Block(.caption, "颁奖仪式现场"),
          Block(.paragraph, "主教练表示：“我们会继续努力。”"),
          Block(.paragraph, "队长说：“感谢球迷”"),
          Block(.listItem, "第一条"), Block(.listItem, "第二条"),
          Block(.tableCell, "球队"), Block(.tableCell, "得分"), Block(.tableCell, "中国"),
          Block(.tableCell, "3"),
        ])
    }

    @Test func titleElementWhenNoOpenGraph() throws {
      let html =
        "<html><head><title>\n  标题 &amp;\n 副题 </title><link rel=\"Canonical\" href=\"//m.example.cn/x\"></head><body>正文</body></html>"
      let article = try ExtractTestSupport.extract(html, format: .html)
      #expect(article.metadata.title == "标题 & 副题")
      #expect(article.metadata.url == "//m.example.cn/x")
      #expect(article.metadata.site == "m.example.cn")
      #expect(article.blocks == [Block(.paragraph, "正文")])
    }

    @Test func metaPublishDateAndSvgTitle() throws {
      let html = """
        <svg><title>图标</title></svg><meta name="PubDate" content="2020-01-02"><meta name=publishdate content=x>
        <title>真标题</title><p>正文</p>
        """
      let article = try ExtractTestSupport.extract(html, format: .html)
      #expect(article.metadata.title == "真标题")
      #expect(article.metadata.date == "x", "publishdate ranks before pubdate")
    }

    @Test func allCJKSpacesCanBeDropped() throws {
      var config = ExtractConfig()
      config.dropCJKSpaces = .all
      let article = try ExtractTestSupport.extract(
        "<p>阿拉木图机场 （资料图）</p>", format: .html, config: config)
      #expect(article.blocks == [Block(.paragraph, "阿拉木图机场（资料图）")])
    }
  }
}
