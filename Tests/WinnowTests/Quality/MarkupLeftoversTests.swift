import Testing

@testable import Winnow

@Suite struct MarkupLeftoversTests {
  @Test func findsTags() {
    let m = MarkupLeftovers("<p>你好</p><!-- x --><br/>")
    #expect(m.tags == 4)
    #expect(m.coveredChars == 3 + 4 + 10 + 5)
  }

  @Test func comparisonsAreNotTags() {
    #expect(MarkupLeftovers("1 < 2 且 3 > 2").tags == 0)
    #expect(MarkupLeftovers("a<b 与 c").tags == 0)
  }

  @Test func findsEntities() {
    let m = MarkupLeftovers("&nbsp;甲&#12345;乙&#x4E2D;")
    #expect(m.entities == 3)
    #expect(m.coveredChars == 6 + 8 + 8)
    #expect(MarkupLeftovers("A & B, &amp without end, &;").entities == 0)
  }

  @Test func findsMarkdownImages() {
    let m = MarkupLeftovers("前文![图片](http://a.cn/1.png)后文")
    #expect(m.markdownImages == 1)
    #expect(m.urls == 0)
    #expect(m.coveredChars == "![图片](http://a.cn/1.png)".utf8.count)
    #expect(MarkupLeftovers("![只有方括号]").markdownImages == 0)
  }

  @Test func findsURLsUpToNonASCII() {
    let m = MarkupLeftovers("详见http://a.cn/x?y=1，或www.sina.com.cn")
    #expect(m.urls == 2)
    #expect(m.coveredChars == "http://a.cn/x?y=1".count + "www.sina.com.cn".count)
    #expect(MarkupLeftovers("awww.x").urls == 0)
  }

  @Test func shareIsOfNonWhitespaceCharacters() {
    let s = QualitySignals(body: "<p>你好</p>")
    #expect(s.markupShare == 7.0 / 9)
  }
}
