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
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length = sequenceLength(lead)
      guard length > 0 else { return index }
      for k in 1..<length {
        guard index + k < count else { return allowTruncatedEnd ? nil : index }
        guard isValidTrail(bytes[index + k], lead: lead, position: k) else { return index }
      }
      index += length
    }
    return nil
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
