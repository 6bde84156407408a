import Foundation
import Testing

@testable import Winnow

@Suite struct ReaderEncodingTests {
  let reader = Reader(config: ReadConfig())

  /// The fixtures were made with `iconv -f UTF-8 -t GB18030` / `-t BIG5` from the UTF-8 files.
  @Test(arguments: [
    ("simplified-gb18030.txt", "simplified-utf8.txt", TextEncoding.gb18030),
    ("traditional-gb18030.txt", "traditional-utf8.txt", .gb18030),
    ("traditional-big5.txt", "traditional-utf8.txt", .big5),
  ])
  func legacyChineseDecodesToTheSameText(encoded: String, reference: String, encoding: TextEncoding)
    throws
  {
    let results = reader.readAll(ReadFixtures.read(encoded))
    let document = try #require(results.documents.first)
    #expect(results.count == 1)
    #expect(document.encoding == encoding)
    #expect(document.content == (try fileText(ReadFixtures.read(reference))))
    #expect(document.byteCount == (try fileBytes(ReadFixtures.read(encoded))).count)
  }

  @Test func big5BytesThatAlsoDecodeAsGB18030AreScoredAsBig5() throws {
    // The Big5 fixture is valid GB18030 too; only the frequency score tells them apart.
    let bytes = try fileBytes(ReadFixtures.read("traditional-big5.txt"))
    guard case .decoded = LegacyDecoder(.gb18030)?.decode(bytes) else {
      Issue.record("the fixture no longer decodes as GB18030, so this test proves nothing")
      return
    }
    guard case .chosen(let decoder, _) = LegacyChoice.choose(bytes, allowTruncatedEnd: false) else {
      Issue.record("no encoding chosen")
      return
    }
    #expect(decoder.encoding == .big5)
  }

  @Test(arguments: [TextEncoding.utf16LE, .utf16BE])
  func utf16WithByteOrderMark(encoding: TextEncoding) throws {
    let text = try fileText(ReadFixtures.read("traditional-utf8.txt")) + "😀 end"
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try scratch.write("utf16.txt", utf16Bytes(text, bigEndian: encoding == .utf16BE))
    let results = reader.readAll(path)
    let document = try #require(results.documents.first)
    #expect(results.count == 1)
    #expect(document.encoding == encoding)
    #expect(document.content == text)
    #expect(document.format == .text)
  }

