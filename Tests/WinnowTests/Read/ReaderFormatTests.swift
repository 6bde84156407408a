import Foundation
import Testing

@testable import Winnow

@Suite struct ReaderFormatTests {
  let reader = Reader(config: ReadConfig())

  @Test(arguments: [
    ("000_1654b156d270f3a6.txt", InputFormat.text), ("001_542f59c99defaed9.txt", .markdown),
    ("002_43fb4c2225c36c2c.txt", .markdown), ("003_fb868feeb5aa8ae5.txt", .text),
    ("004_d890990bcb6bfe99.txt", .markdown),
  ])
  func seedsAreOneUTF8ArticleOfTheRightFormat(name: String, format: InputFormat) throws {
    let path = ReadFixtures.seed(name)
    let results = reader.readAll(path)
    #expect(results.failures.isEmpty)
    let document = try #require(results.documents.first)
    #expect(results.count == 1)
    #expect(document.format == format)
    #expect(document.encoding == .utf8)
    #expect(!document.compressed)
    #expect(document.content == (try fileText(path)))
    #expect(document.byteCount == (try fileBytes(path)).count)
    #expect(document.location == SourceLocation(path: path))
    #expect(document.fields.isEmpty)
  }

  @Test func thucnewsLayoutIsTSVWithALabelPerArticle() throws {
    let path = ReadFixtures.newsTSV
    let results = reader.readAll(path)
    let lines = try fileBytes(path).count(where: { $0 == 0x0A })
    #expect(results.failures.isEmpty)
    #expect(results.documents.count == lines)
    #expect(
      results.documents.allSatisfy { $0.format == .tsv && $0.fields["label"]?.isEmpty == false })
    #expect(results.documents.map(\.location.line) == Array(1...lines))
  }

  @Test func sniffsFormatsFromContentBeforeExtension() throws {
    let sniffer = FormatSniffer(tsvColumnCount: 2)
    func sniff(_ text: String, ext: String = "txt") -> InputFormat {
      sniffer.sniff(Array(text.utf8), isWholeFile: true, extensionHint: ext)
    }
    #expect(sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}\n") == .jsonl)
    #expect(sniff("{\"text\": \"a\"}\n[1, 2]\n") == .text)
    #expect(sniff("{\"text\": \"a\"}\nnot json\n", ext: "jsonl") == .jsonl)
    #expect(sniff("体育\t比赛结束了\n财经\t股市 上涨\n") == .tsv)
    #expect(sniff("a label\twith spaces\n") == .text)
    #expect(sniff("one\ttwo\tthree\n") == .text)
    #expect(sniff("  <!DOCTYPE html><html><body>x</body></html>") == .html)
    #expect(sniff("<div>\n<head><title>t</title></head>") == .html)
    #expect(sniff("<p>just a paragraph</p>", ext: "html") == .html)
    #expect(sniff("<p>just a paragraph</p>") == .text)
    #expect(sniff("\n\n---\ntitle: 'x'\ntags:\n - a\n---\nbody\n") == .markdown)
    #expect(sniff("---\n这是一段正文，不是元数据。\n---\n") == .text)
    #expect(sniff("---\ntitle: x\n") == .text, "front matter must be closed")
    #expect(sniff("plain words", ext: "md") == .markdown)
  }

  @Test func onlyCompleteLinesOfAHeadAreSniffed() {
    let sniffer = FormatSniffer(tsvColumnCount: 2)
    // The second line is cut off by the end of the head and must not count.
    let head = Array("{\"text\": \"a\"}\n{\"text\": \"cut off".utf8)
    #expect(sniffer.sniff(head, isWholeFile: false, extensionHint: "txt") == .jsonl)
    #expect(sniffer.sniff(head, isWholeFile: true, extensionHint: "txt") == .text)
  }

  @Test func extensionHintIgnoresGzipAndCase() {
    func hint(_ name: String) -> String {
      Reader.extensionHint(InputFile(path: name, relativePath: name))
    }
    #expect(hint("data/a.JSONL.gz") == "jsonl")
    #expect(hint("a.tsv") == "tsv")
    #expect(hint("data.v2/README") == "")
    #expect(hint(".hidden") == "")
  }
}
