/// A cursor over the bytes of one record, the inverse of `BinaryWriter`. It reads in place
/// from memory it does not own (the caller keeps the buffer alive for the reader's use),
/// and throws on bytes that run out or make no sense instead of trapping: a work file
/// comes from another process and may be damaged.
struct BinaryReader {
  let bytes: UnsafeRawBufferPointer
  /// Position of the next byte to read.
  private(set) var offset = 0

  init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  var isAtEnd: Bool { offset == bytes.count }

  /// The next `count` bytes, checked against the end of the record.
  mutating func readRaw(_ count: Int) throws(WorkFileError) -> UnsafeRawBufferPointer {
    guard count >= 0, count <= bytes.count - offset else {
      throw WorkFileError(
        path: "",
        "record truncated: \(count) bytes wanted at byte \(offset) of \(bytes.count)")
    }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  mutating func readByte() throws(WorkFileError) -> UInt8 {
    try readRaw(1)[0]
  }

  mutating func readVarint() throws(WorkFileError) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try readByte()
      guard shift < 63 || byte <= 1 else { throw invalid("varint longer than 64 bits") }
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
  }

  mutating func readInt() throws(WorkFileError) -> Int {
    let zigzag = try readVarint()
    return Int(truncatingIfNeeded: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
  }

  /// A count or length: a varint that must fit what is left of the record, so a damaged
  /// length cannot make the reader allocate gigabytes before it notices.
  mutating func readCount(elementSize: Int = 1) throws(WorkFileError) -> Int {
    let count = try readVarint()
    guard count <= UInt64((bytes.count - offset) / max(elementSize, 1)) else {
      throw invalid("count \(count) exceeds the \(bytes.count - offset) bytes left")
    }
    return Int(count)
  }

  mutating func readFixed<T: FixedWidthInteger>(_: T.Type = T.self) throws(WorkFileError) -> T {
    let raw = try readRaw(MemoryLayout<T>.size)
    return T(littleEndian: raw.loadUnaligned(as: T.self))
  }

  mutating func readDouble() throws(WorkFileError) -> Double {
    Double(bitPattern: try readFixed(UInt64.self))
  }

  mutating func readBool() throws(WorkFileError) -> Bool {
    switch try readByte() {
    case 0: return false
    case 1: return true
    case let byte: throw invalid("boolean byte \(byte)")
    }
  }

  /// Bytes that are not UTF-8 are replaced rather than refused: the payload checksum is
  /// what catches damage, and the writer only ever stores a `String`'s own bytes.
  mutating func readString() throws(WorkFileError) -> String {
    let raw = try readRaw(try readCount())
    return String(decoding: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
  }

  /// The inverse of `BinaryWriter.writeFixedArray`: one copy on a little-endian machine.
  mutating func readFixedArray<T: FixedWidthInteger>(_: T.Type = T.self) throws(WorkFileError)
    -> [T]
  {
    let count = try readCount(elementSize: MemoryLayout<T>.size)
    let raw = try readRaw(count * MemoryLayout<T>.size)
    return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
      #if !_endian(little)
        for i in 0..<count { buffer[i] = T(littleEndian: buffer[i]) }
      #endif
      initialized = count
    }
  }

  func invalid(_ what: String) -> WorkFileError {
    WorkFileError(path: "", "record damaged at byte \(offset): \(what)")
  }
}
