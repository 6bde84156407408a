import Foundation
import Testing

@testable import Winnow

/// Writes `records` as a run's write and commit stages do: JSON lines into member
/// files (`MemberFile`), then laid into part files by `CorpusWriter`.
func writeRecords(
  _ records: [CorpusRecord], to folder: String, config: WriteConfig, overwrite: Bool = false,
  commit: Bool = true
) throws -> Manifest? {
  let work = try makeTemporaryFolder()
  let files = try ["clean", "rejected"].map {
    try MemberFile(path: "\(work)/shard.\($0)", parameters: "test", config: config, jobs: 2)
  }
  var counts = Manifest.Counts()
  for record in records {
    var json = JSONWriter()
    record.write(to: &json)
    counts.articles += 1
    if let rejection = record.rejection {
      counts.rejected += 1
      counts.rejectedByReason[rejection.reason.rawValue, default: 0] += 1
    } else {
      counts.clean += 1
    }
    try files[record.rejection == nil ? 0 : 1].append(json.bytes)
  }
  for file in files { try file.commit() }
  let writer = try CorpusWriter(outputFolder: folder, overwrite: overwrite, config: config)
  for kind in writer.kinds {
    try writer.add(membersAt: "\(work)/shard.\(kind)", parameters: "test")
  }
  guard commit else { return nil }
  return try writer.commit(
    configDigest: "abc", inputs: Manifest.Inputs(files: 1, bytes: 100), counts: counts)
}

@Suite struct CorpusWriterTests {
  func record(_ i: Int, rejected: Bool = false) -> CorpusRecord {
    CorpusRecord(
      id: "id\(i)", location: SourceLocation(path: "in.jsonl", line: i), format: .jsonl,
      encoding: .utf8,
      metadata: Metadata(), quality: nil,
      rejection: rejected ? Rejection(reason: .quality, message: "too short") : nil,
      text: String(repeating: "第\(i)篇文章的正文。", count: 20))
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
    return try #require(
      try writeRecords(
        (0..<30).map { record($0, rejected: $0 % 10 == 3) }, to: folder, config: config,
        overwrite: overwrite))
  }

  @Test func writesCleanAndRejectedWithAManifestThatChecksOut() throws {
    let out = try makeTemporaryFolder()
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
    let out = try makeTemporaryFolder()
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
    let out = try makeTemporaryFolder()
    let first = try writeRun(to: out)
    #expect(throws: OutputError.self) { try writeRun(to: out) }
    let second = try writeRun(to: out, overwrite: true)
    #expect(first == second)
  }

  @Test func identicalInputGivesIdenticalBytes() throws {
    let a = try makeTemporaryFolder()
    let b = try makeTemporaryFolder()
    _ = try writeRun(to: a)
    _ = try writeRun(to: b)
    for name in ["manifest.json", "clean/part-00000.jsonl.gz", "rejected/part-00000.jsonl.gz"] {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: "\(a)/\(name)"))
          == Data(contentsOf: URL(fileURLWithPath: "\(b)/\(name)")))
    }
  }

  @Test func anUnfinishedRunLeavesNoFinalFiles() throws {
    let out = try makeTemporaryFolder()
    _ = try writeRecords([record(1)], to: out, config: WriteConfig(), commit: false)
    #expect(!FileManager.default.fileExists(atPath: "\(out)/manifest.json"))
    #expect(!FileManager.default.fileExists(atPath: "\(out)/clean"))
    _ = try writeRun(to: out)  // a later run replaces the leftovers without --overwrite
    #expect(FileManager.default.fileExists(atPath: "\(out)/manifest.json"))
  }
}

/// Big parts are written as several gzip members compressed in parallel.
@Suite struct MultiMemberPartTests {
  /// A level every compressor has.
  static let level = 3

