import Glibc

/// A value of a top-level JSON Lines field, as the Read stage keeps it.
enum JSONFieldValue: Equatable {
  case string(String)
  /// A number, `true` or `false`, kept as the literal text of the input.
  case literal(String)
  /// A nested object or array, kept as its JSON text exactly as in the input.
  case nested(String)
  case null
}

/// Why a line is not a JSON object; `column` is the 1-based byte in the line.
struct JSONSyntaxError: Error, Equatable {
  var reason: String
  var column: Int

  var description: String { "\(reason) at column \(column)" }
}

/// A parser for one JSON Lines record: one object whose top-level fields are
/// wanted, working directly on the line's UTF-8 bytes.
///
/// Hand-written instead of JSONSerialization because this is the hot path of
/// a JSON Lines corpus: it builds one `String` per field (validated as UTF-8 in
/// the same step) and never materialises nested values, whose text it keeps.
struct JSONObjectParser {
  private let bytes: UnsafeRawBufferPointer
  private var index = 0

  private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// The fields of the object that makes up all of `line`; for a repeated key the last one wins.
  static func parse(_ line: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> [String:
    JSONFieldValue]
  {
    var parser = JSONObjectParser(line)
    return try parser.object()
  }

  /// True when `line` is a JSON object; what format sniffing asks.
  static func isObject(_ line: UnsafeRawBufferPointer) -> Bool {
    (try? parse(line)) != nil
  }

  private mutating func object() throws(JSONSyntaxError) -> [String: JSONFieldValue] {
    skipSpace()
    try expect(UInt8(ascii: "{"), "expected '{'")
    var fields: [String: JSONFieldValue] = [:]
    skipSpace()
    if peek() == UInt8(ascii: "}") {
      index += 1
    } else {
      try members(into: &fields)
    }
    skipSpace()
    guard index == bytes.count else { throw error("unexpected text after the object") }
    return fields
  }

  private mutating func members(into fields: inout [String: JSONFieldValue]) throws(JSONSyntaxError)
  {
    while true {
      skipSpace()
      guard peek() == UInt8(ascii: "\"") else {
        throw error("expected a field name in double quotes")
      }
      let key = try string()
      skipSpace()
      try expect(UInt8(ascii: ":"), "expected ':' after the field name")
      skipSpace()
      fields[key] = try value()
      skipSpace()
      guard let next = peek() else { throw error("unexpected end of line inside the object") }
      index += 1
      if next == UInt8(ascii: "}") { return }
      guard next == UInt8(ascii: ",") else {
        index -= 1
        throw error("expected ',' or '}'")
      }
    }
  }

  private mutating func value() throws(JSONSyntaxError) -> JSONFieldValue {
    guard let first = peek() else { throw error("expected a value") }
    switch first {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "{"), UInt8(ascii: "["): return .nested(try nested())
    case UInt8(ascii: "t"): return try word("true")
    case UInt8(ascii: "f"): return try word("false")
    case UInt8(ascii: "n"): return try word("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .literal(try number())
    default: throw error("expected a value")
    }
  }

  /// A string token, starting at its opening quote. Quotes and backslashes
  /// are found with `memchr`, so a run without escapes costs no per-byte work
  /// here and is taken straight from the line. Lenient about raw control
  /// characters, which crawled text often has.
  private mutating func string() throws(JSONSyntaxError) -> String {
    let start = index
    index += 1
    var runStart = index
    var unescaped: [UInt8] = []
    var hasEscapes = false
    var quote = find(UInt8(ascii: "\""), from: index, to: bytes.count)
    while let end = quote {
      guard let backslash = find(UInt8(ascii: "\\"), from: index, to: end) else {
        index = end
        let run = runStart..<end
        let text = try finishString(run: run, unescaped: hasEscapes ? unescaped : nil, start: start)
        index += 1
        return text
      }
      index = backslash
      unescaped.append(contentsOf: bytes[runStart..<index])
      hasEscapes = true
      try escape(into: &unescaped)
      runStart = index
      // An escaped quote was the one found: look for the next.
      if index > end { quote = find(UInt8(ascii: "\""), from: index, to: bytes.count) }
    }
    index = start
    throw error("unterminated string")
  }

  /// Index of the first `byte` in `from..<to`, found with `memchr`.
  private func find(_ byte: UInt8, from: Int, to: Int) -> Int? {
    guard let base = bytes.baseAddress, from < to else { return nil }
    guard let found = memchr(base + from, Int32(byte), to - from) else { return nil }
    return UnsafeRawPointer(found) - base
  }

  private func finishString(run: Range<Int>, unescaped: [UInt8]?, start: Int)
    throws(JSONSyntaxError) -> String
  {
    let text: String?
    if var buffer = unescaped {
      buffer.append(contentsOf: bytes[run])
      text = String(validating: buffer, as: UTF8.self)
    } else {
      text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[run]), as: UTF8.self)
    }
    guard let text else {
      throw JSONSyntaxError(reason: "string is not valid UTF-8", column: start + 1)
    }
    return text
  }

  /// Decodes the escape at `index` (a backslash) and appends its UTF-8 bytes.
  private mutating func escape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
    guard index + 1 < bytes.count else { throw error("unterminated escape") }
    let kind = bytes[index + 1]
    index += 2
    switch kind {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(kind)
    case UInt8(ascii: "b"): buffer.append(0x08)
    case UInt8(ascii: "f"): buffer.append(0x0C)
    case UInt8(ascii: "n"): buffer.append(0x0A)
    case UInt8(ascii: "r"): buffer.append(0x0D)
    case UInt8(ascii: "t"): buffer.append(0x09)
    case UInt8(ascii: "u"): buffer.append(contentsOf: String(try unicodeEscape()).utf8)
    default:
      index -= 2
      throw error("invalid escape")
    }
  }

  /// The scalar of a `\uXXXX` escape (already past `\u`), joining surrogate
  /// pairs; an unpaired surrogate becomes U+FFFD rather than failing the record.
  private mutating func unicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
    let unit = try hexQuad()
    if UTF16.isLeadSurrogate(unit), peek() == UInt8(ascii: "\\"), index + 1 < bytes.count,
      bytes[index + 1] == UInt8(ascii: "u")
    {
      let saved = index
      index += 2
      let trail = try hexQuad()
      if UTF16.isTrailSurrogate(trail) {
        let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(trail) - 0xDC00)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
      }
      index = saved
    }
    return Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}"
  }

  private mutating func hexQuad() throws(JSONSyntaxError) -> UInt16 {
    guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
    var value: UInt16 = 0
    for offset in 0..<4 {
      guard let digit = hexValue(bytes[index + offset]) else { throw error("invalid \\u escape") }
      value = value << 4 | UInt16(digit)
    }
    index += 4
    return value
  }

  private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}

