import Foundation
import Testing

@testable import Winnow

@Suite struct QualityRecordTests {
  @Test func recordCarriesEverySignalInSnakeCase() throws {
    let signals = QualitySignals(body: "第一段。\n\n第二段，见www.a.cn")
    let record = CorpusRecord(
      id: "id1", location: SourceLocation(path: "a.txt", line: 1), format: nil, encoding: nil,
      metadata: Metadata(), quality: signals, rejection: nil, text: "x")
    var json = JSONWriter()
    record.write(to: &json)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
    let quality = try #require(object["quality"] as? [String: Any])
    let keys = [
      "chars", "letter_share", "cjk_share", "latin_share", "digit_share", "punctuation_share",
      "symbol_share", "replacement_share", "mojibake_share", "markup_share", "tags", "entities",
      "markdown_images", "urls", "lines", "mean_line_chars", "max_line_chars",
      "duplicate_line_share", "duplicate_paragraph_share", "top_2gram_share", "top_3gram_share",
      "top_4gram_share", "duplicate_5gram_share", "duplicate_6gram_share",
      "duplicate_7gram_share", "duplicate_8gram_share", "duplicate_9gram_share",
      "duplicate_10gram_share", "boilerplate_share", "script", "truncated",
    ]
    #expect(Set(quality.keys) == Set(keys))
    #expect(quality["script"] as? String == "simplified")
    #expect(quality["truncated"] as? Bool == true)
    #expect(quality["urls"] as? Int == 1)
    #expect(quality["lines"] as? Int == 2)
  }
}
