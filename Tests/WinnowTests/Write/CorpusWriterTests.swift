import Foundation
import Testing

@testable import Winnow

@Suite struct CorpusWriterTests {
  func record(_ i: Int, rejected: Bool = false) -> CorpusRecord {
    CorpusRecord(
      id: "id\(i)", location: SourceLocation(path: "in.jsonl", line: i), format: .jsonl,
      encoding: .utf8,
      metadata: Metadata(), quality: nil,
      rejection: rejected ? Rejection(reason: .quality, message: "too short") : nil,
      text: String(repeating: "第\(i)篇文章的正文。", count: 20))
  }

  func temporaryFolder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  func lines(_ path: String) throws -> [String] {
    let bytes = try GzipInflater.decompress(Array(Data(contentsOf: URL(fileURLWithPath: path))))
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  func writeRun(to folder: String, overwrite: Bool = false, partMaxBytes: Int = 1 << 20) throws
    -> Manifest
  {
    var config = WriteConfig()
    config.partMaxBytes = partMaxBytes
    let writer = try CorpusWriter(outputFolder: folder, overwrite: overwrite, config: config)
    for i in 0..<30 { try writer.write(record(i, rejected: i % 10 == 3)) }
    return try writer.commit(configDigest: "abc", inputs: Manifest.Inputs(files: 1, bytes: 100))
  }

  @Test func writesCleanAndRejectedWithAManifestThatChecksOut() throws {
    let out = try temporaryFolder()
    let manifest = try writeRun(to: out)
    #expect(manifest.counts.articles == 30)
    #expect(manifest.counts.clean == 27)
    #expect(manifest.counts.rejectedByReason == ["quality": 3])
    #expect(try lines("\(out)/clean/part-00000.jsonl.gz").count == 27)
    #expect(try lines("\(out)/rejected/part-00000.jsonl.gz").count == 3)
    for entry in manifest.files {
      let data = try Data(contentsOf: URL(fileURLWithPath: "\(out)/\(entry.path)"))
      #expect(data.count == entry.bytes)
      #expect(Hex.string(SHA256Digest.of(data)) == entry.sha256)
    }
    let onDisk = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: "\(out)/manifest.json")))
    #expect(onDisk == manifest)
    #expect(!FileManager.default.fileExists(atPath: "\(out)/\(CorpusWriter.stagingName)"))
  }

  @Test func rollsOverToNewPartsAtTheConfiguredSize() throws {
    let out = try temporaryFolder()
    let manifest = try writeRun(to: out, partMaxBytes: 1024)
    let clean = manifest.files.filter { $0.path.hasPrefix("clean/") }
    #expect(clean.count > 3)
    #expect(clean.map(\.path).first == "clean/part-00000.jsonl.gz")
    #expect(clean.reduce(0) { $0 + $1.records } == 27)
    var all: [String] = []
    for entry in clean { all += try lines("\(out)/\(entry.path)") }
    #expect(all.count == 27)
    #expect(all.first?.contains("\"id\":\"id0\"") == true)
  }

  @Test func refusesAFinishedRunUnlessOverwriting() throws {
    let out = try temporaryFolder()
    let first = try writeRun(to: out)
    #expect(throws: OutputError.self) { try writeRun(to: out) }
    let second = try writeRun(to: out, overwrite: true)
    #expect(first == second)
  }

  @Test func identicalInputGivesIdenticalBytes() throws {
    let a = try temporaryFolder()
    let b = try temporaryFolder()
    _ = try writeRun(to: a)
    _ = try writeRun(to: b)
    for name in ["manifest.json", "clean/part-00000.jsonl.gz", "rejected/part-00000.jsonl.gz"] {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: "\(a)/\(name)"))
          == Data(contentsOf: URL(fileURLWithPath: "\(b)/\(name)")))
    }
  }

  @Test func anUnfinishedRunLeavesNoFinalFiles() throws {
    let out = try temporaryFolder()
    let writer = try CorpusWriter(outputFolder: out, overwrite: false, config: WriteConfig())
    try writer.write(record(1))
    #expect(!FileManager.default.fileExists(atPath: "\(out)/manifest.json"))
    #expect(!FileManager.default.fileExists(atPath: "\(out)/clean"))
    _ = try writeRun(to: out)  // a later run replaces the leftovers without --overwrite
    #expect(FileManager.default.fileExists(atPath: "\(out)/manifest.json"))
  }
}

/// Big parts are written as several gzip members compressed in parallel.
@Suite struct MultiMemberPartTests {
  func writeBigPart(to folder: String) throws -> (manifest: Manifest, lines: [UInt8]) {
    let writer = try CorpusWriter(outputFolder: folder, overwrite: false, config: WriteConfig())
    var expected: [UInt8] = []
    for i in 0..<3000 {
      let record = CorpusRecord(
        id: "r\(i)", location: SourceLocation(path: "big.jsonl", line: i + 1), format: .jsonl,
        encoding: .utf8, metadata: Metadata(), quality: nil, rejection: nil,
        text: "第\(i)篇：" + String(repeating: "哈萨克斯坦总统托卡耶夫宣布全国哀悼日\(i % 97)。", count: 20))
      var json = JSONWriter()
      record.write(to: &json)
      expected += json.bytes
      try writer.write(record)
    }
    return (try writer.commit(configDigest: "x", inputs: Manifest.Inputs()), expected)
  }

  @Test func anyGzipReaderReadsTheWholePartAndBytesRepeat() throws {
    let a = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-mm-\(UUID().uuidString)"
    ).path
    let b = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-mm-\(UUID().uuidString)"
    ).path
    let (manifest, expected) = try writeBigPart(to: a)
    _ = try writeBigPart(to: b)
    #expect(expected.count > 3 * PartWriter.chunkBytes)
    let path = "\(a)/clean/part-00000.jsonl.gz"
    let compressed = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let members = (0..<(compressed.count - 2)).filter {
      compressed[$0] == 0x1F && compressed[$0 + 1] == 0x8B && compressed[$0 + 2] == 0x08
    }
    #expect(members.count >= 3)
    #expect(try GzipInflater.decompress(compressed) == expected)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: "\(b)/clean/part-00000.jsonl.gz"))
        == Data(compressed))
    #expect(manifest.files.first { $0.path == "clean/part-00000.jsonl.gz" }?.records == 3000)

    let gzip = Process()
    gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
    gzip.arguments = ["-dc", path]
    let out = Pipe()
    gzip.standardOutput = out
    try gzip.run()
    let decoded = out.fileHandleForReading.readDataToEndOfFile()
    gzip.waitUntilExit()
    #expect(gzip.terminationStatus == 0)
    #expect(Array(decoded) == expected)
  }

  @Test func anEmptyPartIsAValidEmptyGzipFile() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-mm-\(UUID().uuidString)"
    ).path
    let writer = try CorpusWriter(outputFolder: out, overwrite: false, config: WriteConfig())
    _ = try writer.commit(configDigest: "x", inputs: Manifest.Inputs())
    let data = Array(try Data(contentsOf: URL(fileURLWithPath: "\(out)/clean/part-00000.jsonl.gz")))
    #expect(data.count > 10)
    #expect(try GzipInflater.decompress(data).isEmpty)
  }
}
