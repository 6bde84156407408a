import Testing

@testable import Winnow

@Suite struct QualityConfigTests {
  @Test func readsTheNewKeys() throws {
    let yaml = """
      quality:
        allowed_scripts: [simplified]
        max_duplicate_10gram_share: 0.5
        reject_truncated: true
      """
    let config = try ConfigLoader.load(yaml: yaml).quality
    #expect(config.allowedScripts == [.simplified])
    #expect(config.maxDuplicate10gramShare == 0.5)
    #expect(config.rejectTruncated)
  }

  @Test func outOfRangeNgramThresholdNamesTheKey() {
    #expect {
      try ConfigLoader.load(yaml: "quality:\n  max_top_3gram_share: 1.5\n")
    } throws: { error in
      guard case ConfigError.invalidValue(let key, _) = error else { return false }
      return key == "quality.max_top_3gram_share"
    }
  }

  @Test func unknownScriptIsAnError() {
    #expect(throws: ConfigError.self) {
      try ConfigLoader.load(yaml: "quality:\n  allowed_scripts: [klingon]\n")
    }
  }
}