  /// Writes 3000 records into one part; returns the manifest and each record's JSON line.
  func writeBigPart(to folder: String, compressor: GzipCompressor) throws
    -> (manifest: Manifest, lines: [[UInt8]])
  {
    var config = WriteConfig()
    config.compressor = compressor
    config.compressionLevel = Self.level
    var lines: [[UInt8]] = []
    var records: [CorpusRecord] = []
    for i in 0..<3000 {
      let record = CorpusRecord(
        id: "r\(i)", location: SourceLocation(path: "big.jsonl", line: i + 1), format: .jsonl,
        encoding: .utf8, metadata: Metadata(), quality: nil, rejection: nil,
        text: "第\(i)篇：" + String(repeating: "哈萨克斯坦总统托卡耶夫宣布全国哀悼日\(i % 97)。", count: 20))
      var json = JSONWriter()
      record.write(to: &json)
      lines.append(json.bytes)
      records.append(record)
    }
    return (try #require(try writeRecords(records, to: folder, config: config)), lines)
  }

  @Test(arguments: GzipCompressor.allCases)
  func anyGzipReaderReadsTheWholePartAndBytesRepeat(compressor: GzipCompressor) throws {
    let a = try makeTemporaryFolder()
    let b = try makeTemporaryFolder()
    let (manifest, lines) = try writeBigPart(to: a, compressor: compressor)
    _ = try writeBigPart(to: b, compressor: compressor)
    let expected = Array(lines.joined())
    #expect(expected.count > 3 * PartWriter.chunkBytes)
    let path = "\(a)/clean/part-00000.jsonl.gz"
    let compressed = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
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

  /// A member ends with the first whole line that brings it to `chunkBytes`, so
  /// the file is exactly those chunks compressed one by one, in order.
  @Test(arguments: GzipCompressor.allCases)
  func membersEndAtLinesOnceAChunkIsFull(compressor: GzipCompressor) throws {
    let folder = try makeTemporaryFolder()
    let (_, lines) = try writeBigPart(to: folder, compressor: compressor)
    var chunks: [[UInt8]] = [[]]
    for line in lines {
      if chunks[chunks.count - 1].count >= PartWriter.chunkBytes { chunks.append([]) }
      chunks[chunks.count - 1] += line
    }
    #expect(chunks.count >= 4)
    let members = try chunks.map { chunk throws(GzipError) in
      try MemberCompressor.member(chunk, compressor: compressor, level: Self.level)
    }
    let file = Array(
      try Data(contentsOf: URL(fileURLWithPath: "\(folder)/clean/part-00000.jsonl.gz")))
    #expect(file == Array(members.joined()))
  }

  /// A whole run over a feed big enough for several members per part gives the
  /// same bytes with one job as with two.
  @Test(arguments: GzipCompressor.allCases)
  func aRunWritesTheSameBytesWithOneOrTwoJobs(compressor: GzipCompressor) async throws {
    let folder = try makeTemporaryFolder()
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Self.feed(articles: 900).write(to: URL(fileURLWithPath: "\(folder)/feed.jsonl"))
    var config = Config.noHistory
    config.write.compressor = compressor
    config.write.compressionLevel = Self.level
    var outputs: [String] = []
    for jobs in [1, 2] {
      let out = "\(folder)/out-\(jobs)"
      let options = RunOptions(
        inputs: ["\(folder)/feed.jsonl"], outputFolder: out, reportFolder: "\(out)-report",
        jobs: jobs)
      _ = try await Pipeline(config: config).run(options)
      outputs.append(out)
    }
    let manifest = try Manifest.decode(
      Data(contentsOf: URL(fileURLWithPath: "\(outputs[0])/manifest.json")))
    var largestPart = 0
    for name in ["manifest.json"] + manifest.files.map(\.path) {
      let one = try Data(contentsOf: URL(fileURLWithPath: "\(outputs[0])/\(name)"))
      #expect(
        one == (try Data(contentsOf: URL(fileURLWithPath: "\(outputs[1])/\(name)"))), "\(name)")
      if name.hasSuffix(".gz") {
        largestPart = max(largestPart, try GzipInflater.decompress(Array(one)).count)
      }
    }
    #expect(largestPart > PartWriter.chunkBytes, "a part of two members or more")
  }

  /// A JSON Lines feed of distinct articles of made-up Chinese sentences (about
  /// 1.9 KB of text each), the same for the same count.
  static func feed(articles: Int) throws -> Data {
    let hanzi = Array(
      "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    )
    var state: UInt64 = 2026
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var feed = ""
    for n in 0..<articles {
      let paragraphs = (0..<4).map { _ in
        (0..<5).map { _ in String((0..<(12 + next(30))).map { _ in hanzi[next(hanzi.count)] }) + "。"
        }
        .joined()
      }
      let object = ["id": "a\(n)", "text": paragraphs.joined(separator: "\n\n")]
      feed +=
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n"
    }
    return Data(feed.utf8)
  }

  @Test func anEmptyPartIsAValidEmptyGzipFile() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "winnow-mm-\(UUID().uuidString)"
    ).path
    let writer = try CorpusWriter(outputFolder: out, overwrite: false, config: WriteConfig())
    _ = try writer.commit(
      configDigest: "x", inputs: Manifest.Inputs(), counts: Manifest.Counts())
    let data = Array(try Data(contentsOf: URL(fileURLWithPath: "\(out)/clean/part-00000.jsonl.gz")))
    #expect(data.count > 10)
    #expect(try GzipInflater.decompress(data).isEmpty)
  }

  /// Where a laid part cannot be linked it is copied, in more than one read, and the
  /// copy must have the digest the write stage recorded.
  @Test func aCopiedPartIsCheckedAgainstItsDigest() throws {
    let folder = try makeTemporaryFolder()
    let bytes = Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    try bytes.write(to: URL(fileURLWithPath: "\(folder)/laid"))
    let digest = Hex.string(SHA256Digest.of(bytes))
    try OutputFile.copy("\(folder)/laid", to: "\(folder)/copy", sha256: digest)
    #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/copy")) == bytes)
    let error = #expect(throws: OutputError.self) {
      try OutputFile.copy(
        "\(folder)/laid", to: "\(folder)/other", sha256: String(repeating: "0", count: 64))
    }
    #expect(error?.path == "\(folder)/laid")
  }
}
