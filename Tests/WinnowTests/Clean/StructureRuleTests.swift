import Testing

@testable import Winnow

@Suite struct StructureRuleTests {
  func article(_ blocks: [Block], title: String? = nil) -> Article {
    Article(
      id: "a", location: SourceLocation(path: "a.txt"), format: .text, encoding: .utf8,
      compressed: false, metadata: Metadata(title: title), blocks: blocks, byteCount: 0)
  }

  func paragraphs(_ texts: [String], title: String? = nil) -> Article {
    article(texts.map { Block(.paragraph, $0) }, title: title)
  }

  let cleaner = Cleaner(config: CleanConfig())

  @Test func inlineBylinePrefixIsCutAndTheParagraphKept() {
    let cleaned = cleaner.clean(
      paragraphs(["【编译/观察者网 李焕宇】以能源价格翻倍为导火索的抗议示威已席卷哈萨克斯坦多地。", "【文/观察者网 鞠峰】"]))
    #expect(cleaned.article.blocks.map(\.text) == ["以能源价格翻倍为导火索的抗议示威已席卷哈萨克斯坦多地。"])
    #expect(cleaned.removed.map(\.rule) == [CleanReason.bylinePrefix, CleanReason.byline])
    #expect(cleaned.removed.map(\.block.text) == ["【编译/观察者网 李焕宇】", "【文/观察者网 鞠峰】"])
    #expect(StructureRules.bylinePrefix("【重要】这不是署名。") == nil)
  }

  @Test func captionBlocksGoByKind() {
    let cleaned = cleaner.clean(
      article([Block(.paragraph, "正文第一段，内容足够长。"), Block(.caption, "托卡耶夫发表讲话")]))
    #expect(cleaned.removed.map(\.rule) == [CleanReason.caption])
  }

  @Test func relatedLinksHeadingTakesTheTitleLinesUnderIt() {
    let cleaned = cleaner.clean(
      paragraphs([
        "正文第一段，内容足够长。", "相关报道：", "哈萨克斯坦总统宣布全国进入紧急状态", "俄罗斯维和部队抵达阿拉木图",
        "这是一段真正的正文，以句号结束。",
      ]))
    #expect(cleaned.article.blocks.map(\.text) == ["正文第一段，内容足够长。", "这是一段真正的正文，以句号结束。"])
    #expect(cleaned.removed.map(\.rule) == Array(repeating: "related_links", count: 3))
  }

  @Test func signOffsAloneAndAtTheEndAreRemoved() {
    let cleaned = cleaner.clean(paragraphs(["湖人队取得了胜利。", "他们还会继续努力吗？(XWT185)", "（完）"]))
    #expect(cleaned.article.blocks.map(\.text) == ["湖人队取得了胜利。", "他们还会继续努力吗？"])
    #expect(cleaned.removed.map(\.block.text) == ["(XWT185)", "（完）"])
    #expect(cleaned.removed.allSatisfy { $0.rule == CleanReason.signOff })
    #expect(StructureRules.withoutSignOff("比赛(NBA)") == nil)
  }

  @Test func nearRepeatsAreKeptOnce() {
    let first = "据俄新社报道，阿拉木图市副市长当地时间1月6日凌晨表示，阿拉木图已开始反恐特别行动，机场已被政府重新控制。"
    let second = "据俄新社报道,阿拉木图市副市长当地时间1月6日凌晨表示,阿拉木图已开始进行反恐特别行动,机场已被政府重新控制。"
    let cleaned = cleaner.clean(paragraphs([first, "中间的另一段正文，内容完全不同，讲的是别的事情。", second]))
    #expect(cleaned.article.blocks.count == 2)
    #expect(cleaned.removed.map(\.rule) == [CleanReason.nearRepeat])
  }

  @Test func blockCarryingItsTextTwiceKeepsOneCopy() {
    let body = "北京时间4月12日，在和马刺的比赛中，拜纳姆倒下的那一瞬间，整个天使城都揪心了。好在湖人方面最终确认拜纳姆并无大恙。"
    let cleaned = cleaner.clean(paragraphs(["湖人消息" + body + " " + body]))
    #expect(cleaned.article.blocks.map(\.text) == ["湖人消息" + body])
    #expect(cleaned.removed.map(\.rule) == [CleanReason.repeatedText])
    #expect(cleaned.removed.first?.block.text == body)
  }

  @Test func nearTitleAtTheTopIsAnEcho() {
    let cleaned = cleaner.clean(
      paragraphs(["哈萨克斯坦：数十名暴徒被击毙，两名警察惨遭斩首", "正文第一段，内容足够长。"], title: "哈萨克斯坦：数十名暴徒被击毙，2名警察惨遭斩首"))
    #expect(cleaned.removed.map(\.rule) == [CleanReason.titleEcho])
  }

  @Test func headlineOfAnUntitledArticleBecomesItsTitle() {
    let cleaned = cleaner.clean(
      paragraphs([
        "正在阅读:", "俄罗斯维和部队迅速抵达哈萨克斯坦", "截至周四,阿拉木图约有2000人被逮捕。", "正文:截至周四,阿拉木图约有2000人被逮捕,局势趋稳。",
      ]))
    #expect(cleaned.article.metadata.title == "俄罗斯维和部队迅速抵达哈萨克斯坦")
    #expect(
      cleaned.removed.map(\.rule) == ["page_ui", CleanReason.titleEcho, CleanReason.standfirst])
    #expect(cleaned.indices == [3])
  }
}

@Suite struct DoubledTextTests {
  let doubled = DoubledText(minChars: 20, threshold: 0.8)

  @Test func nearEqualCopiesAreFoundAndCutAtTheSecond() {
    let body =
      "北京时间4月12日，在和马刺的比赛中，拜纳姆倒下的那一瞬间，整个天使城都揪心了。好在湖人方面最终确认拜纳姆并无大恙。"
      + "当地时间周三，拜纳姆接受了核磁共振检查，检查结果表示他的膝盖只是有轻微的骨骼挫伤而已，并不会影响他征战季后赛。"
      + "在本赛季拜纳姆出战过的五十四场比赛中，他场均贡献十一分以及九个篮板，在赛季后半段，他的重要性体现得愈发明显。"
    let edited = body.replacingOccurrences(of: "整个天使城", with: "整座天使之城")
    let text = "标题" + body + edited
    let split = doubled.split(text, key: MatchNormalizer.normalize(text))
    #expect(split?.kept == "标题" + body)
    #expect(split?.repeated == edited)
  }

  @Test func aParagraphRepeatingOnePhraseIsLeftAlone() {
    let text = String(repeating: "不要，不要，", count: 20) + "他说完就走了，再也没有回来过，大家都很想念他。"
    #expect(doubled.split(text, key: MatchNormalizer.normalize(text)) == nil)
  }
}
