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

  /// The word-at-a-time scan stops exactly where a byte-by-byte one does, whatever
  /// the bytes around and wherever in the word the byte that may need an escape is.
  @Test func escapeScanStopsWhereAByteScanDoes() {
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt8] =
      [0x00, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xA8]
      + [0xE1, 0xE2, 0xE3, 0xE4, 0xFF, 0x41, 0x41, 0x41, 0xE5, 0xE5, 0x9B, 0xBD]
    for _ in 0..<2000 {
      let count = Int.random(in: 0...40, using: &generator)
      let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
      bytes.withUnsafeBufferPointer { buffer in
        for start in 0...count {
          let expected = buffer[start...].firstIndex(where: EscapeScan.mayEscape) ?? count
          #expect(EscapeScan.next(in: buffer, from: start) == expected, "\(bytes) from \(start)")
        }
      }
    }
  }

  /// Every character that needs an escape, at every offset in a long Chinese text, is
  /// escaped and round-trips through a JSON parser; so do the other E2-led characters
  /// (“…—”), left as they are.
  @Test func escapesAtEveryOffsetOfALongText() throws {
    let base = Array("新华社北京电“国务院总理”今日主持召开会议…".unicodeScalars)
    for special in ["\"", "\\", "\n", "\u{01}", "\u{2028}", "\u{2029}", "—"] {
      for offset in 0...base.count {
        var scalars = String.UnicodeScalarView(base)
        scalars.insert(
          contentsOf: special.unicodeScalars,
          at: scalars.index(scalars.startIndex, offsetBy: offset))
        let text = String(scalars)
        var json = JSONWriter()
        json.beginObject()
        json.field("t", text)
        json.endObject()
        let object = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: String]
        #expect(object?["t"] == text, "\(special) at \(offset)")
        let written = String(decoding: json.bytes, as: UTF8.self)
        let raw = ["\n", "\u{01}", "\u{2028}", "\u{2029}"].filter { written.contains($0) }
        #expect(raw.isEmpty, "\(special) at \(offset): left unescaped")
      }
    }
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
