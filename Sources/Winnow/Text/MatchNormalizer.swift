/// Text as duplicate matching sees it (never as it is written out): full-width
/// forms folded to ASCII, letters lowercased, whitespace, punctuation and
/// symbols dropped, Traditional Chinese characters folded to Simplified
/// (`ScriptFolding`). Pre-segmented CJK text ("吉 反对派 占领") and unsegmented
/// text ("吉反对派占领") normalize to the same scalars, and so do "國家發展"
/// and "国家发展".
///
/// Runs on every article body (and, in the Clean stage, on blocks), so it
/// decodes UTF-8 bytes itself and answers the common cases without Unicode
/// property lookups: one table for U+0000–U+07FF (ASCII, Latin, Greek,
/// Cyrillic, …), the `ScriptFolding` table for CJK ideographs, range checks
/// for full-width forms and CJK punctuation. Only the remaining scalars take
/// the general path (`foldSlowly`), which is also what fills the narrow table
/// and folds Han through the same `ScriptFolding` table, so both paths agree
/// by construction.
///
/// - Complexity: O(n) in the UTF-8 length of the text.
public enum MatchNormalizer {
  /// Appends the normalized scalar values of `text` to `output`. With
  /// `foldingTraditional` false, Traditional characters stay as they are.
  public static func normalize(
    _ text: String, into output: inout [UInt32], foldingTraditional: Bool = true
  ) {
    let start = output.count
    let capacity = text.utf8.count
    output.append(contentsOf: repeatElement(0, count: capacity))
    let han = foldingTraditional ? ScriptFolding.table : ScriptFolding.identity
    let written = output.withUnsafeMutableBufferPointer { buffer in
      write(text, han: han, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
    }
    output.removeLast(capacity - written)
  }

  /// The normalized scalar values of `text`. With `foldingTraditional` false,
  /// Traditional characters stay as they are.
  public static func normalize(_ text: String, foldingTraditional: Bool = true) -> [UInt32] {
    let han = foldingTraditional ? ScriptFolding.table : ScriptFolding.identity
    return [UInt32](unsafeUninitializedCapacity: text.utf8.count) { buffer, initialized in
      initialized = write(text, han: han, into: buffer)
    }
  }

  /// Fold code: the scalar is dropped.
  private static let dropped: UInt32 = 0
  /// Fold code: only `foldSlowly` can tell (Unicode properties, or a lowercase
  /// of several scalars such as "İ").
  private static let special = UInt32.max

  /// Fold codes of U+0000..<U+0800, the scalars of one and two UTF-8 bytes:
  /// `dropped`, `special`, or the single scalar the input becomes.
  /// No Han scalar is below U+0800, so the folding table plays no part here.
  private static let narrowTable: [UInt32] = ScriptFolding.identity.withUnsafeBufferPointer { han in
    (0..<UInt32(0x800)).map { value in
      var scalars: [UInt32] = []
      foldSlowly(value, Tables(narrow: UnsafeBufferPointer(start: nil, count: 0), han: han)) {
        scalars.append($0)
      }
      return scalars.isEmpty ? dropped : scalars.count == 1 ? scalars[0] : special
    }
  }

  /// The lookup tables of one normalization: `narrowTable` and the Han folding table.
  private struct Tables {
    let narrow: UnsafeBufferPointer<UInt32>
    let han: UnsafeBufferPointer<UInt32>
  }

  /// Writes the normalized scalars of `text` to `output` (which has room for at
  /// least `text.utf8.count` values: no scalar grows beyond its UTF-8 length)
  /// and returns how many it wrote.
  private static func write(
    _ text: String, han: [UInt32], into output: UnsafeMutableBufferPointer<UInt32>
  ) -> Int {
    narrowTable.withUnsafeBufferPointer { narrow in
      han.withUnsafeBufferPointer { han in
        let tables = Tables(narrow: narrow, han: han)
        let fast = text.utf8.withContiguousStorageIfAvailable { utf8 in
          write(utf8: utf8, tables: tables, into: output)
        }
        if let fast { return fast }
        var sink = ScalarSink(output: output)
        for scalar in text.unicodeScalars { sink.append(scalar.value, tables: tables) }
        return sink.count
      }
    }
  }

  /// The fast path: decodes UTF-8 (valid, as every `String` is) and folds.
  private static func write(
    utf8 bytes: UnsafeBufferPointer<UInt8>, tables: Tables,
    into output: UnsafeMutableBufferPointer<UInt32>
  ) -> Int {
    var sink = ScalarSink(output: output)
    var i = 0
    let end = bytes.count
    while i < end {
      let lead = UInt32(bytes[i])
      let value: UInt32
      let length: Int
      if lead < 0x80 {
        (value, length) = (lead, 1)
      } else if lead >= 0xE0 && lead < 0xF0 && i + 2 < end {  // U+0800–U+FFFF: CJK lives here
        value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        length = 3
      } else if lead < 0xE0 && i + 1 < end {
        (value, length) = ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
      } else if i + 3 < end {
        value =
          (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
          | UInt32(bytes[i + 3] & 0x3F)
        length = 4
      } else {
        break
      }
      sink.append(value, tables: tables)
      i += length
    }
    return sink.count
  }

  /// Where folded scalars go: a buffer with room for them and a count.
  private struct ScalarSink {
    let output: UnsafeMutableBufferPointer<UInt32>
    var count = 0

    /// Folds one scalar value into the output.
    @inline(__always)
    mutating func append(_ value: UInt32, tables: Tables) {
      let code = fold(value, tables)
      if code == MatchNormalizer.dropped { return }
      if code != MatchNormalizer.special {
        output[count] = code
        count += 1
        return
      }
      foldSlowly(value, tables) { folded in
        guard count < output.count else { return }
        output[count] = folded
        count += 1
      }
    }
  }

  /// The fold code of `value` from the table or a range check; `special` when
  /// only `foldSlowly` can tell.
  @inline(__always)
  private static func fold(_ value: UInt32, _ tables: Tables) -> UInt32 {
    if value < 0x800 { return tables.narrow[Int(value)] }
    if value >= 0x4E00 && value <= 0x9FFF {  // CJK Unified Ideographs
      return tables.han[Int(value - ScriptFolding.unifiedStart)]
    }
    if value >= 0xFF01 && value <= 0xFF5E {  // full-width ASCII
      return tables.narrow[Int(value - 0xFEE0)]
    }
    if ScalarClass.isCJK(value) { return ScriptFolding.fold(value, table: tables.han) }
    if ScalarClass.isWhitespace(value) || ScalarClass.isCJKPunctuation(value) { return dropped }
    return special
  }

  /// The definition of the normalization for one scalar, with Unicode property
  /// lookups: passes each resulting scalar value to `emit` (none when dropped).
  private static func foldSlowly(_ scalar: UInt32, _ tables: Tables, emit: (UInt32) -> Void) {
    var value = scalar
    if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }  // full-width ASCII forms
    if value < 0x80 {
      if value >= 0x41 && value <= 0x5A {
        emit(value + 0x20)
      } else if (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A) {
        emit(value)
      }
      return
    }
    if ScalarClass.isCJK(value) { return emit(ScriptFolding.fold(value, table: tables.han)) }
    if ScalarClass.isWhitespace(value) || ScalarClass.isPunctuationOrSymbol(value) { return }
    guard let unicodeScalar = Unicode.Scalar(value) else { return }
    if unicodeScalar.properties.changesWhenLowercased {
      for lower in unicodeScalar.properties.lowercaseMapping.unicodeScalars { emit(lower.value) }
    } else {
      emit(value)
    }
  }
}
