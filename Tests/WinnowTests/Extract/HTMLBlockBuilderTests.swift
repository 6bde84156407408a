import Testing

@testable import Winnow

extension ExtractTests {
  @Suite struct HTMLBlockBuilderTests {
    static func blocks(_ html: String) -> [Block] { ExtractTestSupport.htmlBlocks(html) }

    @Test func paragraphsHeadingsAndInlineElements() {
      #expect(
        Self.blocks(
          "<h2>标题</h2><p>第一<strong>段</strong><a href=x>落</a></p><div>直接<span>文字</span></div>")
          == [Block(.heading, "标题"), Block(.paragraph, "第一段落"), Block(.paragraph, "直接文字")])
    }

    @Test func entitiesAndWhitespace() {
      #expect(
        Self.blocks("<p>A&nbsp;&amp;&nbsp;B &lt;tag&gt;\n\t C&#x3a; &copy;</p>")
          == [Block(.paragraph, "A & B <tag> C: ©")])
    }

    @Test func lineWrapInsideChineseIsNoSpace() {
      let html = "<p>中国队在决赛中\n以3:1战胜对手，\n  夺得冠军。</p><p>记者 崔璞玉</p><p>Hello\nworld</p>"
      #expect(
        Self.blocks(html)
          == [
            Block(.paragraph, "中国队在决赛中以3:1战胜对手，夺得冠军。"), Block(.paragraph, "记者 崔璞玉"),
            Block(.paragraph, "Hello world"),
          ])
      let all = ExtractTestSupport.htmlBlocks("<p>记者 崔璞玉 （资料图）</p>", policy: .dropBetweenCJK)
      #expect(all == [Block(.paragraph, "记者崔璞玉（资料图）")])
    }

    @Test func commentsAreSkipped() {
      #expect(Self.blocks("<p>前<!-- 注释 <p>不是</p> -->后</p>") == [Block(.paragraph, "前后")])
    }

    @Test func scriptStyleAndFriendsAreSkipped() {
      let html = """
        <p>甲</p><script>document.write("<p>不是正文</p>");</script><style>p:after{content:"</p>"}</style>
        <noscript><p>请启用脚本</p></noscript><template><p>模板</p></template><textarea>输入</textarea><p>乙</p>
        """
      #expect(Self.blocks(html) == [Block(.paragraph, "甲"), Block(.paragraph, "乙")])
    }

    @Test func scriptContainingEndParagraphDoesNotEndTheParagraph() {
      let html = "<p>开头<script>var s = '</p><p>假';</script>结尾</p>"
      #expect(Self.blocks(html) == [Block(.paragraph, "开头结尾")])
    }

    @Test func lineBreaksSplitBlocksOfTheSameKind() {
      #expect(
        Self.blocks("<p>第一行<br>第二行<br/><br />第三行</p><li>项一<br>项二</li>")
          == [
            Block(.paragraph, "第一行"), Block(.paragraph, "第二行"), Block(.paragraph, "第三行"),
            Block(.listItem, "项一"), Block(.listItem, "项二"),
          ])
    }

    @Test func unclosedTagsNestLikeInBrowsers() {
      #expect(
        Self.blocks("<p>一<p>二<div>三</span></b>四<ul><li>五<li>六</ul><p>七")
          == [
            Block(.paragraph, "一"), Block(.paragraph, "二"), Block(.paragraph, "三四"),
            Block(.listItem, "五"),
            Block(.listItem, "六"), Block(.paragraph, "七"),
          ])
      #expect(
        Self.blocks("<table><tr><td>甲<td>乙<tr><th>丙</table>")
          == [Block(.tableCell, "甲"), Block(.tableCell, "乙"), Block(.tableCell, "丙")])
      #expect(
        Self.blocks("<h1>题<h2>副题</h2>正文") == [
          Block(.heading, "题"), Block(.heading, "副题"), Block(.paragraph, "正文"),
        ])
    }

    @Test func attributeWithGreaterThanInQuotes() {
      #expect(Self.blocks(#"<p data-x="a>b" title='>'>正文</p>"#) == [Block(.paragraph, "正文")])
    }

    @Test func strayLessThanStaysText() {
      #expect(Self.blocks("<p>a < b and 3<5</p>") == [Block(.paragraph, "a < b and 3<5")])
    }

    @Test func skippedRegionsAndImageText() {
      let html = """
        <nav>导航</nav><p>正文<button>按钮</button>继续</p><aside>侧栏</aside>
        <div><img src=a alt="替代文字" title="点击查看大图"><svg><title>图标</title><text>svg</text></svg></div>
        <form><label>搜索</label><select><option>选项</select></form><footer>页脚</footer><iframe>框架</iframe>
        """
      #expect(Self.blocks(html) == [Block(.paragraph, "正文继续")])
    }

    @Test func pageWrappingFormIsKept() {
      #expect(
        Self.blocks(
          "<html><body><form id=form1><div><p>正文</p><form><p>搜索</p></form></div></form></body></html>"
        )
          == [Block(.paragraph, "正文")])
    }

    @Test func captionsFollowImageOnlyElements() {
      let html = """
        <p><img src=a></p>
        <p style="text-align:center"><span style="color:#666">图一说明</span></p>
        <p>正文段落</p>
        <figure><img src=b><figcaption>图二说明</figcaption></figure>
        <p><img src=c>图文同段</p><p>不是说明</p>
        <div><img src=d></div><p>\(String(repeating: "长", count: 81))</p>
        <img src=e><p>页首图片后的署名</p>
        <h3><img src=f></h3><h3>标题不是说明</h3>
        """
      #expect(
        Self.blocks(html)
          == [
            Block(.caption, "图一说明"), Block(.paragraph, "正文段落"), Block(.caption, "图二说明"),
            Block(.paragraph, "图文同段"), Block(.paragraph, "不是说明"),
            Block(.paragraph, String(repeating: "长", count: 81)), Block(.paragraph, "页首图片后的署名"),
            Block(.heading, "标题不是说明"),
          ])
    }

    @Test func preformattedKeepsLines() {
      #expect(
        Self.blocks("<pre>\nline one\n  line two\n\nline three</pre>")
          == [
            Block(.paragraph, "line one"), Block(.paragraph, "line two"),
            Block(.paragraph, "line three"),
          ])
    }

    @Test func blockquoteAndCdata() {
      #expect(
        Self.blocks("<blockquote>引用<![CDATA[<b>字</b>]]></blockquote>") == [
          Block(.paragraph, "引用<b>字</b>")
        ])
    }

    @Test func headEndsAtBodyContent() {
      #expect(
        Self.blocks("<html><head><title>T</title>正文开始<p>段落</p>") == [
          Block(.paragraph, "正文开始"), Block(.paragraph, "段落"),
        ])
      #expect(Self.blocks("<head><meta charset=utf-8><div>正文</div>") == [Block(.paragraph, "正文")])
    }
  }
}