  @Test func utf16JSONLinesAreReadLineByLine() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let text = "{\"text\": \"第一篇\"}\n{\"text\": \"第二篇\"}\n"
    let path = try scratch.write("records.jsonl", utf16Bytes(text, bigEndian: false))
    let documents = reader.readAll(path).documents
    #expect(documents.map(\.content) == ["第一篇", "第二篇"])
    #expect(documents.allSatisfy { $0.encoding == .utf16LE && $0.format == .jsonl })
  }

  @Test func unpairedUTF16SurrogateFails() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try scratch.write("bad16.txt", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00])
    let failure = try #require(reader.readAll(path).failures.first)
    #expect(failure.message.contains("UTF-16LE"))
    #expect(failure.message.contains("offset 4"))
  }

  @Test func utf8ByteOrderMarkIsStrippedAndRecorded() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try scratch.write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("新闻正文".utf8))
    let document = try #require(reader.readAll(path).documents.first)
    #expect(document.encoding == .utf8BOM)
    #expect(document.content == "新闻正文")
    #expect(document.byteCount == 15)
  }

  @Test func utf8ByteOrderMarkOnJSONLines() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try scratch.write(
      "bom.jsonl", [0xEF, 0xBB, 0xBF] + Array("{\"text\": \"甲\"}\n{\"text\": \"乙\"}".utf8))
    let documents = reader.readAll(path).documents
    #expect(documents.map(\.content) == ["甲", "乙"])
    #expect(documents.allSatisfy { $0.encoding == .utf8BOM && $0.format == .jsonl })
  }

  @Test func undecodableFileFailsNamingOffsetAndEncodingsTried() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try scratch.write("junk.txt", Array("abc".utf8) + [0xFF, 0x80, 0x0A, 0xFF])
    let results = reader.readAll(path)
    let failure = try #require(results.failures.first)
    #expect(results.count == 1)
    #expect(failure.message.contains("not UTF-8 (byte 0xFF at offset 3)"))
    #expect(failure.message.contains("GB18030"))
    #expect(failure.message.contains("BIG5"))
    #expect(failure.id == DocumentID.derived(relativePath: "junk.txt"))
    #expect(failure.location == SourceLocation(path: path))
  }

  @Test func gb18030JSONLinesAreDecodedPerLine() throws {
    let documents = reader.readAll(ReadFixtures.read("records-gb18030.jsonl")).documents
    #expect(documents.count == 2)
    #expect(documents.allSatisfy { $0.encoding == .gb18030 && $0.format == .jsonl })
    #expect(documents.first?.id == "gb-1")
    #expect(documents.first?.fields["title"] == "读书节开幕")
    #expect(documents.last?.content == "读书节期间各类图书销售量比去年同期增长了百分之二十。")
  }

  @Test func corruptLineInAGB18030FileFailsAlone() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let good = try fileBytes(ReadFixtures.read("records-gb18030.jsonl"))
    let bad = Array(#"{"text": ""#.utf8) + [0xFF, 0xFE] + Array(#""}"#.utf8) + [0x0A]
    let path = try scratch.write("mixed-gb.jsonl", good + bad + good)
    let results = reader.readAll(path)
    #expect(results.documents.count == 4)
    #expect(results.documents.allSatisfy { $0.encoding == .gb18030 })
    #expect(results.documents.map(\.location.line) == [1, 2, 4, 5])
    let failure = try #require(results.failures.first)
    #expect(results.failures.count == 1)
    #expect(failure.location.line == 3)
    #expect(failure.message.hasPrefix("not valid GB18030"))
    #expect(
      failure.message.contains("byte 0xFF at offset \(good.count + 10) (byte 11 of the line)"))
  }

  @Test func utf8WithACorruptByteFailsInsteadOfBecomingMojibake() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let text = try fileBytes(ReadFixtures.read("simplified-utf8.txt"))
    let path = try scratch.write("corrupt.txt", Array(text[..<10]) + [0xFF] + Array(text[10...]))
    let results = reader.readAll(path)
    let failure = try #require(results.failures.first)
    #expect(results.documents.isEmpty)
    #expect(
      failure.message.hasPrefix("cannot decode the text: not UTF-8 (byte 0xFF at offset 10)"))
    #expect(failure.byteCount == text.count + 1)
  }

  @Test func invalidLineInAUTF8JSONLinesFileFailsAlone() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let lines =
      Array("{\"text\": \"好\"}\n{\"text\": \"".utf8) + [0xE5, 0x41]
      + Array("\"}\n{\"text\": \"的\"}\n".utf8)
    let path = try scratch.write("mixed.jsonl", lines)
    let results = reader.readAll(path)
    #expect(results.documents.map(\.content) == ["好", "的"])
    let failure = try #require(results.failures.first)
    #expect(failure.location.line == 2)
    #expect(
      failure.message == "not valid UTF-8: byte 0xE5 at offset 26 (byte 11 of the line)")
  }

  @Test func utf8CheckFindsTheFirstInvalidByte() {
    #expect(UTF8Check.firstInvalid(Array("中文abc".utf8)) == nil)
    #expect(UTF8Check.firstInvalid([0x61, 0xC0, 0x80]) == 1, "overlong")
    #expect(UTF8Check.firstInvalid([0xED, 0xA0, 0x80]) == 0, "surrogate")
    #expect(UTF8Check.firstInvalid([0xF4, 0x90, 0x80, 0x80]) == 0, "above U+10FFFF")
    #expect(UTF8Check.firstInvalid([0x61, 0xE4, 0xB8]) == 1)
    #expect(UTF8Check.firstInvalid([0x61, 0xE4, 0xB8], allowTruncatedEnd: true) == nil)
  }

  private func utf16Bytes(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
      let high = UInt8(unit >> 8)
      let low = UInt8(unit & 0xFF)
      bytes += bigEndian ? [high, low] : [low, high]
    }
    return bytes
  }
}
