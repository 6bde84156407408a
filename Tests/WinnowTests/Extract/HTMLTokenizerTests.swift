import Testing

@testable import Winnow

extension ExtractTests {
  @Suite struct HTMLTokenizerTests {
    /// Tokens rendered as short strings, so whole sequences compare at once.
    static func tokens(_ html: String) -> [String] {
      ExtractTestSupport.withBytes(html) { bytes in
        var tokenizer = HTMLTokenizer(bytes)
        var out: [String] = []
        while let token = tokenizer.next() {
          switch token {
          case .text(let r): out.append("text:" + UTF8Decoding.string(bytes, r))
          case .rawText(let r): out.append("raw:" + UTF8Decoding.string(bytes, r))
          case .cdata(let r): out.append("cdata:" + UTF8Decoding.string(bytes, r))
          case .comment(let r): out.append("comment:" + UTF8Decoding.string(bytes, r))
          case .endTag(let name): out.append("/" + name)
          case .startTag(let tag):
            let attributes = HTMLAttributes.parse(bytes, tag.attributes)
            let list = attributes.keys.sorted().map { "\($0)=\(attributes[$0] ?? "")" }.joined(
              separator: ",")
            out.append(
              "<" + tag.name + (list.isEmpty ? "" : " " + list) + (tag.selfClosing ? "/" : ""))
          }
        }
        return out
      }
    }

    @Test func tagsTextAndCase() {
      #expect(
        Self.tokens("<P Class=lead>你好<BR/>世界</p>") == [
          "<p class=lead", "text:你好", "<br/", "text:世界", "/p",
        ])
    }

    @Test func quotedUnquotedAndBareAttributes() {
      #expect(
        Self.tokens(#"<img src="a.jpg" title='点击 > 查看' width=530 hidden data-x = "y">"#)
          == [#"<img data-x=y,hidden=,src=a.jpg,title=点击 > 查看,width=530"#])
      #expect(
        Self.tokens(#"<a href="?a=1&amp;b=2&copy=3">x</a>"#) == [
          "<a href=?a=1&b=2&copy=3", "text:x", "/a",
        ])
    }

    @Test func greaterThanInsideQuotesDoesNotEndTheTag() {
      #expect(Self.tokens(#"<p title="a>b">text</p>"#) == ["<p title=a>b", "text:text", "/p"])
    }

    @Test func commentsDoctypeAndProcessingInstructions() {
      #expect(
        Self.tokens("<!DOCTYPE html><!-- a <p>b</p> -->x<?xml version='1.0'?><!---->y<!-->z")
          == [
            "comment:DOCTYPE html", "comment: a <p>b</p> ", "text:x", "comment:xml version='1.0'?",
            "comment:",
            "text:y", "comment:", "text:z",
          ])
      #expect(Self.tokens("a<!-- never closed <p>") == ["text:a", "comment: never closed <p>"])
    }

    @Test func cdataIsText() {
      #expect(Self.tokens("<p><![CDATA[a < b]]></p>") == ["<p", "cdata:a < b", "/p"])
    }

    @Test func rawTextRunsToItsOwnEndTag() {
      #expect(
        Self.tokens("<script>if (a<b) x = '</p><div>';</SCRIPT >after")
          == ["<script", "raw:if (a<b) x = '</p><div>';", "/script", "text:after"])
      #expect(
        Self.tokens("<style>p{}</styles></style>") == ["<style", "raw:p{}</styles>", "/style"])
      #expect(Self.tokens("<title>A &amp; B</title>") == ["<title", "raw:A &amp; B", "/title"])
      #expect(Self.tokens("<script>never closed <p>x") == ["<script", "raw:never closed <p>x"])
      #expect(Self.tokens("<script src=x />text") == ["<script src=x/", "text:text"])
    }

    @Test func strayLessThanIsText() {
      #expect(Self.tokens("a < b <3 <中文> c") == ["text:a < b <3 <中文> c"])
      #expect(
        Self.tokens("x</ y>z</>w") == ["text:x", "comment: y", "text:z", "comment:", "text:w"])
    }

    @Test func tagCutOffAtEndOfInputIsDropped() {
      #expect(Self.tokens("text<p class=\"never") == ["text:text", "comment:p class=\"never"])
      #expect(Self.tokens("text<") == ["text:text<"])
    }
  }
}
