import Testing

@testable import Winnow

extension ExtractTests {
  @Suite struct MarkdownParserTests {
    static func blocks(_ markdown: String) -> [Block] {
      ExtractTestSupport.withBytes(markdown) {
        MarkdownParser.parse($0, policy: .dropWrapsBetweenCJK)
      }
    }

    @Test func markdownFixture() throws {
      let article = try ExtractTestSupport.extract(
        ExtractTestSupport.fixture("extract/body.md"), format: .markdown)
      #expect(
        article.blocks == [
          Block(.heading, "第一部分"),
          Block(.paragraph, "这是第一段，跨行书写的中文。"),
          Block(.paragraph, "Second paragraph with bold, strong, code and a link."),
          Block(.listItem, "列表项一"),
          Block(.listItem, "列表项二续行"),
          Block(.listItem, "Numbered item"),
          Block(.paragraph, "引用的文字"),
          Block(.tableCell, "名称"), Block(.tableCell, "数值"), Block(.tableCell, "甲"),
          Block(.tableCell, "1"),
          Block(.paragraph, "let x = 1 < 2"),
          Block(.heading, "Setext heading"),
        ])
      #expect(article.metadata.title == "A Markdown article")
      #expect(article.metadata.date == "2024-05-01")
      #expect(article.metadata.url == "https://blog.example.org/posts/1")
      #expect(article.metadata.site == "blog.example.org")
      #expect(article.metadata.extra == ["lang": "zh"])
    }

    @Test func headings() {
      #expect(
        Self.blocks("# 一级\n### 三级 ###\n####### 七个\n#没有空格\n## C#")
          == [
            Block(.heading, "一级"), Block(.heading, "三级"), Block(.paragraph, "####### 七个 #没有空格"),
            Block(.heading, "C#"),
          ])
      #expect(Self.blocks("标题\n===\n正文") == [Block(.heading, "标题"), Block(.paragraph, "正文")])
    }

    @Test func inlineMarkup() {
      #expect(
        Self.blocks(#"**粗体**与__强调__、`代码`、~~删除~~、\*星号\*、a * b、snake_case"#)
          == [Block(.paragraph, "粗体与强调、代码、删除、*星号*、a * b、snake_case")])
      #expect(
        Self.blocks(
          "见[官网](https://x.cn/(a))和[参考][1]，![图](a.png)图后，[方括号]，<span>标签</span>，<https://x.cn>")
          == [Block(.paragraph, "见官网和参考，图后，[方括号]，标签，https://x.cn")])
      #expect(Self.blocks("[![封面](c.png)](https://x.cn)") == [])
      #expect(Self.blocks("A &amp; B &copy;") == [Block(.paragraph, "A & B ©")])
    }

    @Test func listsAndBreaks() {
      #expect(
        Self.blocks("* 甲\n+ 乙\n10) 丙\n-不是列表\n\n---\n***\n正文")
          == [
            Block(.listItem, "甲"), Block(.listItem, "乙"), Block(.listItem, "丙 -不是列表"),
            Block(.paragraph, "正文"),
          ])
    }

    @Test func fencedCodeKeepsLinesAsText() {
      #expect(
        Self.blocks("~~~\n# 不是标题\n**不是粗体**\n~~~\n后文")
          == [Block(.paragraph, "# 不是标题"), Block(.paragraph, "**不是粗体**"), Block(.paragraph, "后文")])
    }

    @Test func htmlBodyIsParsedAsHTML() throws {
      let markdown = "---\ntitle: t\n---\n# 不是标题\n<div><p>段落一</p><p>段落二</p></div>"
      let article = try ExtractTestSupport.extract(markdown, format: .markdown)
      #expect(
        article.blocks == [
          Block(.paragraph, "# 不是标题"), Block(.paragraph, "段落一"), Block(.paragraph, "段落二"),
        ])
    }
  }
}
