import Testing

@testable import Winnow

extension ExtractTests {
  @Suite struct ExtractConfigTests {
    @Test func defaultsAreValid() throws {
      try ExtractConfig().validate()
    }

    @Test func loadsNewKeysFromYAML() throws {
      let yaml = """
        extract:
          join_segmented_cjk: false
          drop_cjk_spaces: all
          segmented_space_ratio: 0.4
          segmented_min_cjk: 50
          segmented_gap_break: 0
          caption_max_chars: 60
        """
      let config = try ConfigLoader.load(yaml: yaml).extract
      #expect(!config.joinSegmentedCJK)
      #expect(config.dropCJKSpaces == .all)
      #expect(config.segmentedSpaceRatio == 0.4)
      #expect(config.segmentedMinCJK == 50)
      #expect(config.segmentedGapBreak == 0)
      #expect(config.captionMaxChars == 60)
    }

    @Test func rejectsOutOfRangeValues() {
      #expect(throws: ConfigError.self) {
        try ConfigLoader.load(yaml: "extract:\n  segmented_space_ratio: 0")
      }
      #expect(throws: ConfigError.self) {
        try ConfigLoader.load(yaml: "extract:\n  caption_max_chars: -1")
      }
      #expect(throws: ConfigError.self) {
        try ConfigLoader.load(yaml: "extract:\n  drop_cjk_spaces: some")
      }
    }
  }
}
