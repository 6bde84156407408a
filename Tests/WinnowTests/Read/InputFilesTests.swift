import Foundation
import Testing

@testable import Winnow

@Suite struct ReadInputFilesTests {
  let reader = Reader(config: ReadConfig())

  @Test func foldersAreWalkedSortedWithoutHiddenEntries() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    for name in [
      "data/b.txt", "data/a/z.txt", "data/a.txt", "data/B.txt", "data/.hidden.txt",
      "data/.git/x.txt",
    ] {
      try scratch.write(name, "x")
    }
    let (files, failures) = reader.inputFiles([scratch.path + "/data/"])
    #expect(failures.isEmpty)
    #expect(
      files.map(\.relativePath) == ["data/B.txt", "data/a.txt", "data/a/z.txt", "data/b.txt"])
    #expect(files.map(\.path) == files.map { scratch.path + "/" + $0.relativePath })
  }

  @Test func fileArgumentsAreKeptAsGiven() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let file = try scratch.write("x/y.txt", "x")
    let hidden = try scratch.write("x/.named.txt", "x")
    let (files, failures) = reader.inputFiles([file, hidden, file])
    #expect(failures.isEmpty)
    #expect(
      files == [
        InputFile(path: hidden, relativePath: ".named.txt"),
        InputFile(path: file, relativePath: "y.txt"),
      ])
  }

  @Test func missingPathsAreFailuresAndTheRestGoesOn() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let file = try scratch.write("real.txt", "x")
    let missing = scratch.path + "/nowhere/gone.txt"
    let (files, failures) = reader.inputFiles([missing, file])
    #expect(files.map(\.path) == [file])
    let failure = try #require(failures.first)
    #expect(failures.count == 1)
    #expect(failure.location.path == missing)
    #expect(failure.message.contains("No such file or directory"))
    #expect(failure.id == DocumentID.derived(relativePath: "gone.txt"))
  }

  @Test func brokenSymbolicLinkIsAFailure() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    try scratch.write("d/ok.txt", "x")
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path + "/d/dead.txt", withDestinationPath: "/nonexistent")
    let (files, failures) = reader.inputFiles([scratch.path + "/d"])
    #expect(files.map(\.relativePath) == ["d/ok.txt"])
    #expect(failures.map(\.location.path) == [scratch.path + "/d/dead.txt"])
    #expect(failures.first?.message.hasPrefix("broken symbolic link") == true)
  }

  @Test func symbolicLinkLoopsAreNotFollowed() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    try scratch.write("d/sub/a.txt", "x")
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path + "/d/sub/up", withDestinationPath: "..")
    let (files, failures) = reader.inputFiles([scratch.path + "/d"])
    #expect(files.map(\.relativePath) == ["d/sub/a.txt"])
    #expect(failures.count == 1)
  }

  @Test func relativePathOfDotIsTheFolderName() throws {
    #expect(InputTree.baseName(of: "data/") == "data")
    #expect(InputTree.baseName(of: "x/y.txt") == "y.txt")
    #expect(InputTree.baseName(of: "/") == "")
    let cwd = FileManager.default.currentDirectoryPath
    #expect(InputTree.baseName(of: ".") == (cwd as NSString).lastPathComponent)
  }

  @Test func unopenableFileIsAFailureWithTheOSError() throws {
    let results = reader.readAll("/nonexistent/winnow/file.jsonl", relativePath: "file.jsonl")
    let failure = try #require(results.failures.first)
    #expect(results.count == 1)
    #expect(failure.message == "cannot open: No such file or directory")
    #expect(failure.id == DocumentID.derived(relativePath: "file.jsonl"))
  }

  @Test func folderGivenToReadIsAFailure() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let failure = try #require(reader.readAll(scratch.path).failures.first)
    #expect(failure.message.contains("folder"))
  }
}

