import Testing

@testable import Winnow

@Suite struct EdgeSentencesTests {
  let edges = EdgeSentences(maxChars: 20)

  @Test func leadIsTheFirstSentenceThroughItsMark() {
    #expect(edges.lead(of: "本报讯。正文从这里开始，还有很多。") == "本报讯。")
    #expect(edges.lead(of: "他说：“好吧！”然后走了。") == "他说：“好吧！")
    #expect(edges.lead(of: "Breaking news! More follows.") == "Breaking news!")
    #expect(edges.lead(of: "没有句末标点的一行") == nil)
  }

  @Test func tailIsTheTextAfterTheLastSentenceEndButOne() {
    #expect(edges.tail(of: "正文说完了。以上信息仅供参考") == "以上信息仅供参考")
    #expect(edges.tail(of: "第一句。第二句（完）。") == "第二句（完）。")
    #expect(edges.tail(of: "一句话也没有结束") == nil)
  }

  @Test func sentencesLongerThanTheLimitAreNotEdges() {
    let long = String(repeating: "长", count: 30)
    #expect(edges.lead(of: long + "。后文。") == nil)
    #expect(edges.tail(of: "前文。" + long) == nil)
  }

  /// The quick test on the byte before a position lets through every end mark and
  /// closing quote, so it never hides a sentence end.
  @Test func theLastByteTestAcceptsEveryMarkAndQuote() {
    for mark in EdgeSentences.ends.union(EdgeSentences.closingQuotes) {
      let last = String(mark).utf8.last ?? 0
      #expect(EdgeSentences.mayEnd(last), "\(mark)")
    }
    #expect(!EdgeSentences.mayEnd(UInt8(ascii: "a")))
    #expect(!EdgeSentences.mayEnd(0x80))
  }
}
