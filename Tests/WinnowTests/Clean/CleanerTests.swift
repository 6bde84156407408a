import Testing

@testable import Winnow

@Suite struct CleanerTests {
  func article(_ texts: [String], title: String? = nil) -> Article {
    Article(
      id: "a", location: SourceLocation(path: "a.txt"), format: .text, encoding: .utf8,
      compressed: false,
      metadata: Metadata(title: title), blocks: texts.map { Block(.paragraph, $0) }, byteCount: 0)
  }

  let cleaner = Cleaner(config: CleanConfig())

  @Test func removesBoilerplateWithTheRuleThatMatched() {
    let cleaned = cleaner.clean(
      article([
        "正在阅读:", "扫一扫下载界面新闻APP", "来自俄罗斯领导的军事联盟的部队周四抵达哈萨克斯坦。",
        "未经正式授权严禁转载本文,侵权必究。", "暂无评论哦,快来评价一下吧!", "微信公众号", "记者 崔璞玉",
        "2022年1月6日,俄罗斯,集安组织派出维和部队。图片来源:视觉中国",
      ]))
    #expect(cleaned.article.blocks.map(\.text) == ["来自俄罗斯领导的军事联盟的部队周四抵达哈萨克斯坦。"])
    #expect(
      cleaned.removed.map(\.rule) == [
        "page_ui", "app_prompt", "notice", "comment_widget", "share_comment", "byline", "caption",
      ])
    #expect(cleaned.removed.map(\.index) == [0, 1, 3, 4, 5, 6, 7])
  }

  @Test func longParagraphQuotingANoticeIsKept() {
    let long = String(repeating: "该报道指出，这家媒体声明版权所有并追究侵权责任，引发广泛讨论。", count: 5)
    let cleaned = cleaner.clean(article([long]))
    #expect(cleaned.article.blocks.count == 1)
    #expect(cleaned.removed.isEmpty)
  }

  @Test func repeatedBodyIsKeptOnceEvenWithWidthAndSpaceDifferences() {
    let body = ["第一段：哈萨克斯坦局势。", "第二段, 阿拉木图 (Almaty) 冲突。"]
    let again = ["第一段:哈萨克斯坦局势.", "第二段，阿拉木图（Almaty）冲突。"]
    let cleaned = cleaner.clean(article(body + ["评论"] + again))
    #expect(cleaned.article.blocks.map(\.text) == body)
    #expect(cleaned.removed.filter { $0.rule == CleanReason.repeatedBlock }.map(\.index) == [3, 4])
  }

  @Test func titleEchoAndEmptyBlocksAreDropped() {
    let cleaned = cleaner.clean(
      article(["哈萨克斯坦：数十名暴徒被击毙", "——", "正文内容在这里。"], title: "哈萨克斯坦:数十名暴徒被击毙"))
    #expect(cleaned.article.blocks.map(\.text) == ["正文内容在这里。"])
    #expect(cleaned.removed.map(\.rule) == [CleanReason.titleEcho, CleanReason.noText])
  }

  @Test func titleWithASiteSuffixStillMatchesTheBareHeading() {
    let cleaned = cleaner.clean(
      article(["哈萨克斯坦动乱：托卡耶夫宣布哀悼", "正文内容在这里。"], title: "哈萨克斯坦动乱：托卡耶夫宣布哀悼_国际新闻"))
    #expect(cleaned.article.blocks.map(\.text) == ["正文内容在这里。"])
    #expect(
      TitleEcho.withoutSiteSuffix("Harbour ferry changes | Port News") == "Harbour ferry changes")
    #expect(TitleEcho.withoutSiteSuffix("标题_一个非常非常非常非常非常非常非常非常长的副标题部分") == nil)
    #expect(TitleEcho.withoutSiteSuffix("a_b") == nil)
  }

  @Test func switchesAreHonoured() {
    var config = CleanConfig()
    config.dropRepeatedBlocks = false
    config.dropTitleBlocks = false
    config.rules = []
    let cleaned = Cleaner(config: config).clean(article(["标题", "评论", "标题"], title: "标题"))
    #expect(cleaned.article.blocks.count == 3)
  }

  @Test func matchKindsAndLengthLimit() {
    let rule = { (match: BoilerplateRule.Match) in
      BlockMatcher(BoilerplateRule(name: "r", match: match, patterns: ["责任编辑"], maxChars: 10))
    }
    #expect(rule(.prefix).matches("责任编辑：张三", scalarCount: 7))
    #expect(!rule(.prefix).matches("文章 责任编辑", scalarCount: 7))
    #expect(rule(.suffix).matches("文章 责任编辑", scalarCount: 7))
    #expect(rule(.contains).matches("文章责任编辑张", scalarCount: 7))
    #expect(!rule(.exact).matches("责任编辑：", scalarCount: 5))
    #expect(rule(.exact).matches("责任编辑", scalarCount: 4))
    #expect(!rule(.contains).matches("很长的文章责任编辑张三李四王五", scalarCount: 15))
  }

  @Test func bodyJoinsKeptBlocksWithABlankLine() {
    #expect(cleaner.clean(article(["第一段内容。", "第二段内容。"])).body == "第一段内容。\n\n第二段内容。")
  }
}
