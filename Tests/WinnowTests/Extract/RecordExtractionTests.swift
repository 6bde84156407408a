import Testing

@testable import Winnow

extension ExtractTests {
  @Suite struct RecordExtractionTests {
    @Test func jsonlRecordWithHTMLContent() throws {
      let fields = [
        "title": "新闻 标题", "url": "https://news.example.cn/a/1.html", "date": "2024-05-01",
        "category": "体育",
      ]
      let content = "<p>第一段&nbsp;内容。</p><p>第二段<br>换行</p><script>x()</script>"
      let article = try ExtractTestSupport.extract(content, format: .jsonl, fields: fields)
      #expect(
        article.blocks == [
          Block(.paragraph, "第一段 内容。"), Block(.paragraph, "第二段"), Block(.paragraph, "换行"),
        ])
      #expect(article.metadata.title == "新闻 标题")
      #expect(article.metadata.url == "https://news.example.cn/a/1.html")
      #expect(article.metadata.date == "2024-05-01")
      #expect(article.metadata.site == "news.example.cn")
      #expect(article.metadata.extra == ["category": "体育"])
    }

    @Test func recordWithInlineDivIsHTML() throws {
      let article = try ExtractTestSupport.extract("导语<div>正文</div>", format: .jsonl)
      #expect(article.blocks == [Block(.paragraph, "导语"), Block(.paragraph, "正文")])
    }

    @Test func tsvRecordWithPlainText() throws {
      let content = "湖人1消息比赢球开心10倍 小拜膝伤无碍季后赛复出新浪体育讯北京时间4月12日，安德鲁-拜纳姆倒下。"
      let article = try ExtractTestSupport.extract(content, format: .tsv, fields: ["label": "体育"])
      #expect(article.blocks == [Block(.paragraph, content)])
      #expect(article.metadata == Metadata(extra: ["label": "体育"]))
    }

    @Test func plainTextWithAngleBracketsIsNotHTML() throws {
      let article = try ExtractTestSupport.extract("价格 <5 元，a<b 成立", format: .tsv)
      #expect(article.blocks == [Block(.paragraph, "价格 <5 元，a<b 成立")])
    }

    @Test func segmentedRecordTitleIsJoined() throws {
      let content = String(repeating: "吉尔吉斯斯坦 反对派 占领 总统府 ， ", count: 5)
      let article = try ExtractTestSupport.extract(
        content, format: .tsv, fields: ["title": "吉 反对派 占领 总统府"])
      #expect(article.metadata.title == "吉反对派占领总统府")
    }
  }
}
