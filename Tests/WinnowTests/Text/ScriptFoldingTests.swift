import Testing

@testable import Winnow

@Suite struct ScriptFoldingTests {
  private func simplified(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map(ScriptFolding.simplified)))
  }

  @Test func loadsOpenCC() throws {
    try ScriptFolding.load()
  }

  @Test func missingConfigIsAClearError() {
    guard case .failure(let error) = ScriptFoldingTable.build(configFile: "no-such-config.json")
    else {
      Issue.record("a missing OpenCC config was accepted")
      return
    }
    #expect(error.configFile == "no-such-config.json")
    #expect(error.description.contains("no-such-config.json"))
    #expect(!error.reason.isEmpty)
  }

  @Test func oneCallPerLineConvertsLikeOneCallPerCharacter() throws {
    let values = (0..<ScriptFolding.tableCount).map(ScriptFolding.scalar(at:))
    let same = ScriptFoldingTable.withConverter(ScriptFolding.configFile) { converter in
      ScriptFoldingTable.convertLines(values, with: converter)
        == values.map { ScriptFoldingTable.convert($0, with: converter) }
    }
    #expect(same == true)
  }

  @Test func foldsTraditionalCharacters() {
    #expect(simplified("國") == "国")
    #expect(simplified("發") == "发")
    #expect(simplified("說") == "说")
    #expect(simplified("俄羅斯維和部隊") == "俄罗斯维和部队")
  }

  @Test func leavesSimplifiedAndNonHanUnchanged() {
    for text in ["国家发展说明", "Hello, World 123", "ひらがな カタカナ 한국어", "，。「」", "𠀀😀"] {
      #expect(simplified(text) == text)
    }
  }

  @Test func foldingTwiceEqualsFoldingOnce() {
    let table = ScriptFolding.table
    let mismatches = table.indices.filter { index in
      table.withUnsafeBufferPointer { ScriptFolding.fold(table[index], table: $0) } != table[index]
    }
    #expect(mismatches.isEmpty, "first: \(mismatches.prefix(5))")
  }

  @Test func tableOnlyMapsHanToHan() {
    let table = ScriptFolding.table
    for index in table.indices where table[index] != ScriptFolding.scalar(at: index) {
      #expect(
        ScalarClass.isCJK(table[index]), "U+\(String(ScriptFolding.scalar(at: index), radix: 16))")
    }
  }

  @Test func traditionalSentenceNormalizesLikeItsSimplifiedForm() {
    let traditional = "來自俄羅斯領導的軍事聯盟的部隊週四抵達哈薩克斯坦，以幫助這個中亞國家恢復秩序。"
    let simplified = "来自俄罗斯领导的军事联盟的部队周四抵达哈萨克斯坦，以帮助这个中亚国家恢复秩序。"
    #expect(MatchNormalizer.normalize(traditional) == MatchNormalizer.normalize(simplified))
    #expect(
      MatchNormalizer.normalize(traditional, foldingTraditional: false)
        != MatchNormalizer.normalize(simplified, foldingTraditional: false))
  }

  @Test func fingerprintsFoldUnlessSwitchedOff() {
    let traditional = "來自俄羅斯領導的軍事聯盟的部隊週四抵達哈薩克斯坦"
    let simplified = "来自俄罗斯领导的军事联盟的部队周四抵达哈萨克斯坦"
    let folding = Fingerprinter(config: FingerprintConfig())
    #expect(folding.fingerprint(traditional) == folding.fingerprint(simplified))
    var config = FingerprintConfig()
    config.foldTraditional = false
    let literal = Fingerprinter(config: config)
    #expect(literal.fingerprint(traditional) != literal.fingerprint(simplified))
  }
}
