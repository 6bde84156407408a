import Glibc

/// Reads a work file written by `WorkFileWriter`, after checking that it is one, of the
/// expected kind, codec version and parameters, and complete. Records stream in order
/// (`forEachRecord`, bounded memory) or come one by one by payload offset (`record(at:)`,
/// `pread`). No mmap: mapped pages would count in the process's RSS, and keeping that
/// flat is the point of streaming through work files.
///
/// Only immutable state after `init`, and `pread` keeps no shared file position: several
/// threads may call `record(at:)` at once.
final class WorkFileReader: Sendable {
  let path: String
  let header: WorkFileHeader
  private let fd: Int32

  /// Bytes read per `pread` in the sequential passes.
  static let chunkSize = 4 << 20
  /// Bytes read first for `record(at:)`.
  static let headSize = 4 << 10

  init(path: String, kind: String, version: UInt32, parameters: String) throws(WorkFileError) {
    self.path = path
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw .system("open", path: path) }
    do throws(WorkFileError) {
      header = try Self.readHeader(fd, path: path)
      try Self.check(header, kind: kind, version: version, parameters: parameters, path: path)
      try Self.checkSize(fd, header, path: path)
    } catch {
      close(fd)
      throw error
    }
  }

  deinit { close(fd) }

  var recordCount: Int { Int(header.recordCount) }
  var payloadBytes: Int { Int(header.payloadBytes) }

  /// Calls `body` with each record in order; the bytes are only valid during the call.
  /// The checksum is checked at the end, so callers must not make anything lasting of
  /// the records until this returns without throwing.
  func forEachRecord(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
    try forEachRecordAndOffset { record, _ in try body(record) }
  }

  /// Each record decoded as `T`, in order (see `forEachRecord`).
  func forEach<T: WorkCodable>(_: T.Type, _ body: (T) throws -> Void) throws {
    try forEachRecordAndOffset { record, offset in
      let value: T
      do throws(WorkFileError) {
        value = try BinaryReader.decode(T.self, from: record)
      } catch {
        throw error.located(in: path, offset: offset)
      }
      try body(value)
    }
  }

  /// The sequential pass: each record with its payload offset. A record that cannot be
  /// parsed or decoded in a damaged file is reported as the checksum mismatch it is,
  /// not as the symptom it happened to cause.
  func forEachRecordAndOffset(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
    do {
      var scan = PayloadScan(self)
      var records: UInt64 = 0
      while let (offset, record) = try scan.next() {
        try body(record, offset)
        records += 1
      }
      try finish(crc: scan.crc, records: records)
    } catch let error as WorkFileError {
      try verify()
      throw error
    }
  }

  /// Checks the payload against its checksum without decoding: for a file that is then
  /// read by offset, where no sequential pass would notice damage.
  func verify() throws(WorkFileError) {
    var crc: UInt32 = 0
    var buffer = [UInt8](repeating: 0, count: min(Self.chunkSize, payloadBytes))
    var offset = 0
    while offset < payloadBytes {
      let count = min(buffer.count, payloadBytes - offset)
      try readExactly(&buffer, count: count, at: offset)
      crc = buffer.withUnsafeBytes {
        WorkFileIO.crc32(crc, UnsafeRawBufferPointer(rebasing: $0[..<count]))
      }
      offset += count
    }
    try finish(crc: crc, records: nil)
  }

  /// The record that starts at `payloadOffset` (`WorkFileWriter.payloadOffset` when it
  /// was appended). Not covered by the file's checksum: call `verify()` once before, or
  /// check the record against a checksum of its own (the prints' `articleCRC`).
  func record(at payloadOffset: Int) throws(WorkFileError) -> [UInt8] {
    guard payloadOffset >= 0, payloadOffset < payloadBytes else {
      throw WorkFileError(path: path, "no record at payload offset \(payloadOffset)")
    }
    // One `pread` of a page brings the length and, for most records, the whole record.
    var head = [UInt8](repeating: 0, count: min(Self.headSize, payloadBytes - payloadOffset))
    try readExactly(&head, count: head.count, at: payloadOffset)
    let length: UInt64
    let prefixBytes: Int
    do {
      (length, prefixBytes) = try BinaryReader.reading(head) { reader throws(WorkFileError) in
        (try reader.readVarint(), reader.offset)
      }
    } catch {
      throw error.located(in: path, offset: payloadOffset)
    }
    guard length <= UInt64(payloadBytes - payloadOffset - prefixBytes) else {
      throw WorkFileError(
        path: path,
        "record at payload offset \(payloadOffset) runs past the payload: \(WorkFileError.rerun)")
    }
    let end = prefixBytes + Int(length)
    if end <= head.count { return Array(head[prefixBytes..<end]) }
    var record = [UInt8](repeating: 0, count: Int(length))
    try readExactly(&record, count: record.count, at: payloadOffset + prefixBytes)
    return record
  }

  /// The record at `payloadOffset`, decoded as `T`.
  func record<T: WorkCodable>(at payloadOffset: Int, as _: T.Type) throws(WorkFileError) -> T {
    do {
      return try BinaryReader.decode(T.self, from: try record(at: payloadOffset))
    } catch {
      // A decode error has no path yet; a read error has its own message.
      throw error.path.isEmpty ? error.located(in: path, offset: payloadOffset) : error
    }
  }

  /// Reads payload bytes; a short read means the file shrank since `init` checked it.
  func readExactly(_ buffer: UnsafeMutableRawBufferPointer, at payloadOffset: Int)
    throws(WorkFileError)
  {
    let done = WorkFileIO.preadFull(fd, buffer, at: header.payloadStart + payloadOffset)
    try checkRead(done, count: buffer.count, at: payloadOffset)
  }

  /// Reads the first `count` bytes of `bytes`.
  private func readExactly(_ bytes: inout [UInt8], count: Int, at payloadOffset: Int)
    throws(WorkFileError)
  {
    let done = bytes.withUnsafeMutableBytes { raw in
      WorkFileIO.preadFull(
        fd, UnsafeMutableRawBufferPointer(rebasing: raw[..<count]),
        at: header.payloadStart + payloadOffset)
    }
    try checkRead(done, count: count, at: payloadOffset)
  }

  private func checkRead(_ done: Int?, count: Int, at payloadOffset: Int) throws(WorkFileError) {
    guard let done else { throw .system("read", path: path) }
    guard done == count else { throw truncated(at: header.payloadStart + payloadOffset + done) }
  }

  /// The end of a sequential pass: the payload's checksum, and the record count.
  private func finish(crc: UInt32, records: UInt64?) throws(WorkFileError) {
    guard UInt64(crc) == header.checksum else {
      throw WorkFileError(
        path: path, "checksum mismatch: the file is damaged; \(WorkFileError.rerun)")
    }
    if let records, records != header.recordCount {
      throw WorkFileError(
        path: path,
        "\(records) records, the header says \(header.recordCount): \(WorkFileError.rerun)")
    }
  }

  func truncated(at size: Int) -> WorkFileError {
    WorkFileError(
      path: path,
      "truncated: \(size) bytes, the header promises \(header.payloadStart + payloadBytes); "
        + WorkFileError.rerun)
  }
}
