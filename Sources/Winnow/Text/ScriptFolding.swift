import COpenCC

/// Why the Traditional→Simplified folding table could not be built.
public struct ScriptFoldingError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The OpenCC configuration that was opened (`t2s.json`).
  public var configFile: String
  /// OpenCC's own message.
  public var reason: String

  public var description: String {
    "cannot load OpenCC's \(configFile) (Traditional→Simplified folding for duplicate matching; "
      + "Debian packages libopencc1.1 and libopencc-data, see scripts/install-deps): \(reason)"
  }
}

/// Traditional Chinese characters folded to their Simplified form, so that
/// duplicate matching sees "國家發展" and "国家发展" as the same text.
///
/// A character table, not OpenCC's phrase conversion: shingling compares
/// characters, and a flat table answers in one load where calling OpenCC per
/// article would cost far more than the whole normalization (~900 MB/s).
/// The table is built once, lazily and thread-safely (a `static let`), by
/// asking OpenCC's `t2s.json` for each code point of the Han blocks
/// U+3400–U+9FFF and U+F900–U+FAFF on its own. A result that is not exactly
/// one Han scalar leaves the character as it is.
///
/// If OpenCC or its data is missing, matching goes on without folding;
/// call `load()` at the start of a run to turn that into a clear error.
///
/// ```swift
/// try ScriptFolding.load()
/// ScriptFolding.simplified("國")  // "国"
/// ```
public enum ScriptFolding {
  /// The OpenCC configuration used: Traditional to Simplified, characters and phrases.
  public static let configFile = "t2s.json"

  /// First scalar of CJK Extension A; the table runs from here to U+9FFF.
  static let unifiedStart: UInt32 = 0x3400
  static let unifiedEnd: UInt32 = 0xA000
  /// CJK Compatibility Ideographs, stored after the unified range.
  static let compatibilityStart: UInt32 = 0xF900
  static let compatibilityEnd: UInt32 = 0xFB00
  static let tableCount = Int(unifiedEnd - unifiedStart + compatibilityEnd - compatibilityStart)

  /// The folding table, or why it could not be built; built on first use.
  static let built = ScriptFoldingTable.build(configFile: configFile)

  /// The table that changes nothing: used when folding is off or unavailable.
  static let identity: [UInt32] = (0..<tableCount).map(scalar(at:))

  /// The folding table; the identity when OpenCC could not be loaded.
  static var table: [UInt32] {
    switch built {
    case .success(let table): table
    case .failure: identity
    }
  }

  /// Builds the table now (it is otherwise built on first use) and throws
  /// when OpenCC or its `t2s.json` cannot be loaded.
  public static func load() throws(ScriptFoldingError) {
    if case .failure(let error) = built { throw error }
  }

  /// The Simplified form of one character; the character itself when it has
  /// none (or is not in the Han blocks the table covers).
  public static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let folded = table.withUnsafeBufferPointer { fold(scalar.value, table: $0) }
    return Unicode.Scalar(folded) ?? scalar
  }

  /// `text` with every Traditional character folded to Simplified: the same
  /// string, unchanged, when it has none. For matching only (boilerplate
  /// rules are written in Simplified); written text keeps its script.
  public static func simplified(text: String) -> String {
    guard foldsAny(text) else { return text }
    return table.withUnsafeBufferPointer { table in
      var folded = String.UnicodeScalarView()
      for scalar in text.unicodeScalars {
        folded.append(Unicode.Scalar(fold(scalar.value, table: table)) ?? scalar)
      }
      return String(folded)
    }
  }

  /// Whether folding changes any scalar of `text`. It runs on every block, nearly always
  /// to answer no, so it reads UTF-8 bytes and looks only at the three-byte sequences of
  /// the table's blocks (leads E3–E9 and EF), each in `changedBits` (a bit per entry,
  /// 3 KB) rather than in the 100 KB table.
  static func foldsAny(_ text: String) -> Bool {
    let changed = changedBits
    let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      var index = 0
      while index + 2 < bytes.count {
        let lead = bytes[index]
        guard (0xE3...0xE9).contains(lead) || lead == 0xEF else {
          index += 1
          continue
        }
        let value = UTF8Decoding.threeByteScalar(in: bytes, at: index)
        if let entry = entry(of: value), changed.contains(entry) { return true }
        index += 3
      }
      return false
    }
    return answer ?? text.unicodeScalars.contains { simplified($0).value != $0.value }
  }

  /// One bit per table entry: set where the table changes the character.
  private static let changedBits: BitArray = table.withUnsafeBufferPointer { table in
    var bits = BitArray(count: tableCount)
    for entry in 0..<tableCount where table[entry] != scalar(at: entry) { bits.insert(entry) }
    return bits
  }

  /// The table index of `value`, or nil outside the table's blocks.
  @inline(__always)
  static func entry(of value: UInt32) -> Int? {
    if value >= unifiedStart && value < unifiedEnd { return Int(value - unifiedStart) }
    if value >= compatibilityStart && value < compatibilityEnd {
      return Int(value - compatibilityStart + unifiedEnd - unifiedStart)
    }
    return nil
  }

  /// The table entry for `value`: its folded form, or `value` outside the table.
  @inline(__always)
  static func fold(_ value: UInt32, table: UnsafeBufferPointer<UInt32>) -> UInt32 {
    guard let entry = entry(of: value) else { return value }
    return table[entry]
  }

  /// The scalar value that table index `index` stands for.
  static func scalar(at index: Int) -> UInt32 {
    let unifiedCount = Int(unifiedEnd - unifiedStart)
    return index < unifiedCount
      ? unifiedStart + UInt32(index) : compatibilityStart + UInt32(index - unifiedCount)
  }
}

