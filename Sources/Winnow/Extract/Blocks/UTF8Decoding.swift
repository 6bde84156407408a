/// Scalar-level decoding of UTF-8 bytes that Swift already validated.
///
/// Every parser of this stage walks `String.withUTF8` buffers by index, so that
/// markup (ASCII) can be matched byte by byte while text is read one scalar at
/// a time, without `Character` iteration or per-scalar allocation.
enum UTF8Decoding {
  /// The scalar that starts at `index` and the index just after it.
  ///
  /// The buffer comes from a `String`, so it is valid UTF-8; a sequence cut off
  /// by the end of the buffer still yields U+FFFD rather than reading past it.
  @inline(__always)
  static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    value: UInt32, next: Int
  ) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, index + 1) }
    // One case per length, no loop: every stage's scan of text goes through here.
    if lead >= 0xE0 && lead < 0xF0 {  // U+0800–U+FFFF, where CJK lives: first
      guard index + 3 <= bytes.count else { return (0xFFFD, bytes.count) }
      return (threeByteScalar(in: bytes, at: index), index + 3)
    }
    if lead < 0xE0 {
      guard index + 2 <= bytes.count else { return (0xFFFD, bytes.count) }
      return ((lead & 0x1F) << 6 | continuation(bytes[index + 1]), index + 2)
    }
    guard index + 4 <= bytes.count else { return (0xFFFD, bytes.count) }
    return (
      (lead & 0x07) << 18 | continuation(bytes[index + 1]) << 12
        | continuation(bytes[index + 2]) << 6 | continuation(bytes[index + 3]),
      index + 4
    )
  }

  /// The scalar of the three-byte sequence at `index` (the caller made sure all three are
  /// there): U+0800–U+FFFF.
  @inline(__always)
  static func threeByteScalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
    (UInt32(bytes[index]) & 0x0F) << 12 | continuation(bytes[index + 1]) << 6
      | continuation(bytes[index + 2])
  }

  /// The six payload bits of a continuation byte.
  @inline(__always)
  private static func continuation(_ byte: UInt8) -> UInt32 { UInt32(byte & 0x3F) }

  /// Appends the UTF-8 encoding of the scalar value `value` to `output`.
  @inline(__always)
  static func append(_ value: UInt32, to output: inout [UInt8]) {
    switch value {
    case 0..<0x80:
      output.append(UInt8(truncatingIfNeeded: value))
    case 0x80..<0x800:
      output.append(UInt8(truncatingIfNeeded: 0xC0 | (value >> 6)))
      output.append(UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
      output.append(UInt8(truncatingIfNeeded: 0xE0 | (value >> 12)))
      output.append(UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F)))
    default:
      output.append(UInt8(truncatingIfNeeded: 0xF0 | (value >> 18)))
      output.append(UInt8(truncatingIfNeeded: 0x80 | ((value >> 12) & 0x3F)))
      output.append(UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F)))
      output.append(UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F)))
    }
  }

  /// Writes the UTF-8 encoding of `value` at `index` (room for four bytes
  /// assumed) and returns the index after it.
  @inline(__always)
  static func encode(_ value: UInt32, into buffer: UnsafeMutableBufferPointer<UInt8>, at index: Int)
    -> Int
  {
    switch value {
    case 0..<0x80:
      buffer[index] = UInt8(truncatingIfNeeded: value)
      return index + 1
    case 0x80..<0x800:
      buffer[index] = UInt8(truncatingIfNeeded: 0xC0 | (value >> 6))
      buffer[index + 1] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
      return index + 2
    case 0x800..<0x10000:
      buffer[index] = UInt8(truncatingIfNeeded: 0xE0 | (value >> 12))
      buffer[index + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
      buffer[index + 2] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
      return index + 3
    default:
      buffer[index] = UInt8(truncatingIfNeeded: 0xF0 | (value >> 18))
      buffer[index + 1] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 12) & 0x3F))
      buffer[index + 2] = UInt8(truncatingIfNeeded: 0x80 | ((value >> 6) & 0x3F))
      buffer[index + 3] = UInt8(truncatingIfNeeded: 0x80 | (value & 0x3F))
      return index + 4
    }
  }

  /// Whether `byte` is ASCII whitespace (space, tab, line feed, form feed, carriage return).
  @inline(__always)
  static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }

  /// Whether `byte` is an ASCII letter.
  @inline(__always)
  static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }

  /// Whether `byte` is an ASCII letter or digit.
  @inline(__always)
  static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39)
  }

  /// `byte` with ASCII capitals folded to lower case.
  @inline(__always)
  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// The bytes of `range` as a lower-cased ASCII string (tag and attribute names).
  ///
  /// Names up to 15 bytes stay in Swift's inline small-string storage, so this
  /// does not allocate for ordinary tag names.
  static func lowercasedString(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(unsafeUninitializedCapacity: range.count) { buffer in
      for (offset, index) in range.enumerated() {
        buffer[offset] = lowercased(bytes[index])
      }
      return range.count
    }
  }

  /// The bytes of `range` decoded as a string, unchanged.
  static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }
}
