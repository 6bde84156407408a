import Testing

@testable import Winnow

@Suite struct HTMLEscapeTests {
  @Test func escapesMarkupQuotesAndControls() {
    #expect(
      HTMLEscape.text("<a href=\"x\">'&'</a>")
        == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    #expect(HTMLEscape.text("a\u{0}b\u{7}c\nd") == "abc\nd")
    #expect(HTMLEscape.text("中文") == "中文")
  }

  @Test func scriptStringsCannotCloseTheScript() {
    let s = HTMLEscape.scriptString("</script><!--\u{2028}\"\\")
    #expect(!s.contains("<") && !s.contains(">"))
    #expect(s == "\"\\u003c/script\\u003e\\u003c!--\\u2028\\\"\\\\\"")
  }
}
