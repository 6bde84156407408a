/// An append-only byte buffer for encoding records: varints, fixed-width little-endian
/// integers, strings and arrays, without Foundation and without an allocation per field
/// (the one buffer grows; `removeAll(keepingCapacity:)` reuses it for the next record).
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  /// Empties the buffer, keeping its storage for the next record.
  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
  }

  mutating func writeByte(_ byte: UInt8) {
    bytes.append(byte)
  }

  /// Unsigned LEB128: seven bits a byte, low bits first; small counts and lengths take one byte.
  mutating func writeVarint(_ value: UInt64) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// Zigzag then LEB128, so small negative numbers stay short too.
  mutating func writeVarint(_ value: Int) {
    writeVarint(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1)))))
  }

  /// A fixed-width integer, little-endian: for hashes, whose varint would be longer.
  mutating func writeFixed<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// The bit pattern, so every value (signed zeros, NaN payloads) comes back identical.
  mutating func writeDouble(_ value: Double) {
    writeFixed(value.bitPattern)
  }

  mutating func writeBool(_ value: Bool) {
    bytes.append(value ? 1 : 0)
  }

  /// Byte count, then the UTF-8 bytes.
  mutating func writeString(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      writeVarint(UInt64(utf8.count))
      bytes.append(contentsOf: utf8)
    }
  }

  /// Count, then the values as little-endian bytes: one copy on a little-endian machine
  /// (a signature of 128 hashes is a single `memcpy`).
  mutating func writeFixedArray<T: FixedWidthInteger>(_ values: [T]) {
    writeVarint(UInt64(values.count))
    #if _endian(little)
      values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    #else
      values.forEach { writeFixed($0) }
    #endif
  }

  mutating func writeRaw(_ raw: UnsafeRawBufferPointer) {
    bytes.append(contentsOf: raw)
  }
}
