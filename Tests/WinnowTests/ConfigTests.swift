import Foundation
import Testing

@testable import Winnow

@Suite struct ConfigTests {
  static let repoConfig = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Config/winnow.yaml").path

  @Test func repoFileEqualsBuiltInDefaults() throws {
    #expect(try ConfigLoader.load(path: Self.repoConfig) == Config())
  }

  @Test func emptyFileGivesDefaults() throws {
    #expect(try ConfigLoader.load(yaml: "") == Config())
    #expect(try ConfigLoader.load(yaml: "# nothing\n") == Config())
  }

  @Test func overridesOneKeyAndKeepsTheRest() throws {
    let config = try ConfigLoader.load(
      yaml: "dedup:\n  threshold: 0.7\nquality:\n  min_chars: 10\n")
    #expect(config.dedup.threshold == 0.7)
    #expect(config.quality.minChars == 10)
    #expect(config.dedup.bands == 0)
    #expect(config.clean.rules == BoilerplateRule.defaults)
  }

  @Test func unknownKeyNamesTheKey() {
    #expect(throws: ConfigError.unknownKey(file: "x.yaml", key: "dedup.treshold")) {
      try ConfigLoader.load(yaml: "dedup:\n  treshold: 0.7\n", file: "x.yaml")
    }
    #expect(throws: ConfigError.unknownKey(file: "x.yaml", key: "colour")) {
      try ConfigLoader.load(yaml: "colour: red\n", file: "x.yaml")
    }
  }

  @Test func unknownKeyInsideARuleIsAnError() {
    let yaml = "clean:\n  rules:\n    - name: x\n      patterns: [a]\n      max_char: 3\n"
    #expect {
      try ConfigLoader.load(yaml: yaml)
    } throws: { error in
      "\(error)".contains("max_char") && "\(error)".contains("clean.rules")
    }
  }

  @Test func outOfRangeValueNamesTheKey() {
    #expect {
      try ConfigLoader.load(yaml: "dedup:\n  threshold: 1.5\n")
    } throws: { error in
      guard case ConfigError.invalidValue(let key, _) = error else { return false }
      return key == "dedup.threshold"
    }
  }

  @Test func wrongTypeNamesTheKey() {
    #expect {
      try ConfigLoader.load(yaml: "write:\n  compression_level: fast\n")
    } throws: { error in
      guard case ConfigError.invalidValue(let key, _) = error else { return false }
      return key == "write.compression_level"
    }
  }

  @Test func rulesGivenReplaceTheDefaultList() throws {
    let yaml = "clean:\n  rules:\n    - name: promo\n      patterns: [广告]\n"
    let config = try ConfigLoader.load(yaml: yaml)
    #expect(config.clean.rules == [BoilerplateRule(name: "promo", patterns: ["广告"])])
  }

  @Test func badYAMLIsASyntaxError() {
    #expect {
      try ConfigLoader.load(yaml: "dedup: [unclosed\n", file: "bad.yaml")
    } throws: { error in
      guard case ConfigError.syntax(let file, _) = error else { return false }
      return file == "bad.yaml"
    }
  }

  @Test func digestChangesWithTheConfig() {
    var other = Config()
    other.dedup.threshold = 0.7
    #expect(Config().digest == Config().digest)
    #expect(Config().digest != other.digest)
    #expect(Config().digest.count == 64)
    var moved = Config()
    moved.history.path = "elsewhere/history.sqlite"
    #expect(
      moved.digest == Config().digest, "where the history lives is not how articles are judged")
    moved.history.windowDays = 7
    #expect(moved.digest != Config().digest)
  }
}
