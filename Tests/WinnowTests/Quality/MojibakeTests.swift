import Testing

@testable import Winnow

@Suite struct MojibakeTests {
  private func share(_ text: String) -> Double { QualitySignals(body: text).mojibakeShare }

  @Test func findsGBKRenderingsOfBrokenBytes() {
    #expect(share("锟斤拷锟斤拷") == 1)
    #expect(share("烫烫烫") == 1)
    #expect(share("屯屯屯屯") == 1)
  }

  @Test func ordinaryUsesOfTheSameCharactersAreNotMojibake() {
    #expect(share("小心烫伤，烫烫的汤") == 0)
    #expect(share("斤两") == 0)
  }

  @Test func findsUTF8ReadAsLatin1OrCP1252() {
    #expect(share("Ã©") == 1)
    #expect(share("cafÃ©") == 2.0 / 5)
    #expect(share("â€œ") == 1)
    #expect(share("æ–°") == 1)
    #expect(share("ï¿½") == 1)
  }

  @Test func realLatinTextIsNotMojibake() {
    #expect(share("Ça va à la café, déjà vu — «très» naïve") == 0)
  }

  @Test func findsUTF8ReadAsGBK() {
    // "的" and "。" read as GBK.
    #expect(share("鐨銆") == 1)
    #expect(share("这是新闻的正文。") == 0)
  }
}
