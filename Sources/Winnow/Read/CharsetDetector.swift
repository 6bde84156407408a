import CUchardet

/// uchardet's guess at the encoding of bytes that are not UTF-8.
///
/// The guess only decides which encoding is tried first: every candidate is
/// still decoded strictly and checked for plausible text, so a wrong guess
/// costs a second attempt, never mojibake. uchardet reads at most the first
/// `sampleBytes` (64 KiB), as the rest of encoding detection does.
enum CharsetDetector {
  /// How much of the input uchardet sees.
  static let sampleBytes = 64 << 10

  /// The encoding uchardet names for the start of `bytes`, if it is one Winnow reads.
  static func guess(_ bytes: some Collection<UInt8>) -> TextEncoding? {
    name(of: Array(bytes.prefix(sampleBytes))).flatMap(encoding(named:))
  }

  /// uchardet's charset name for `sample`, nil when it has none.
  static func name(of sample: [UInt8]) -> String? {
    guard !sample.isEmpty, let detector = uchardet_new() else { return nil }
    defer { uchardet_delete(detector) }
    let status = sample.withUnsafeBytes { bytes in
      uchardet_handle_data(
        detector, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
    }
    guard status == 0 else { return nil }
    uchardet_data_end(detector)
    guard let charset = uchardet_get_charset(detector) else { return nil }
    let name = String(cString: charset)
    return name.isEmpty ? nil : name
  }

  /// Winnow's encoding for a uchardet charset name: the GB family reads as its
  /// superset GB18030, the Big5 family as Big5.
  static func encoding(named name: String) -> TextEncoding? {
    switch name.uppercased() {
    case "GB18030", "GB2312", "GBK", "EUC-CN", "CP936", "HZ-GB-2312": .gb18030
    case "BIG5", "BIG5-HKSCS", "CP950": .big5
    case "UTF-16LE": .utf16LE
    case "UTF-16BE": .utf16BE
    case "UTF-8", "ASCII": .utf8
    default: nil
    }
  }
}

/// UTF-16 without a byte order mark, told from its pattern of zero bytes.
///
/// ASCII characters (Latin text, digits, line breaks) in UTF-16 have a zero
/// high byte: at odd offsets in UTF-16LE, at even ones in UTF-16BE. UTF-8 and
/// GB18030 text never holds a zero byte, so zeros that keep to one parity are
/// a strong signal. Chinese text with little ASCII has no clear pattern; then
/// both orders are tried and the one that reads as Chinese (frequent hanzi)
/// wins. uchardet is not asked: measured, version 0.0.7 names no UTF-16
/// without a mark (nothing for Chinese, "ASCII" for English). Either way the
/// candidate must decode strictly and read as plausible text (GB18030, Big5
/// and UTF-8 bytes read as UTF-16 give surrogates, private-use scalars or rare
/// hanzi), and valid UTF-8 without zero bytes is never tried at all.
enum UnmarkedUTF16 {
  /// The byte order of `head` if it is UTF-16 without a mark.
  static func detect(_ head: [UInt8]) -> TextEncoding? {
    let sample = Array(head.prefix(CharsetDetector.sampleBytes))
    guard sample.count >= 4 else { return nil }
    let hasZeros = sample.contains(0)
    if !hasZeros && UTF8Check.firstInvalid(sample, allowTruncatedEnd: true) == nil { return nil }
    if hasZeros, let byZeros = zeroPattern(sample) {
      return isPlausible(sample, bigEndian: byZeros == .utf16BE, needsHanzi: false) ? byZeros : nil
    }
    // Chinese with hardly any ASCII leaves no clear pattern: both orders are
    // tried, each only when it reads as real Chinese.
    return [TextEncoding.utf16LE, .utf16BE].first {
      isPlausible(sample, bigEndian: $0 == .utf16BE, needsHanzi: true)
    }
  }

  /// The byte order the zero bytes point to: at least one code unit in 64
  /// has a zero byte, and nearly all of those zeros share one parity.
  static func zeroPattern(_ sample: [UInt8]) -> TextEncoding? {
    var zeros = (even: 0, odd: 0)
    for index in sample.indices where sample[index] == 0 {
      if index % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
    }
    let units = sample.count / 2
    let (more, fewer) = (max(zeros.even, zeros.odd), min(zeros.even, zeros.odd))
    guard more * 64 >= units, fewer * 16 <= more else { return nil }
    return zeros.odd > zeros.even ? .utf16LE : .utf16BE
  }

  /// Decodes strictly (a unit cut by the end of the sample aside) and looks
  /// like text: no control characters besides line breaks and tabs, no
  /// unassigned or private-use scalars, and Chinese that has frequent hanzi.
  /// With `needsHanzi` (no zero bytes to go by), it must be Chinese: at least
  /// `minimumHanzi` hanzi, so that a few stray bytes are not taken for UTF-16.
  static func isPlausible(_ sample: [UInt8], bigEndian: Bool, needsHanzi: Bool) -> Bool {
    var even = sample[...]
    if even.count % 2 == 1 { even = even.dropLast() }
    var text: String
    switch UTF16Text.decode(even, bigEndian: bigEndian) {
    case .success(let decoded): text = decoded
    case .failure:
      // The sample may end inside a surrogate pair.
      guard case .success(let decoded) = UTF16Text.decode(even.dropLast(2), bigEndian: bigEndian)
      else { return false }
      text = decoded
    }
    var odd = 0
    for scalar in text.unicodeScalars where !isTextScalar(scalar) { odd += 1 }
    guard odd * 100 <= text.unicodeScalars.count else { return false }
    let (hanzi, frequent) = HanziFrequency.count(Array(text.utf8))
    if hanzi < minimumHanzi { return !needsHanzi }
    return frequent * 10 >= hanzi
  }

  /// Hanzi needed before their frequency says anything.
  static let minimumHanzi = 16

  /// A scalar that belongs in text: assigned, not private use, not a control
  /// character other than tab and line breaks.
  private static func isTextScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control: return scalar == "\n" || scalar == "\r" || scalar == "\t"
    case .unassigned, .privateUse, .surrogate: return false
    default: return true
    }
  }
}
