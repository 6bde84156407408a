import Foundation
import Glibc
import Testing

@testable import Winnow

/// The work file: what a writer commits, what a reader accepts, and the damage it refuses.
@Suite struct WorkFileTests {
  static let kind = "prints"
  static let version: UInt32 = 3
  static let parameters = "shingle=5 bands=16x8"

  /// Records of varied sizes (empty included), each naming its position.
  static func records(_ count: Int) -> [[UInt8]] {
    (0..<count).map { n in
      Array("record \(n) ".utf8) + [UInt8](repeating: UInt8(n % 251), count: n % 700)
    }
  }

  /// Writes `records` to a new file and returns its path and each record's offset.
  static func write(_ records: [[UInt8]]) throws -> (path: String, offsets: [Int]) {
    let path = try makeTemporaryFolder() + "/shard-00002.prints"
    let writer = try WorkFileWriter(
      path: path, kind: kind, version: version, parameters: parameters)
    var offsets: [Int] = []
    for record in records {
      offsets.append(writer.payloadOffset)
      writer.append(record)
    }
    try writer.commit()
    return (path, offsets)
  }

  static func open(
    _ path: String, kind: String = kind, version: UInt32 = version,
    parameters: String = parameters
  ) throws -> WorkFileReader {
    try WorkFileReader(path: path, kind: kind, version: version, parameters: parameters)
  }

  static func readAll(_ file: WorkFileReader) throws -> [[UInt8]] {
    var records: [[UInt8]] = []
    try file.forEachRecord { records.append(Array($0)) }
    return records
  }

