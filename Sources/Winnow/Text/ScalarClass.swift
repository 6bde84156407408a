/// Character classes on raw Unicode scalar values, without Foundation and
/// without grapheme iteration: the hot paths of several stages use them.
public enum ScalarClass {
  /// Han ideographs (all CJK blocks), kana and Hangul: the scripts written without spaces.
  @inline(__always)
  public static func isCJK(_ v: UInt32) -> Bool {
    if isCommonHan(v) { return true }
    return switch v {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3134F: true
    case 0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035, 0x3038...0x303B: true  // 々 〇 〡…〩 〻
    case 0x3040...0x30FF, 0x31F0...0x31FF: true  // Hiragana, Katakana
    case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: true  // Hangul
    default: false
    }
  }

  /// CJK Unified Ideographs (U+4E00–U+9FFF), most of any Chinese text: one comparison,
  /// for the hot loops to test before the full class.
  @inline(__always)
  public static func isCommonHan(_ v: UInt32) -> Bool { v &- 0x4E00 < 0xA000 - 0x4E00 }

  /// Punctuation used in CJK text: full-width forms, CJK symbols, curly quotes, dashes, ellipsis.
  @inline(__always)
  public static func isCJKPunctuation(_ v: UInt32) -> Bool {
    switch v {
    case 0x3000...0x3004, 0x3008...0x3020, 0x302A...0x3030, 0x3036, 0x3037, 0x303C...0x303F: true
    case 0xFE10...0xFE1F, 0xFE30...0xFE4F: true
    case 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: true
    case 0x2010...0x2027, 0x00B7: true
    default: false
    }
  }

  /// Whitespace, including the ideographic space and no-break spaces.
  @inline(__always)
  public static func isWhitespace(_ v: UInt32) -> Bool {
    switch v {
    case 0x20, 0x09...0x0D, 0xA0, 0x3000, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F,
      0xFEFF:
      true
    default: false
    }
  }

  /// Punctuation or symbol (Unicode general categories P* and S*), fast for ASCII and CJK.
  @inline(__always)
  public static func isPunctuationOrSymbol(_ v: UInt32) -> Bool {
    if v < 0x80 {
      return (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v)
        || (0x7B...0x7E).contains(v)
    }
    if isCJK(v) { return false }
    if isCJKPunctuation(v) { return true }
    guard let scalar = Unicode.Scalar(v) else { return false }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
      .modifierSymbol, .otherSymbol:
      return true
    default:
      return false
    }
  }

  /// A letter of any script (Unicode general category L*), CJK included.
  @inline(__always)
  public static func isLetter(_ v: UInt32) -> Bool {
    if v < 0x80 { return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
    if isCJK(v) { return true }
    guard let scalar = Unicode.Scalar(v) else { return false }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      return true
    default: return false
    }
  }

  @inline(__always)
  public static func isDigit(_ v: UInt32) -> Bool {
    (0x30...0x39).contains(v) || (0xFF10...0xFF19).contains(v)
  }
}
