import Testing

@testable import Winnow

@Suite struct TruncationTests {
  private func truncated(_ text: String) -> Bool { QualitySignals(body: text).truncated }

  @Test func sentenceEndsAreNotTruncated() {
    #expect(!truncated("他说。"))
    #expect(!truncated("他说：“好。”"))
    #expect(!truncated("结束了！ \n"))
    #expect(!truncated("（完）"))
    #expect(!truncated("It ended."))
    #expect(!truncated("等等……"))
    #expect(!truncated(""))
  }

  @Test func midSentenceEndsAreTruncated() {
    #expect(truncated("他说"))
    #expect(truncated("价格为100"))
    #expect(truncated("据报道，"))
    #expect(truncated("and then the"))
  }
}
