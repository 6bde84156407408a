/// Decoding of HTML character references (`&amp;`, `&#20013;`, `&#x4E2D;`)
/// the way browsers do it, on UTF-8 bytes.
///
/// A reference that does not decode is left as literal text, as browsers
/// show it; numeric references to nothing (NUL, surrogates, beyond U+10FFFF)
/// become U+FFFD, and the C1 range is read as Windows-1252, which is what
/// pages that write `&#150;` mean.
enum CharacterReference {
  /// The scalar value of the reference whose `&` is at `index`, and the index
  /// after it; nil when the bytes there are not a reference.
  ///
  /// In attribute values a legacy name without `;` followed by a letter, digit
  /// or `=` is not decoded (`?a=1&copy=2` stays a URL).
  static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, inAttribute: Bool
  ) -> (value: UInt32, next: Int)? {
    let start = index + 1
    guard start < end else { return nil }
    if bytes[start] == UInt8(ascii: "#") {
      return numeric(bytes, from: start + 1, end: end)
    }
    return named(bytes, from: start, end: end, inAttribute: inAttribute)
  }

  /// `&#…;` after the `#`: decimal, or hexadecimal after `x`.
  private static func numeric(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int
  ) -> (value: UInt32, next: Int)? {
    var index = start
    let hex = index < end && (bytes[index] | 0x20) == UInt8(ascii: "x")
    if hex { index += 1 }
    let digitsStart = index
    var value: UInt32 = 0
    while index < end, let digit = digitValue(bytes[index], hex: hex) {
      value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
      index += 1
    }
    guard index > digitsStart else { return nil }
    if index < end && bytes[index] == UInt8(ascii: ";") { index += 1 }
    return (scalar(forCodePoint: value), index)
  }

  /// `&name;`, or a legacy name without the semicolon.
  private static func named(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, inAttribute: Bool
  ) -> (value: UInt32, next: Int)? {
    var index = start
    while index < end && index - start <= EntityTable.longestName
      && UTF8Decoding.isASCIIAlphanumeric(bytes[index])
    {
      index += 1
    }
    guard index > start else { return nil }
    if index < end && bytes[index] == UInt8(ascii: ";"),
      let value = EntityTable.scalars[UTF8Decoding.string(bytes, start..<index)]
    {
      return (value, index + 1)
    }
    var length = min(index - start, EntityTable.longestLegacyName)
    while length >= 2 {
      let name = UTF8Decoding.string(bytes, start..<(start + length))
      if EntityTable.legacyNames.contains(name), let value = EntityTable.scalars[name] {
        let after = start + length
        let blocked =
          after < end
          && (UTF8Decoding.isASCIIAlphanumeric(bytes[after]) || bytes[after] == UInt8(ascii: "="))
        return inAttribute && blocked ? nil : (value, after)
      }
      length -= 1
    }
    return nil
  }

  @inline(__always)
  private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }

  /// The scalar a numeric reference stands for, with the replacements HTML prescribes.
  static func scalar(forCodePoint value: UInt32) -> UInt32 {
    switch value {
    case 0, 0xD800...0xDFFF, 0x11_0000...: return 0xFFFD
    case 0x80...0x9F: return windows1252[Int(value - 0x80)]
    default: return value
    }
  }

  /// What bytes 0x80–0x9F mean in Windows-1252; unassigned ones stay as they are.
  private static let windows1252: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]
}
