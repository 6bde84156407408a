import Testing

@testable import Winnow

@Suite struct MatchNormalizerTests {
  private func normalized(_ text: String) -> String {
    String(
      String.UnicodeScalarView(MatchNormalizer.normalize(text).compactMap(Unicode.Scalar.init)))
  }

  @Test func foldsFullWidthFormsAndDropsTheirPunctuation() {
    #expect(normalized("ＡＢＣ１２３，") == "abc123")
    #expect(normalized("ｈｅｌｌｏ！ｗｏｒｌｄ？") == "helloworld")
  }

  @Test func segmentedAndUnsegmentedCJKAreTheSame() {
    #expect(MatchNormalizer.normalize("吉 反对派 占领") == MatchNormalizer.normalize("吉反对派占领"))
    #expect(normalized("吉 反对派\u{3000}占领\n\t总统府") == "吉反对派占领总统府")
  }

  @Test func dropsPunctuationAndSymbols() {
    #expect(normalized("你好，世界！「引号」《书名》……——") == "你好世界引号书名")
    #expect(normalized("Hello, World! (x) #1 $5 @a ~b") == "helloworldx15ab")
    #expect(normalized("温度 25℃ · 价格 ¥100 © ™ ① 😀") == "温度25价格100①")
  }

  @Test func lowercasesLatinGreekAndCyrillic() {
    #expect(normalized("ÀÉÎ Ñandú") == "àéîñandú")
    #expect(normalized("ΑΒΓ ΣΊΣΥΦΟΣ") == "αβγσίσυφοσ")
    #expect(normalized("Привет МИР") == "приветмир")
    #expect(MatchNormalizer.normalize("İ") == [0x69, 0x307])
  }

  @Test func keepsKanaHangulAndRareIdeographs() {
    #expect(normalized("ひらがな カタカナ 한국어 𠀀") == "ひらがなカタカナ한국어𠀀")
  }

  @Test func appendsToExistingOutput() {
    var output: [UInt32] = [7]
    MatchNormalizer.normalize("Ａ b", into: &output)
    MatchNormalizer.normalize("", into: &output)
    MatchNormalizer.normalize("中", into: &output)
    #expect(output == [7, 0x61, 0x62, 0x4E2D])
  }

  /// The fast paths must give the definition's result for every scalar.
  @Test func agreesWithTheDefinitionForEveryScalar() {
    var mismatches: [UInt32] = []
    var start: UInt32 = 0
    while start < 0x11_0000 {
      let end = min(start + 512, 0x11_0000)
      let text = String(String.UnicodeScalarView((start..<end).compactMap(Unicode.Scalar.init)))
      if MatchNormalizer.normalize(text) != ReferenceMatchNormalizer.normalize(text) {
        mismatches += (start..<end).filter { value in
          let one = Unicode.Scalar(value).map { String(Character($0)) } ?? ""
          return MatchNormalizer.normalize(one) != ReferenceMatchNormalizer.normalize(one)
        }
      }
      start = end
    }
    #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(10))")
  }

  @Test func agreesWithTheDefinitionOnTheSeeds() throws {
    for prefix in ["000", "001", "002", "003", "004"] {
      let text = try FingerprintFixtures.seed(prefix)
      #expect(MatchNormalizer.normalize(text) == ReferenceMatchNormalizer.normalize(text))
    }
  }
}

/// The normalization as first written, scalar by scalar with Unicode
/// properties (and `ScriptFolding` for Han characters): the definition the
/// fast `MatchNormalizer` must reproduce.
private enum ReferenceMatchNormalizer {
  static func normalize(_ text: String) -> [UInt32] {
    var output: [UInt32] = []
    for scalar in text.unicodeScalars {
      var v = scalar.value
      if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
      if v < 0x80 {
        if v >= 0x41 && v <= 0x5A {
          output.append(v + 0x20)
        } else if (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) {
          output.append(v)
        }
        continue
      }
      if ScalarClass.isCJK(v) {
        output.append(ScriptFolding.simplified(scalar).value)
        continue
      }
      if ScalarClass.isWhitespace(v) || ScalarClass.isPunctuationOrSymbol(v) { continue }
      guard let s = Unicode.Scalar(v) else { continue }
      if s.properties.changesWhenLowercased {
        output.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars.map(\.value))
      } else {
        output.append(v)
      }
    }
    return output
  }
}

@Suite struct ScalarClassTests {
  @Test func ideographicMarksAreLettersNotPunctuation() {
    for mark in "々〇〻".unicodeScalars {
      #expect(ScalarClass.isCJK(mark.value))
      #expect(!ScalarClass.isCJKPunctuation(mark.value))
    }
    #expect(MatchNormalizer.normalize("二〇二二年，人々") == Array("二〇二二年人々".unicodeScalars.map(\.value)))
  }

  @Test func cjkPunctuationIsPunctuation() {
    for mark in "，。、：；！？「」『』（）【】《》〈〉“”…—·　".unicodeScalars {
      #expect(
        ScalarClass.isCJKPunctuation(mark.value) || ScalarClass.isWhitespace(mark.value), "\(mark)")
      #expect(!ScalarClass.isCJK(mark.value))
    }
  }
}
