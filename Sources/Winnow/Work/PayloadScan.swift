import Glibc

/// The sequential pass of `WorkFileReader.forEachRecord`: reads the payload in chunks into
/// one buffer, hands out the records in it, and keeps the CRC-32 of every byte read. A
/// record longer than the buffer grows it to that record's size, so memory stays bounded
/// by the largest record, not the file.
struct PayloadScan: ~Copyable {
  private let file: WorkFileReader
  private var buffer: UnsafeMutableRawBufferPointer
  /// The unconsumed bytes are `buffer[start..<end]`.
  private var start = 0
  private var end = 0
  /// Payload bytes read into the buffer so far.
  private var read = 0
  private(set) var crc: UInt32 = 0

  init(_ file: WorkFileReader) {
    self.file = file
    buffer = .allocate(
      byteCount: min(WorkFileReader.chunkSize, max(file.payloadBytes, 1)), alignment: 16)
  }

  deinit { buffer.deallocate() }

  /// The payload offset of the next record.
  private var position: Int { read - (end - start) }

  /// The next record and its payload offset; the bytes are valid until the next call.
  /// Nil after the last record.
  mutating func next() throws(WorkFileError) -> (offset: Int, bytes: UnsafeRawBufferPointer)? {
    let left = file.payloadBytes - position
    guard left > 0 else { return nil }
    try fill(atLeast: min(10, left))
    var prefix = BinaryReader(UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
    let length: UInt64
    do {
      length = try prefix.readVarint()
    } catch {
      throw error.located(in: file.path, offset: position)
    }
    guard length <= UInt64(left - prefix.offset) else {
      throw WorkFileError(
        path: file.path,
        "record at payload offset \(position) runs past the payload: \(WorkFileError.rerun)")
    }
    let size = prefix.offset + Int(length)
    try fill(atLeast: size)
    defer { start += size }
    return (
      position, UnsafeRawBufferPointer(rebasing: buffer[start + prefix.offset..<start + size])
    )
  }

  /// Makes at least `needed` unconsumed bytes available (the caller knows the payload
  /// has them), moving the unconsumed tail to the front or into a larger buffer first.
  private mutating func fill(atLeast needed: Int) throws(WorkFileError) {
    guard end - start < needed else { return }
    if buffer.count < needed {
      let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: needed, alignment: 16)
      larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[start..<end]))
      buffer.deallocate()
      buffer = larger
    } else if start > 0, let base = buffer.baseAddress {
      memmove(base, base + start, end - start)
    }
    end -= start
    start = 0
    while end < needed {
      let count = min(buffer.count - end, file.payloadBytes - read)
      guard count > 0 else { throw file.truncated(at: file.header.payloadStart + read) }
      let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[end..<end + count])
      try file.readExactly(chunk, at: read)
      crc = WorkFileIO.crc32(crc, UnsafeRawBufferPointer(chunk))
      end += count
      read += count
    }
  }
}
