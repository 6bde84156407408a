/// Appends JSON to a byte buffer in a fixed key order, for output that is
/// byte-identical from run to run and fast to produce (no Foundation encoder,
/// no intermediate dictionaries). Non-ASCII text is written as UTF-8, not escaped.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []
  private var needsComma = [false]

  mutating func beginObject() {
    separate()
    open(UInt8(ascii: "{"))
  }

  /// Starts a nested object under `key`.
  mutating func beginObject(_ key: String) {
    self.key(key)
    open(UInt8(ascii: "{"))
  }

  mutating func endObject() { close(UInt8(ascii: "}")) }

  mutating func beginArray(_ key: String) {
    self.key(key)
    open(UInt8(ascii: "["))
  }

  mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Opens an object or array: its first member needs no comma.
  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    needsComma.append(false)
  }

  private mutating func close(_ bracket: UInt8) {
    bytes.append(bracket)
    needsComma.removeLast()
  }

  mutating func field(_ key: String, _ value: String?) {
    guard let value else { return }
    self.key(key)
    string(value)
  }

  mutating func field(_ key: String, _ value: Int?) {
    guard let value else { return }
    self.key(key)
    bytes.append(contentsOf: String(value).utf8)
  }

  /// Numbers are rounded to 4 decimals: enough for shares and similarities, and stable to read.
  mutating func field(_ key: String, _ value: Double?) {
    guard let value, value.isFinite else { return }
    self.key(key)
    let rounded = value.rounded(toPlaces: 4)
    bytes.append(
      contentsOf: (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)).utf8)
  }

  mutating func field(_ key: String, _ value: Bool?) {
    guard let value else { return }
    self.key(key)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// An array element.
  mutating func element(_ value: String) {
    separate()
    string(value)
  }

  mutating func newline() { bytes.append(0x0A) }

  mutating func reset() {
    bytes.removeAll(keepingCapacity: true)
    needsComma = [false]
  }

  private mutating func key(_ key: String) {
    separate()
    string(key)
    bytes.append(UInt8(ascii: ":"))
  }

  private mutating func separate() {
    if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
    needsComma[needsComma.count - 1] = true
  }

  private static let hex = Array("0123456789abcdef".utf8)

  /// A JSON string literal. U+2028/2029 are escaped so the lines are also valid JavaScript.
  /// Runs of bytes that need no escape (almost all of a text) are copied whole; they are
  /// found eight bytes at a time (`EscapeScan`).
  private mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      var run = 0
      var i = 0
      while true {
        i = EscapeScan.next(in: utf8, from: i)
        guard i < utf8.count else { break }
        let byte = utf8[i]
        let separator =
          byte == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80
          && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9)
        if byte == 0xE2 && !separator {
          i += 1
          continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
        if separator {
          bytes.append(contentsOf: (utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          i += 3
        } else {
          escape(byte)
          i += 1
        }
        run = i
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<utf8.count]))
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func escape(_ byte: UInt8) {
    switch byte {
    case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
    case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
    case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
    case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
    case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
    default:
      bytes.append(contentsOf: "\\u00".utf8)
      bytes.append(Self.hex[Int(byte >> 4)])
      bytes.append(Self.hex[Int(byte & 0xF)])
    }
  }
}

/// Finds the bytes a JSON string may have to escape: controls (below 0x20), `"`, `\`,
/// and 0xE2, which leads U+2000–U+2FFF, among them the line and paragraph separators.
///
/// Eight bytes are tested at once with the zero-byte test of "Bit Twiddling Hacks"
/// (Anderson, "Determine if a word has a zero byte"): `(x - 0x01…) & ~x & 0x80…` marks
/// every zero byte, and can also mark a byte above one that is zero, never below; so the
/// lowest mark is always a real match. Chinese text has nothing to escape for long
/// stretches, and testing a word costs about what testing one byte did.
enum EscapeScan {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The index of the first byte at or after `start` that may need an escape, or
  /// `bytes.count` when none does.
  @inline(__always)
  static func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var i = start
    if let base = bytes.baseAddress {
      while i + 8 <= bytes.count {
        let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        let marks = matches(word)
        if marks != 0 { return i + marks.trailingZeroBitCount / 8 }
        i += 8
      }
    }
    while i < bytes.count && !mayEscape(bytes[i]) { i += 1 }
    return i
  }

  /// The high bit of each byte of `word` that is below 0x20 or is 0x22, 0x5C or 0xE2
  /// (and, above the lowest of those, maybe others).
  @inline(__always)
  static func matches(_ word: UInt64) -> UInt64 {
    let below = (word &- 0x20 &* ones) & ~word
    return
      (below | zeroBytes(word ^ (0x22 &* ones)) | zeroBytes(word ^ (0x5C &* ones))
      | zeroBytes(word ^ (0xE2 &* ones))) & highs
  }

  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word }

  @inline(__always)
  static func mayEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
  }
}