extension JSONObjectParser {
  /// A nested object or array, skipped with a stack of expected closers (no
  /// recursion, so deep nesting cannot overflow the stack); returns its text.
  fileprivate mutating func nested() throws(JSONSyntaxError) -> String {
    let start = index
    var closers: [UInt8] = []
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        _ = try string()
        continue
      case UInt8(ascii: "{"): closers.append(UInt8(ascii: "}"))
      case UInt8(ascii: "["): closers.append(UInt8(ascii: "]"))
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        guard closers.popLast() == byte else {
          throw error("mismatched '\(Character(Unicode.Scalar(byte)))'")
        }
      default: break
      }
      index += 1
      if closers.isEmpty { return try text(start..<index) }
    }
    index = start
    throw error("unterminated nested value")
  }

  /// A number token, checked only loosely: its text is kept, not its value.
  fileprivate mutating func number() throws(JSONSyntaxError) -> String {
    let start = index
    var digits = 0
    while let byte = peek() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
      case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"),
        UInt8(ascii: "E"):
        break
      default:
        guard digits > 0 else { throw error("invalid number") }
        return try text(start..<index)
      }
      index += 1
    }
    guard digits > 0 else { throw error("invalid number") }
    return try text(start..<index)
  }

  fileprivate mutating func word(_ literal: StaticString) throws(JSONSyntaxError) -> JSONFieldValue
  {
    let count = literal.utf8CodeUnitCount
    let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: count)
    guard index + count <= bytes.count, bytes[index..<index + count].elementsEqual(expected) else {
      throw error("expected a value")
    }
    index += count
    if count == 4, expected[0] == UInt8(ascii: "n") { return .null }
    return .literal(count == 4 ? "true" : "false")
  }

  fileprivate func text(_ range: Range<Int>) throws(JSONSyntaxError) -> String {
    guard
      let text = String(validating: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    else {
      throw JSONSyntaxError(reason: "value is not valid UTF-8", column: range.lowerBound + 1)
    }
    return text
  }

  fileprivate func peek() -> UInt8? {
    index < bytes.count ? bytes[index] : nil
  }

  fileprivate mutating func skipSpace() {
    while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A {
      index += 1
    }
  }

  fileprivate mutating func expect(_ byte: UInt8, _ reason: String) throws(JSONSyntaxError) {
    guard peek() == byte else { throw error(reason) }
    index += 1
  }

  /// An error at the current position, naming the byte found there.
  fileprivate func error(_ reason: String) -> JSONSyntaxError {
    guard let byte = peek() else {
      return JSONSyntaxError(reason: reason + ", found the end of the line", column: index + 1)
    }
    let found =
      byte >= 0x20 && byte < 0x7F
      ? "'\(Character(Unicode.Scalar(byte)))'" : "byte \(TextDecoder.hexByte(byte))"
    return JSONSyntaxError(reason: "\(reason), found \(found)", column: index + 1)
  }
}
