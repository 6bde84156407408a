import Foundation
import Testing

@testable import Winnow

@Suite struct JSONWriterTests {
  @Test func escapesWhatJSONNeedsAndKeepsUTF8() throws {
    let tricky = "引号\"反斜杠\\换行\n制表\t\u{01}\u{2028}末尾 </script>"
    var json = JSONWriter()
    json.beginObject()
    json.field("text", tricky)
    json.field("n", 3)
    json.field("share", 0.123456)
    json.field("ok", true)
    json.beginArray("tags")
    json.element("a")
    json.element("乙")
    json.endArray()
    json.endObject()
    let text = String(decoding: json.bytes, as: UTF8.self)
    #expect(text.contains("\\u2028"))
    #expect(text.contains("引号"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
    #expect(object["text"] as? String == tricky)
    #expect(object["n"] as? Int == 3)
    #expect(object["share"] as? Double == 0.1235)
    #expect(object["ok"] as? Bool == true)
    #expect(object["tags"] as? [String] == ["a", "乙"])
  }

  @Test func leavesOutAbsentValues() {
    var json = JSONWriter()
    json.beginObject()
    json.field("a", nil as String?)
    json.field("b", 1)
    json.endObject()
    #expect(String(decoding: json.bytes, as: UTF8.self) == "{\"b\":1}")
  }

  @Test func recordKeepsKeyOrderAndRejection() throws {
    var rejection = Rejection(reason: .duplicate, message: "near duplicate of x")
    rejection.duplicateOf = "x"
    rejection.similarity = 0.91
    let record = CorpusRecord(
      id: "id1", location: SourceLocation(path: "a.jsonl", line: 3), format: .jsonl,
      encoding: .gb18030,
      metadata: Metadata(title: "标题", extra: ["z": "1", "label": "体育"]), quality: QualitySignals(),
      rejection: rejection, text: "正文")
    var json = JSONWriter()
    record.write(to: &json)
    let line = String(decoding: json.bytes, as: UTF8.self)
    #expect(
      line.hasPrefix(
        "{\"id\":\"id1\",\"title\":\"标题\",\"fields\":{\"label\":\"体育\",\"z\":\"1\"},\"source\":\"a.jsonl\",\"line\":3"
      ))
    #expect(line.hasSuffix("\"text\":\"正文\"}\n"))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
    #expect(object["reason"] as? String == "duplicate")
    #expect(object["duplicate_of"] as? String == "x")
    #expect(object["encoding"] as? String == "GB18030")
  }
}