/// Fills the folding table from OpenCC; kept apart so the public type stays small.
enum ScriptFoldingTable {
  /// Opens OpenCC with `configFile` (a name in OpenCC's data folder, or a
  /// path), converts every covered code point, closes it.
  static func build(configFile: String) -> Result<[UInt32], ScriptFoldingError> {
    let failed = UnsafeMutableRawPointer(bitPattern: -1)
    guard let converter = opencc_open(configFile), converter != failed else {
      return .failure(ScriptFoldingError(configFile: configFile, reason: lastError()))
    }
    defer { opencc_close(converter) }
    let values = (0..<ScriptFolding.tableCount).map(ScriptFolding.scalar(at:))
    var table = convertLines(values, with: converter) ?? values.map { convert($0, with: converter) }
    settle(&table)
    return .success(table)
  }

  /// Every value converted in one OpenCC call, one code point per line: no
  /// dictionary entry holds a line break, so each line is segmented and
  /// converted exactly as the code point alone would be (a test checks this),
  /// at a tenth of the cost of 28 000 calls. Nil when the lines do not come
  /// back one for one.
  static func convertLines(_ values: [UInt32], with converter: opencc_t) -> [UInt32]? {
    var input = String.UnicodeScalarView()
    for value in values {
      input.append(Unicode.Scalar(value) ?? "\u{FFFD}")
      input.append("\n")
    }
    let lines = converted(String(input), with: converter)?.split(
      separator: "\n", omittingEmptySubsequences: false)
    guard let lines, lines.count == values.count + 1 else { return nil }
    return zip(values, lines).map { value, line in folded(value, to: Substring(line)) }
  }

  /// OpenCC's Simplified form of one code point on its own.
  static func convert(_ value: UInt32, with converter: opencc_t) -> UInt32 {
    guard let scalar = Unicode.Scalar(value) else { return value }
    return folded(value, to: converted(String(Character(scalar)), with: converter)?[...] ?? "")
  }

  /// The conversion of `value` kept only when it is exactly one Han (CJK)
  /// scalar, so folding never changes how text is segmented.
  private static func folded(_ value: UInt32, to conversion: Substring) -> UInt32 {
    let scalars = conversion.unicodeScalars
    guard scalars.count == 1, let result = scalars.first, ScalarClass.isCJK(result.value) else {
      return value
    }
    return result.value
  }

  /// `text` through OpenCC; nil when OpenCC fails.
  private static func converted(_ text: String, with converter: opencc_t) -> String? {
    let utf8 = Array(text.utf8CString)
    return utf8.withUnsafeBufferPointer { buffer -> String? in
      guard let base = buffer.baseAddress,
        let output = opencc_convert_utf8(converter, base, buffer.count - 1)
      else { return nil }
      defer { opencc_convert_utf8_free(output) }
      return String(cString: output)
    }
  }

  /// Opens `configFile` for a test or a measurement; nil when OpenCC cannot.
  static func withConverter<T>(_ configFile: String, _ body: (opencc_t) -> T) -> T? {
    let failed = UnsafeMutableRawPointer(bitPattern: -1)
    guard let converter = opencc_open(configFile), converter != failed else { return nil }
    defer { opencc_close(converter) }
    return body(converter)
  }

  /// Follows chains (A→B where B→C) so that folding twice equals folding once.
  private static func settle(_ table: inout [UInt32]) {
    for _ in 0..<4 {
      var changed = false
      let snapshot = table
      snapshot.withUnsafeBufferPointer { current in
        for index in table.indices {
          let again = ScriptFolding.fold(table[index], table: current)
          if again != table[index] {
            table[index] = again
            changed = true
          }
        }
      }
      if !changed { return }
    }
  }

  /// OpenCC's message for the last failure.
  private static func lastError() -> String {
    guard let message = opencc_error() else { return "unknown OpenCC error" }
    let text = String(cString: message)
    return text.isEmpty ? "unknown OpenCC error" : text
  }
}