  /// The error `body` throws, as text.
  static func message(_ body: () throws -> Void) -> String {
    do {
      try body()
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  static func flipByte(of path: String, at offset: Int) throws {
    let handle = try #require(FileHandle(forUpdatingAtPath: path))
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64(offset))
    let byte = try #require(try handle.read(upToCount: 1)?.first)
    try handle.seek(toOffset: UInt64(offset))
    try handle.write(contentsOf: [byte ^ 0x20])
  }

  @Test func recordsComeBackInOrderAndByOffset() throws {
    let records = Self.records(3_000)
    let (path, offsets) = try Self.write(records)
    let file = try Self.open(path)
    #expect(file.recordCount == records.count)
    #expect(try Self.readAll(file) == records)
    try file.verify()
    for n in [0, 1, 2_999, 1_234] { #expect(try file.record(at: offsets[n]) == records[n]) }
    let folder = (path as NSString).deletingLastPathComponent
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["shard-00002.prints"])
  }

  @Test func headerLayout() throws {
    let (path, _) = try Self.write([[1, 2, 3]])
    let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(Array(bytes[0..<4]) == Array("WNWK".utf8))
    #expect(Array(bytes[4..<8]) == [3, 0, 0, 0])
    #expect(Array(bytes[8..<24]) == Array("prints".utf8) + [UInt8](repeating: 0, count: 10))
    #expect(Array(bytes[24..<32]) == [1, 0, 0, 0, 0, 0, 0, 0], "record count")
    #expect(Array(bytes[32..<40]) == [4, 0, 0, 0, 0, 0, 0, 0], "payload bytes")
    #expect(Array(bytes[48..<52]) == [UInt8(Self.parameters.utf8.count), 0, 0, 0])
    #expect(Array(bytes[64..<64 + Self.parameters.utf8.count]) == Array(Self.parameters.utf8))
    #expect(Array(bytes.suffix(4)) == [3, 1, 2, 3])
    #expect(bytes.count == 64 + Self.parameters.utf8.count + 4)
  }

  @Test func emptyFile() throws {
    let (path, _) = try Self.write([])
    let file = try Self.open(path)
    #expect(file.recordCount == 0)
    #expect(try Self.readAll(file).isEmpty)
    try file.verify()
    #expect(throws: WorkFileError.self) { try file.record(at: 0) }
  }

  @Test func recordsLargerThanTheBuffers() throws {
    let huge = (0..<(WorkFileReader.chunkSize + 12_345)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    // Around the first read of `record(at:)`: 2 bytes of length, then 4094 or 4095.
    let aroundHead = [Array(huge.prefix(4_094)), Array(huge.prefix(4_095))]
    let records =
      [[7], huge, [], Array(huge.prefix(WorkFileWriter.bufferSize))] + aroundHead + [[8, 9]]
    let (path, offsets) = try Self.write(records)
    let file = try Self.open(path)
    #expect(try Self.readAll(file) == records)
    for n in records.indices { #expect(try file.record(at: offsets[n]) == records[n]) }
    #expect(throws: WorkFileError.self) { try file.record(at: file.payloadBytes) }
    #expect(throws: WorkFileError.self) { try file.record(at: -1) }
  }

  @Test func encodedValuesByOffsetAndInOrder() throws {
    let path = try makeTemporaryFolder() + "/done.processed"
    let writer = try WorkFileWriter(
      path: path, kind: "processed", version: workCodecVersion, parameters: "")
    let values = [WorkSamples.kept, WorkSamples.rejected, WorkSamples.unread]
    var offsets: [Int] = []
    for value in values {
      offsets.append(writer.payloadOffset)
      writer.append(value)
    }
    try writer.commit()
    let file = try WorkFileReader(
      path: path, kind: "processed", version: workCodecVersion, parameters: "")
    var decoded: [ProcessedArticle] = []
    try file.forEach(ProcessedArticle.self) { decoded.append($0) }
    #expect(decoded == values)
    #expect(try file.record(at: offsets[1], as: ProcessedArticle.self) == values[1])
    let wrongType = Self.message { _ = try file.record(at: offsets[1], as: Fingerprint.self) }
    #expect(wrongType.hasPrefix("\(path): record at payload offset \(offsets[1])"), "\(wrongType)")
  }

  @Test func aRecordOfAnotherTypeIsNamedByItsOffset() throws {
    let path = try makeTemporaryFolder() + "/mixed.prints"
    let writer = try WorkFileWriter(path: path, kind: "prints", version: 1, parameters: "")
    writer.append(WorkSamples.fingerprint)
    writer.append(WorkSamples.fingerprint)
    let offset = writer.payloadOffset
    writer.append("not a fingerprint")
    try writer.commit()
    let file = try WorkFileReader(path: path, kind: "prints", version: 1, parameters: "")
    var decoded = 0
    let message = Self.message { try file.forEach(Fingerprint.self) { _ in decoded += 1 } }
    #expect(decoded == 2)
    #expect(message.hasPrefix("\(path): record at payload offset \(offset): record"), "\(message)")
  }

  @Test func uncommittedWriterLeavesNoFile() throws {
    let folder = try makeTemporaryFolder()
    let path = folder + "/shard.prints"
    do {
      let writer = try WorkFileWriter(path: path, kind: "prints", version: 1, parameters: "")
      writer.append([1, 2, 3])
      #expect(FileManager.default.fileExists(atPath: writer.temporaryPath))
      #expect(!FileManager.default.fileExists(atPath: path))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "dropped")
    let abandoned = try WorkFileWriter(path: path, kind: "prints", version: 1, parameters: "")
    abandoned.append([1])
    abandoned.abandon()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "abandoned")
  }

  @Test func flippedPayloadByteIsAChecksumMismatch() throws {
    let records = Self.records(500)
    let (path, offsets) = try Self.write(records)
    let payloadStart = 64 + Self.parameters.utf8.count
    try Self.flipByte(of: path, at: payloadStart + offsets[321] + 5)
    let expected = "\(path): checksum mismatch: the file is damaged; rerun the task that wrote it"
    let file = try Self.open(path)
    #expect(Self.message { try file.verify() } == expected)
    #expect(Self.message { _ = try Self.readAll(file) } == expected)
    var seen = 0
    _ = Self.message { try file.forEachRecord { _ in seen += 1 } }
    #expect(seen == 500, "the damage shows only at the end")
  }

  @Test func damagedLengthPrefixIsAChecksumMismatchToo() throws {
    let (path, offsets) = try Self.write(Self.records(50))
    try Self.flipByte(of: path, at: 64 + Self.parameters.utf8.count + offsets[20])
    let file = try Self.open(path)
    #expect(Self.message { _ = try Self.readAll(file) }.contains("checksum mismatch"))
  }

  @Test func wrongKindVersionOrParametersAreRefusedNamingBoth() throws {
    let (path, _) = try Self.write(Self.records(3))
    #expect(
      Self.message { _ = try Self.open(path, parameters: "shingle=4") }
        == "\(path): written with parameters shingle=5 bands=16x8, this run uses shingle=4")
    #expect(
      Self.message { _ = try Self.open(path, kind: "pairs") }
        == "\(path): holds \"prints\" records, expected \"pairs\"")
    let version = Self.message { _ = try Self.open(path, version: 4) }
    #expect(version.hasPrefix("\(path): written with format version 3, this build reads version 4"))
  }

  @Test func truncatedFileIsRefused() throws {
    let (path, _) = try Self.write(Self.records(100))
    let size = try #require(
      try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    #expect(truncate(path, off_t(size - 1)) == 0)
    let cut = Self.message { _ = try Self.open(path) }
    #expect(cut.hasPrefix("\(path): truncated: \(size - 1) bytes, the header promises \(size)"))
    #expect(truncate(path, 20) == 0)
    #expect(Self.message { _ = try Self.open(path) }.hasPrefix("\(path): 20 bytes, too short"))
  }

  @Test func damagedHeaderOrForeignFileIsRefused() throws {
    let (path, _) = try Self.write(Self.records(2))
    try Self.flipByte(of: path, at: 26)
    #expect(
      Self.message { _ = try Self.open(path) }
        == "\(path): header damaged: rerun the task that wrote it")
    let other = try makeTemporaryFolder() + "/notes.txt"
    try Data(repeating: 0x41, count: 100).write(to: URL(fileURLWithPath: other))
    #expect(Self.message { _ = try Self.open(other) }.contains("not a work file"))
  }

  @Test func badKindIsRefusedByTheWriter() throws {
    let path = try makeTemporaryFolder() + "/x"
    for kind in ["", "seventeen-letters", "with space"] {
      #expect(throws: WorkFileError.self) {
        _ = try WorkFileWriter(path: path, kind: kind, version: 1, parameters: "")
      }
    }
  }

  @Test func concurrentRandomReads() async throws {
    let records = Self.records(2_000)
    let (path, offsets) = try Self.write(records)
    let file = try Self.open(path)
    let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
      for task in 0..<8 {
        group.addTask {
          var wrong = 0
          for n in stride(from: task, to: records.count, by: 3)
          where try file.record(at: offsets[n]) != records[n] {
            wrong += 1
          }
          return wrong
        }
      }
      return try await group.reduce(0, +)
    }
    #expect(mismatches == 0)
  }
}
