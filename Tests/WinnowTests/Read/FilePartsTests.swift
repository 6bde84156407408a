import Foundation
import Testing

@testable import Winnow

/// A large line file cut into parts reads, part after part, exactly as it reads whole.
@Suite struct FilePartsTests {
  /// Every result of `path` read part by part (`every` bytes), and the parts. Counted by
  /// the plan (a sharded run) or, by default, as the parts are read in order (one shard);
  /// both ways must number the lines alike.
  static func readInParts(_ path: String, every bytes: Int) throws -> (
    [ReadResult], [FilePart]?
  ) {
    let reader = Reader(config: ReadConfig())
    let file = InputFile(path: path, relativePath: (path as NSString).lastPathComponent)
    guard let counted = reader.parts(of: file, every: bytes, countingLines: true),
      let parts = reader.parts(of: file, every: bytes, countingLines: false)
    else { return ([], nil) }
    var (inOrder, byPlan) = ([ReadResult](), [ReadResult]())
    var lines = 0
    for part in parts {
      #expect((part.linesBefore == nil) == (part.offset > 0), "only the first part is counted")
      lines = reader.read(file, part: part, linesBefore: part.linesBefore ?? lines) {
        inOrder.append($0)
      }
    }
    for part in counted {
      let before = try #require(part.linesBefore)
      reader.read(file, part: part, linesBefore: before) { byPlan.append($0) }
    }
    #expect(summary(inOrder) == summary(byPlan))
    #expect(counted.map { [$0.offset, $0.end] } == parts.map { [$0.offset, $0.end] })
    return (inOrder, counted)
  }

  /// What tells two results apart for these tests: id, line, content and fields.
  static func summary(_ results: [ReadResult]) -> [String] {
    results.map {
      switch $0 {
      case .document(let d):
        "\(d.id) \(d.location) \(d.content) \(d.fields.sorted { $0.key < $1.key }) \(d.encoding)"
      case .failure(let f): "failure \(f.id) \(f.location) \(f.message)"
      }
    }
  }

  static func lines(_ count: Int) -> String {
    (1...count).map { "{\"text\": \"第\($0)条新闻的正文\", \"n\": \($0)}" }.joined(separator: "\n")
  }

  @Test func partsEndAtLineEndsAndCountTheLinesBefore() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let text = Self.lines(40)
    let path = try scratch.write("feed.jsonl", text + "\n")
    let (results, parts) = try Self.readInParts(path, every: 200)
    let cut = try #require(parts)
    #expect(cut.count > 3)
    #expect(cut.first?.offset == 0)
    #expect(cut.last?.end == text.utf8.count + 1)
    let bytes = Array(text.utf8) + [0x0A]
    for (before, after) in zip(cut, cut.dropFirst()) {
      #expect(before.end == after.offset)
      #expect(bytes[after.offset - 1] == 0x0A, "a part starts after a line end")
      #expect(after.linesBefore == bytes[..<after.offset].filter { $0 == 0x0A }.count)
      #expect(before.end - before.offset >= 200)
    }
    #expect(cut.last.map { $0.end - $0.offset >= 100 } == true, "no sliver at the end")
    #expect(Self.summary(results) == Self.summary(Reader(config: ReadConfig()).readAll(path)))
  }

  /// A byte order mark, no line end at the end, a broken record and a blank line: every
  /// part reads as its lines read in the whole file, under the same ids.
  @Test func partsReadAsTheWholeFile() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    var text = Self.lines(30).replacingOccurrences(of: "第7条新闻的正文\"", with: "broken")
    text = text.replacingOccurrences(of: "{\"text\": \"第12条", with: "\n{\"text\": \"第12条")
    let path = try scratch.write("bom.jsonl", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    let (results, parts) = try Self.readInParts(path, every: 150)
    #expect((parts?.count ?? 0) > 3)
    let whole = Reader(config: ReadConfig()).readAll(path)
    #expect(whole.failures.count == 1, "the broken line")
    #expect(Self.summary(results) == Self.summary(whole))
  }

  @Test func aLegacyEncodedFeedIsCutAndDecodedLikeTheWhole() throws {
    let path = ReadFixtures.read("records-gb18030.jsonl")
    let (results, parts) = try Self.readInParts(path, every: 64)
    #expect((parts?.count ?? 0) > 1)
    let whole = Reader(config: ReadConfig()).readAll(path)
    #expect(whole.documents.allSatisfy { $0.encoding == .gb18030 })
    #expect(Self.summary(results) == Self.summary(whole))
  }

  /// The header is line 1 wherever the file is cut, and a later line that repeats it is a record.
  @Test func aTSVFileIsCutAfterItsHeader() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let body = try fileText(ReadFixtures.newsTSV)
    let path = try scratch.write("news.tsv", "label\ttext\n" + body + "label\ttext\n" + body)
    let (results, parts) = try Self.readInParts(path, every: 64)
    #expect((parts?.count ?? 0) > 3)
    let whole = Reader(config: ReadConfig()).readAll(path)
    #expect(whole.documents.contains { $0.content == "text" }, "the repeated header")
    #expect(!whole.documents.contains { $0.location.line == 1 })
    #expect(Self.summary(results) == Self.summary(whole))
  }

  /// Files that cannot be read from an offset stay whole: gzip, UTF-16, one article per file.
  @Test func filesThatCannotBeReadFromAnOffsetAreNotCut() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let lines = Self.lines(40) + "\n"
    let gzip = try scratch.write("feed.jsonl.gz", try GzipDeflater.compress(Array(lines.utf8)))
    let utf16 = try scratch.write(
      "feed16.jsonl",
      [0xFF, 0xFE]
        + lines.utf16.flatMap {
          [UInt8($0 & 0xFF), UInt8($0 >> 8)]
        })
    let page = try scratch.write("page.txt", String(repeating: "一段正文。\n", count: 100))
    for path in [gzip, utf16, page] {
      #expect(try Self.readInParts(path, every: 64).1 == nil, "\(path)")
    }
    #expect(try Self.readInParts(try scratch.write("small.jsonl", lines), every: 1 << 20).1 == nil)
  }

  @Test func aPartOfAFileThatWentAwayFailsUnderItsOwnId() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try scratch.write("feed.jsonl", Self.lines(40) + "\n")
    let reader = Reader(config: ReadConfig())
    let file = InputFile(path: path, relativePath: "feed.jsonl")
    let parts = try #require(reader.parts(of: file, every: 200, countingLines: true))
    try FileManager.default.removeItem(atPath: path)
    var failures: [ReadFailure] = []
    for part in parts {
      reader.read(file, part: part, linesBefore: part.linesBefore ?? 0) {
        failures += [$0].failures
      }
    }
    #expect(failures.count == parts.count)
    #expect(Set(failures.map(\.id)).count == parts.count, "one id per part")
    #expect(failures.allSatisfy { $0.message.contains("cannot open") })
  }
}