@Suite struct ReadLimitAndIdTests {
  @Test func wholeFileOverTheLimitFails() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let path = try scratch.write("big.txt", String(repeating: "字", count: 400))
    let results = Reader(config: smallLimitConfig()).readAll(path)
    let failure = try #require(results.failures.first)
    #expect(results.count == 1)
    #expect(failure.message == "the file is 1200 bytes, over read.max_article_bytes = 1024")
    #expect(failure.byteCount == 1200)
  }

  @Test func gzipWholeFileOverTheLimitReportsItsDecompressedSize() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let plain = Array(String(repeating: "字", count: 400_000).utf8)
    let path = try scratch.write("big.txt.gz", try GzipDeflater.compress(plain))
    let failure = try #require(Reader(config: smallLimitConfig()).readAll(path).failures.first)
    #expect(failure.message == "the file is 1200000 bytes, over read.max_article_bytes = 1024")
  }

  @Test func recordOverTheLimitFailsAlone() throws {
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let long = #"{"text": "\#(String(repeating: "a", count: 2000))"}"#
    let path = try scratch.write(
      "r.jsonl", [#"{"text": "short"}"#, long, #"{"text": "after"}"#].joined(separator: "\n"))
    let results = Reader(config: smallLimitConfig()).readAll(path)
    #expect(results.documents.map(\.content) == ["short", "after"])
    #expect(
      results.failures.map(\.message) == [
        "the record is 2012 bytes, over read.max_article_bytes = 1024"
      ])
  }

  @Test func splitterCountsRunawayLinesWithoutKeepingThem() {
    var splitter = LineSplitter(maxLineBytes: 10)
    var seen: [String] = []
    let chunks = ["ab\ncdefgh", "ijklmnop", "qrstuv\nxy", "z\r\n", "tail"]
    for chunk in chunks {
      Array(chunk.utf8).withUnsafeBytes { bytes in
        splitter.feed(bytes) { seen.append(describe($0)) }
      }
    }
    splitter.finish { seen.append(describe($0)) }
    #expect(seen == ["1@0:ab", "2@3 oversized 20", "3@24:xyz", "4@29:tail"])
  }

  private func describe(_ line: SplitLine) -> String {
    switch line {
    case .text(let number, let offset, let bytes):
      "\(number)@\(offset):" + String(decoding: bytes, as: UTF8.self)
    case .oversized(let number, let offset, let size): "\(number)@\(offset) oversized \(size)"
    }
  }

  @Test func idsAreStableAndDerivedFromTheRelativePath() throws {
    #expect(DocumentID.derived(relativePath: "a.jsonl", line: 2) == "a9bcc897388fc8e3")
    #expect(DocumentID.derived(relativePath: "data/b.txt") == "f55bcf8bf635a172")
    let reader = Reader(config: ReadConfig())
    let path = ReadFixtures.seed("001_542f59c99defaed9.txt")
    let first = reader.readAll(path, relativePath: "seeds/001.txt").documents.map(\.id)
    let second = reader.readAll(path, relativePath: "seeds/001.txt").documents.map(\.id)
    #expect(first == second)
    #expect(first == [DocumentID.derived(relativePath: "seeds/001.txt")])
    let moved = reader.readAll(path, relativePath: "elsewhere/001.txt").documents.map(\.id)
    #expect(moved != first)
  }
}

@Suite struct ReadJSONObjectParserTests {
  private func parse(_ line: String) throws(JSONSyntaxError) -> [String: JSONFieldValue] {
    let bytes = Array(line.utf8)
    return try bytes.withUnsafeBytes { raw in
      Result { () throws(JSONSyntaxError) in try JSONObjectParser.parse(raw) }
    }
    .get()
  }

  @Test func parsesScalarsEscapesAndNestedValues() throws {
    let fields = try parse(
      #" { "a": "x\"y\\z\/\t", "b": -1.5e3, "c": false, "d": {"e": [1, "]}"]}, "f": null } "#)
    #expect(fields["a"] == .string("x\"y\\z/\t"))
    #expect(fields["b"] == .literal("-1.5e3"))
    #expect(fields["c"] == .literal("false"))
    #expect(fields["d"] == .nested(#"{"e": [1, "]}"]}"#))
    #expect(fields["f"] == .null)
    #expect(try parse(#"{"s": "\ud83d\ude00 \u00e9 \ud800"}"#)["s"] == .string("😀 é \u{FFFD}"))
    #expect(try parse("{}").isEmpty)
  }

  @Test(arguments: [
    ("[1]", "expected '{', found '[' at column 1"),
    (
      #"{"a": 1"#, "unexpected end of line inside the object, found the end of the line at column 8"
    ),
    (#"{"a": 1} x"#, "unexpected text after the object, found 'x' at column 10"),
    (#"{a: 1}"#, "expected a field name in double quotes, found 'a' at column 2"),
    (#"{"a" 1}"#, "expected ':' after the field name, found '1' at column 6"),
    (#"{"a": "\q"}"#, "invalid escape, found '\\' at column 8"),
    (#"{"a": [1, 2}"#, "mismatched '}', found '}' at column 12"),
    (#"{"a": tru}"#, "expected a value, found 't' at column 7"),
  ])
  func reportsWhereAndWhy(line: String, expected: String) {
    #expect(throws: JSONSyntaxError.self) { try parse(line) }
    do {
      _ = try parse(line)
    } catch {
      #expect(error.description == expected)
    }
  }
}
