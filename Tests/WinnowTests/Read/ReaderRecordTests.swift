import Foundation
import Testing

@testable import Winnow

@Suite struct ReaderRecordTests {
  let reader = Reader(config: ReadConfig())

  static let records = [
    #"{"id": "n-1", "title": "标题一", "url": "https://example.com/1", "date": "2022-01-06", "text": "正文一"}"#,
    #"{"text": "正文二", "source": "新华社", "views": 12, "hot": true, "tags": ["a", "b"], "x": null}"#,
    "",
    #"{"text": "正文三", "title": "unterminated}"#,
    #"{"id": 42, "text": "正文\n四 \u4e94 \ud83d\ude00"}"#,
    #"{"title": "no text here"}"#,
    #"{"text": 5}"#,
    #"{"id": "", "text": "正文五"}"#,
  ]

  private func writeRecords(_ scratch: ScratchFolder, name: String) throws -> String {
    let text = ReaderRecordTests.records.joined(separator: "\n") + "\n"
    return try scratch.write(name, try GzipDeflater.compress(Array(text.utf8)))
  }

  @Test func gzipJSONLinesWithBrokenLines() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try writeRecords(scratch, name: "news.jsonl.gz")
    let results = reader.readAll(path)
    let documents = results.documents
    #expect(documents.map(\.location.line) == [1, 2, 5, 8])
    #expect(documents.allSatisfy { $0.compressed && $0.format == .jsonl && $0.encoding == .utf8 })
    #expect(documents.map(\.content) == ["正文一", "正文二", "正文\n四 五 😀", "正文五"])
    #expect(documents[0].id == "n-1")
    #expect(
      documents[0].fields == ["title": "标题一", "url": "https://example.com/1", "date": "2022-01-06"])
    #expect(
      documents[1].fields == [
        "source": "新华社", "views": "12", "hot": "true", "tags": #"["a", "b"]"#,
      ])
    #expect(documents[1].id == DocumentID.derived(relativePath: "news.jsonl.gz", line: 2))
    #expect(documents[2].id == "42")
    #expect(
      documents[3].id == DocumentID.derived(relativePath: "news.jsonl.gz", line: 8),
      "empty id is no id")
    #expect(documents[0].byteCount == ReaderRecordTests.records[0].utf8.count)

    let failures = results.failures
    #expect(failures.map(\.location.line) == [4, 6, 7])
    #expect(failures[0].message.hasPrefix("expected a JSON object: unterminated string"))
    #expect(failures[0].content == ReaderRecordTests.records[3])
    #expect(failures[0].id == DocumentID.derived(relativePath: "news.jsonl.gz", line: 4))
    #expect(failures[1].message == "no field 'text' (the text field)")
    #expect(failures[2].message == "field 'text' (the text field) is not a string")
  }

  @Test func resultsComeInInputOrder() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let results = reader.readAll(try writeRecords(scratch, name: "news.jsonl.gz"))
    let lines = results.map { result in
      switch result {
      case .document(let document): document.location.line
      case .failure(let failure): failure.location.line
      }
    }
    #expect(lines == [1, 2, 4, 5, 6, 7, 8])
  }

  @Test func configuredFieldNamesMapToStandardFields() throws {
    var config = ReadConfig()
    config.jsonl.text = "body"
    config.jsonl.title = "headline"
    config.jsonl.id = "docid"
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try scratch.write(
      "a.jsonl",
      #"{"docid": "d7", "headline": "头条", "body": "内容", "title": "ignored", "text": "other"}"#)
    let document = try #require(Reader(config: config).readAll(path).documents.first)
    #expect(document.id == "d7")
    #expect(document.content == "内容")
    #expect(document.fields == ["title": "头条", "text": "other"])
  }

  @Test func gzipIsFoundByMagicBytesNotName() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let text = try fileText(ReadFixtures.seed("003_fb868feeb5aa8ae5.txt"))
    let path = try scratch.write("article.txt", try GzipDeflater.compress(Array(text.utf8)))
    let document = try #require(reader.readAll(path).documents.first)
    #expect(document.compressed)
    #expect(document.format == .text)
    #expect(document.content == text)
    #expect(document.byteCount == text.utf8.count)
  }

  @Test func truncatedGzipKeepsEarlierRecordsAndFailsOnce() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let lines = (1...2000).map { #"{"text": "第\#($0)篇文章的正文内容。"}"# }.joined(separator: "\n") + "\n"
    let full = try GzipDeflater.compress(Array(lines.utf8))
    let path = try scratch.write("cut.jsonl.gz", Array(full.prefix(full.count / 2)))
    let results = reader.readAll(path)
    let failures = results.failures
    #expect(failures.count == 1)
    #expect(failures.first?.message.contains("truncated gzip data") == true)
    #expect(failures.first?.location == SourceLocation(path: path))
    try #require(results.documents.count > 10)
    #expect(results.documents.count < 2000)
    #expect(results.documents.map(\.location.line) == Array(1...results.documents.count))
    if case .failure = results.last {} else { Issue.record("the failure must come last") }
  }

  @Test func corruptGzipFails() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    var bytes = try GzipDeflater.compress(Array(String(repeating: "新闻正文。", count: 2000).utf8))
    for index in 20..<40 { bytes[index] ^= 0x5A }
    let path = try scratch.write("broken.txt.gz", bytes)
    let results = reader.readAll(path)
    #expect(results.documents.isEmpty)
    let failure = try #require(results.failures.first)
    #expect(results.count == 1)
    #expect(failure.message.contains("gzip"))
  }

  @Test func tsvColumnsBecomeContentAndFields() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let text = "label\ttext\n体育\t湖人赢了比赛\r\n财经\t股市\t上涨\n\n科技\t新手机发布"
    let path = try scratch.write("news.tsv", text)
    let results = reader.readAll(path)
    #expect(results.documents.map(\.content) == ["湖人赢了比赛", "新手机发布"])
    #expect(results.documents.map(\.fields) == [["label": "体育"], ["label": "科技"]])
    #expect(results.documents.map(\.location.line) == [2, 5])
    #expect(results.documents.first?.byteCount == "体育\t湖人赢了比赛".utf8.count)
    let failure = try #require(results.failures.first)
    #expect(results.failures.count == 1)
    #expect(failure.location.line == 3)
    #expect(failure.message == "expected 2 tab-separated columns, found 3")
    #expect(failure.content == "财经\t股市\t上涨")
  }

  @Test func tsvIdColumnIsTheId() throws {
    var config = ReadConfig()
    config.tsvColumns = ["id", "label", "text"]
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try scratch.write("a.tsv", "x1\t体育\t正文\n\t财经\t正文二\n")
    let documents = Reader(config: config).readAll(path).documents
    #expect(documents.map(\.id) == ["x1", DocumentID.derived(relativePath: "a.tsv", line: 2)])
    #expect(documents.first?.fields == ["label": "体育"])
  }

  @Test func linesSpanningChunksAreJoined() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    // Long records so that many of them straddle the 1 MiB read chunks.
    let body = String(repeating: "长文本", count: 30_000)
    let lines = (1...40).map { "\($0)\t\(body)\($0)" }.joined(separator: "\n")
    let path = try scratch.write("long.tsv", lines)
    let documents = Reader(config: ReadConfig()).readAll(path).documents
    #expect(documents.count == 40)
    #expect(documents.enumerated().allSatisfy { $0.element.content == body + "\($0.offset + 1)" })
  }
}
