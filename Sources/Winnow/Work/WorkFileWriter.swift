import Glibc

/// Writes one work file: records appended in order, then `commit()` makes it appear under
/// its name, complete, or not at all. Until then the bytes go to `path.tmp-<pid>` in the
/// same folder (so the final rename stays on one file system and is atomic); a writer
/// dropped or abandoned before committing removes that file.
///
/// Records are buffered (1 MiB) and a write error is kept until `commit()` throws it:
/// nothing is committed after a failed write anyway, and the appending loop stays free of
/// `try`. One writer belongs to one thread.
final class WorkFileWriter {
  let path: String
  let temporaryPath: String
  private var header: WorkFileHeader
  private var fd: Int32
  private var state = State.open
  private var buffer = BinaryWriter(capacity: WorkFileWriter.bufferSize)
  /// Payload bytes handed to `write(2)` so far, and their running CRC-32.
  private var flushed = 0
  private var crc: UInt32 = 0
  /// The first write error; later writes are skipped.
  private var failure: WorkFileError?
  /// For `append(_:)` of a value: one buffer reused for every record.
  private var scratch = BinaryWriter()

  static let bufferSize = 1 << 20
  /// The longest LEB128 length prefix.
  private static let maxPrefix = 10

  init(path: String, kind: String, version: UInt32, parameters: String) throws(WorkFileError) {
    try WorkFileHeader.validate(kind: kind, path: path)
    self.path = path
    temporaryPath = "\(path).tmp-\(getpid())"
    header = WorkFileHeader(kind: kind, version: version, parameters: parameters)
    fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .system("create", path: temporaryPath) }
    // A placeholder until commit: the payload starts after it.
    let placeholder = header.encoded()
    guard placeholder.withUnsafeBytes({ WorkFileIO.writeAll(fd, $0) }) else {
      let error = WorkFileError.system("write", path: temporaryPath)
      abandon()
      throw error
    }
  }

  deinit { abandon() }

  /// The payload offset at which the next record will start: keep it to read that record
  /// back with `WorkFileReader.record(at:)`.
  var payloadOffset: Int { flushed + buffer.bytes.count }

  var recordCount: Int { Int(header.recordCount) }

  private enum State { case open, committed, abandoned }

  func append(_ record: UnsafeRawBufferPointer) {
    precondition(state == .open, "\(path): append after commit or abandon")
    if buffer.bytes.count + Self.maxPrefix + record.count > Self.bufferSize { flush() }
    buffer.writeVarint(UInt64(record.count))
    if record.count + Self.maxPrefix > Self.bufferSize {
      // Larger than the buffer: straight to the file, without a copy.
      flush()
      output(record)
    } else {
      buffer.writeRaw(record)
    }
    header.recordCount += 1
  }

  func append(_ record: [UInt8]) {
    record.withUnsafeBytes { append($0) }
  }

  /// Encodes `value` as one record.
  func append<T: WorkCodable>(_ value: T) {
    scratch.removeAll()
    scratch.write(value)
    scratch.bytes.withUnsafeBytes { append($0) }
  }

  /// Flushes, writes the header with the final counts and checksum, and renames the
  /// file to `path`. On any failure the temporary file is removed.
  ///
  /// No fsync: a work file is an intermediate a rerun makes again, and syncing every one
  /// waited on the disk for seconds per GB of articles. After a crash, a file the disk
  /// lost (torn, zeroed, empty) fails its checksum or size check when read, naming the
  /// file, and rerunning the task that wrote it completes the stage. The final outputs
  /// are synced (`OutputFile`). Another machine sees the file once it is closed
  /// (close-to-open consistency, NFS included).
  func commit() throws(WorkFileError) {
    precondition(state == .open, "\(path): commit after commit or abandon")
    flush()
    header.payloadBytes = UInt64(flushed)
    header.checksum = UInt64(crc)
    do throws(WorkFileError) {
      if let failure { throw failure }
      let bytes = header.encoded()
      guard bytes.withUnsafeBytes({ WorkFileIO.pwriteAll(fd, $0, at: 0) }) else {
        throw .system("write", path: temporaryPath)
      }
      let closed = close(fd)
      fd = -1
      guard closed == 0 else { throw .system("close", path: temporaryPath) }
      guard rename(temporaryPath, path) == 0 else { throw .system("rename", path: path) }
      state = .committed
    } catch {
      abandon()
      throw error
    }
  }

  /// Closes and removes the temporary file; nothing appears under `path`. Does nothing
  /// after `commit()`.
  func abandon() {
    guard state == .open else { return }
    if fd >= 0 { close(fd) }
    fd = -1
    unlink(temporaryPath)
    state = .abandoned
  }

  private func flush() {
    buffer.bytes.withUnsafeBytes { output($0) }
    buffer.removeAll()
  }

  private func output(_ bytes: UnsafeRawBufferPointer) {
    crc = WorkFileIO.crc32(crc, bytes)
    flushed += bytes.count
    guard failure == nil else { return }
    if !WorkFileIO.writeAll(fd, bytes) { failure = .system("write", path: temporaryPath) }
  }
}
