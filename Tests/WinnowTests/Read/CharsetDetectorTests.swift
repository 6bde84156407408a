import Foundation
import Testing

@testable import Winnow

@Suite struct CharsetDetectorTests {
  let reader = Reader(config: ReadConfig())

  @Test(arguments: [
    ("simplified-gb18030.txt", TextEncoding.gb18030),
    ("traditional-big5.txt", .big5),
  ])
  func uchardetNamesTheLegacyEncoding(name: String, encoding: TextEncoding) throws {
    #expect(CharsetDetector.guess(try fileBytes(ReadFixtures.read(name))) == encoding)
  }

  @Test func charsetNamesMapToWinnowEncodings() {
    #expect(CharsetDetector.encoding(named: "GB2312") == .gb18030)
    #expect(CharsetDetector.encoding(named: "gbk") == .gb18030)
    #expect(CharsetDetector.encoding(named: "BIG5-HKSCS") == .big5)
    #expect(CharsetDetector.encoding(named: "UTF-16BE") == .utf16BE)
    #expect(CharsetDetector.encoding(named: "WINDOWS-1252") == nil)
  }

  /// The fixtures were made with `iconv -t UTF-16LE` / `-t UTF-16BE`, which write no mark.
  @Test(arguments: [
    ("traditional-utf16le.txt", "traditional-utf8.txt", TextEncoding.utf16LE),
    ("simplified-utf16be.txt", "simplified-utf8.txt", .utf16BE),
  ])
  func utf16WithoutByteOrderMark(encoded: String, reference: String, encoding: TextEncoding) throws
  {
    let results = reader.readAll(ReadFixtures.read(encoded))
    let document = try #require(results.documents.first)
    #expect(results.count == 1)
    #expect(document.encoding == encoding)
    #expect(document.content == (try fileText(ReadFixtures.read(reference))))
    #expect(document.format == .text)
  }

  @Test func englishUTF16WithoutByteOrderMark() throws {
    let document = try #require(
      reader.readAll(ReadFixtures.read("english-utf16le.txt")).documents.first)
    #expect(document.encoding == .utf16LE)
    #expect(document.content.hasPrefix("Winnow reads plain English text too.\n"))
  }

  @Test func unmarkedUTF16JSONLinesAreReadLineByLine() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let text = "{\"text\": \"第一篇\"}\n{\"text\": \"第二篇\"}\n"
    let bytes = text.utf16.flatMap { unit in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
    let documents = reader.readAll(try scratch.write("records.jsonl", bytes)).documents
    #expect(documents.map(\.content) == ["第一篇", "第二篇"])
    #expect(documents.allSatisfy { $0.encoding == .utf16BE && $0.format == .jsonl })
  }

  @Test func chineseUTF16WithoutAnyASCIIIsFound() throws {
    let text = try fileText(ReadFixtures.read("simplified-utf8.txt")).unicodeScalars
      .filter { $0.value >= 0x80 }
    let bytes = String(String.UnicodeScalarView(text)).utf16.flatMap { unit in
      [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    #expect(UnmarkedUTF16.zeroPattern(bytes) == nil, "no ASCII, so no pattern of zeros")
    #expect(UnmarkedUTF16.detect(bytes) == .utf16LE)
  }

  @Test(arguments: [
    "simplified-utf8.txt", "traditional-utf8.txt", "simplified-gb18030.txt",
    "traditional-gb18030.txt", "traditional-big5.txt", "records-gb18030.jsonl", "news.tsv",
  ])
  func otherEncodingsAreNeverTakenForUTF16(name: String) throws {
    #expect(UnmarkedUTF16.detect(try fileBytes(ReadFixtures.read(name))) == nil)
  }

  @Test func seedsAreNeverTakenForUTF16() throws {
    for seed in ReadFixtures.seedNames {
      let bytes = try fileBytes(ReadFixtures.seed(seed))
      #expect(UnmarkedUTF16.detect(bytes) == nil, "\(seed)")
      #expect(reader.readAll(ReadFixtures.seed(seed)).documents.first?.encoding == .utf8)
    }
  }

  @Test func brokenUTF8WithAStrayZeroIsNotUTF16() throws {
    var bytes = try fileBytes(ReadFixtures.read("simplified-utf8.txt"))
    bytes[10] = 0
    bytes[40] = 0xFF
    #expect(UnmarkedUTF16.detect(bytes) == nil)
  }
}
