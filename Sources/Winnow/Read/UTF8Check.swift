/// Strict UTF-8 validation that says *where* the input stops being UTF-8.
///
/// `String(validating:)` only answers yes or no; failures must name the byte
/// offset of the first invalid byte, and a 64 KiB head cut out of a file may end
/// inside a character, which must not count as invalid.
enum UTF8Check {
  /// Offset of the first byte that is not part of a well-formed UTF-8 sequence
  /// (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF),
  /// or nil if all of `bytes` is valid. With `allowTruncatedEnd`, a sequence
  /// that is merely cut off by the end of the buffer is accepted.
  static func firstInvalid(_ bytes: UnsafeRawBufferPointer, allowTruncatedEnd: Bool = false) -> Int?
  {
    var index = 0
    let count = bytes.count
    while index < count {
      index = skipASCII(bytes, from: index)
      guard index < count else { return nil }
      let lead = bytes[index]
      let length = sequenceLength(lead)
      guard length > 0 else { return index }
      guard index + length <= count else {
        // Cut off by the end: fine for a head, if what is there is right so far.
        let valid = (1..<(count - index)).allSatisfy {
          isValidTrail(bytes[index + $0], lead: lead, position: $0)
        }
        return allowTruncatedEnd && valid ? nil : index
      }
      guard isValidTrail(bytes[index + 1], lead: lead, position: 1),
        length < 3 || isValidTrail(bytes[index + 2], lead: lead, position: 2),
        length < 4 || isValidTrail(bytes[index + 3], lead: lead, position: 3)
      else { return index }
      index += length
    }
    return nil
  }

  /// Index of the first non-ASCII byte at or after `start`, eight bytes at a time.
  @inline(__always)
  private static func skipASCII(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    var index = start
    while index + 8 <= bytes.count,
      bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
    {
      index += 8
    }
    while index < bytes.count, bytes[index] < 0x80 { index += 1 }
    return index
  }

  static func firstInvalid(_ bytes: [UInt8], allowTruncatedEnd: Bool = false) -> Int? {
    bytes.withUnsafeBytes { firstInvalid($0, allowTruncatedEnd: allowTruncatedEnd) }
  }

  /// Length of the sequence a lead byte starts, or 0 for a byte that cannot lead.
  @inline(__always)
  private static func sequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xC2...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF4: 4
    default: 0
    }
  }

  /// The second byte's range depends on the lead (this excludes overlongs,
  /// surrogates and code points past U+10FFFF); later bytes are plain 80...BF.
  @inline(__always)
  private static func isValidTrail(_ byte: UInt8, lead: UInt8, position: Int) -> Bool {
    guard position == 1 else { return (0x80...0xBF).contains(byte) }
    switch lead {
    case 0xE0: return (0xA0...0xBF).contains(byte)
    case 0xED: return (0x80...0x9F).contains(byte)
    case 0xF0: return (0x90...0xBF).contains(byte)
    case 0xF4: return (0x80...0x8F).contains(byte)
    default: return (0x80...0xBF).contains(byte)
    }
  }
}
