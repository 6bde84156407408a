import Testing

@testable import Winnow

@Suite struct WriteConfigTests {
  @Test func libdeflateAtLevelSixIsTheDefault() {
    #expect(WriteConfig().compressor == .libdeflate)
    #expect(WriteConfig().compressionLevel == 6)
  }

  @Test func everyCompressorCanBeChosen() throws {
    for compressor in GzipCompressor.allCases {
      let yaml = "write:\n  compressor: \(compressor.rawValue)\n  compression_level: 3\n"
      let config = try ConfigLoader.load(yaml: yaml)
      #expect(config.write.compressor == compressor)
    }
  }

  @Test func anUnknownCompressorNamesTheKey() {
    #expect {
      try ConfigLoader.load(yaml: "write:\n  compressor: lz4\n")
    } throws: { error in
      guard case ConfigError.invalidValue(let key, _) = error else { return false }
      return key == "write.compressor"
    }
  }

  @Test(arguments: [
    ("libdeflate", 1, true), ("libdeflate", 12, true), ("libdeflate", 13, false),
    ("libdeflate", 0, false), ("zlib", 1, true), ("zlib", 9, true), ("zlib", 10, false),
    ("zlib", 12, false), ("isal", 1, true), ("isal", 3, true), ("isal", 0, false),
    ("isal", 6, false),
  ])
  func levelsAreCheckedAgainstTheCompressor(compressor: String, level: Int, valid: Bool) {
    let yaml = "write:\n  compressor: \(compressor)\n  compression_level: \(level)\n"
    if valid {
      #expect(throws: Never.self) { try ConfigLoader.load(yaml: yaml) }
    } else {
      #expect {
        try ConfigLoader.load(yaml: yaml)
      } throws: { error in
        guard case ConfigError.invalidValue(let key, let message) = error else { return false }
        return key == "write.compression_level" && message.contains(compressor)
      }
    }
  }
}
