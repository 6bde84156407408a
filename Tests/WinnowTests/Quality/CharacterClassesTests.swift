import Testing

@testable import Winnow

@Suite struct CharacterClassesTests {
  @Test func countsCharacterClasses() {
    let s = QualitySignals(body: "你好，世界！ab 12\n\u{FFFD}")
    #expect(s.chars == 11)
    #expect(s.letterShare == 6.0 / 11)
    #expect(s.cjkShare == 4.0 / 6)
    #expect(s.latinShare == 2.0 / 6)
    #expect(s.digitShare == 2.0 / 11)
    #expect(s.punctuationShare == 2.0 / 11)
    #expect(s.symbolShare == 0)
    #expect(s.replacementShare == 1.0 / 11)
  }

  @Test func splitsSymbolsFromPunctuation() {
    let s = QualitySignals(body: "a+b=c, $5 © ★!")
    #expect(s.chars == 11)
    #expect(s.symbolShare == 5.0 / 11)  // + = $ © ★
    #expect(s.punctuationShare == 2.0 / 11)  // , !
    #expect(s.letterShare == 3.0 / 11)
  }

  @Test func fullWidthFormsCountAsTheirASCIIClass() {
    let s = QualitySignals(body: "ＡＢ１２＋，")
    #expect(s.latinShare == 1)
    #expect(s.digitShare == 2.0 / 6)
    #expect(s.symbolShare == 1.0 / 6)
    #expect(s.punctuationShare == 1.0 / 6)
  }
}
