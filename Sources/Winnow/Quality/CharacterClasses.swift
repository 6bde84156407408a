/// Counts of the classes of a body's non-whitespace scalars, taken in one pass.
///
/// Punctuation (Unicode P*: `，。“”!?`) and symbols (S*: `$+<=>|~©®→★`) are
/// counted apart: news prose carries 10–15 % punctuation, while a high symbol
/// share marks tables, emoji walls, ASCII art and menus.
struct CharacterClasses {
  var chars = 0
  var letters = 0
  /// Han, kana and Hangul (`ScalarClass.isCJK`).
  var cjk = 0
  var kana = 0
  var hangul = 0
  /// Latin letters: ASCII and Latin-1 to Latin Extended-B.
  var latin = 0
  var digits = 0
  var punctuation = 0
  var symbols = 0
  /// U+FFFD: bytes the decoder could not map.
  var replacement = 0
  /// Han characters found only in the Simplified or only in the Traditional form.
  var simplifiedOnly = 0
  var traditionalOnly = 0
  private let scriptTable = ScriptTable.formTable

  /// What a scalar is to the n-gram tokenizer (`Repetition`).
  enum Token { case separator, cjk, word }

  /// Adds one non-whitespace scalar and says how the tokenizer takes it.
  @inline(__always)
  mutating func add(_ v: UInt32) -> Token {
    chars += 1
    if v < 0x80 { return addASCII(v) }
    if ScalarClass.isCJK(v) {
      addCJK(v)
      return .cjk
    }
    if v >= 0xFF01 && v <= 0xFF5E { return addASCII(v - 0xFEE0) }  // full-width ASCII forms
    return addOther(v)
  }

  @inline(__always)
  private mutating func addASCII(_ v: UInt32) -> Token {
    switch v {
    case 0x41...0x5A, 0x61...0x7A:
      letters += 1
      latin += 1
      return .word
    case 0x30...0x39:
      digits += 1
      return .word
    case 0x24, 0x2B, 0x3C...0x3E, 0x5E, 0x60, 0x7C, 0x7E:  // $ + < = > ^ ` | ~
      symbols += 1
      return .separator
    default:
      punctuation += 1
      return .separator
    }
  }

  @inline(__always)
  private mutating func addCJK(_ v: UInt32) {
    letters += 1
    cjk += 1
    switch v {
    case 0x3040...0x30FF, 0x31F0...0x31FF: kana += 1
    case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: hangul += 1
    default: addVariant(v)
    }
  }

  /// Adds a CJK Unified Ideograph (U+4E00–U+9FFF): what `add` does for one, without
  /// the class tests it would pass through.
  @inline(__always)
  mutating func addHan(_ v: UInt32) {
    chars += 1
    letters += 1
    cjk += 1
    addVariant(v)
  }

  @inline(__always)
  private mutating func addVariant(_ v: UInt32) {
    let bits = scriptTable.variantBits(of: v)
    simplifiedOnly += bits.simplified
    traditionalOnly += bits.traditional
  }

  private mutating func addOther(_ v: UInt32) -> Token {
    if v == 0xFFFD {
      replacement += 1
      return .separator
    }
    if ScalarClass.isCJKPunctuation(v) {
      punctuation += 1
      return .separator
    }
    guard let scalar = Unicode.Scalar(v) else { return .separator }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      letters += 1
      if v >= 0xC0 && v <= 0x24F && v != 0xD7 && v != 0xF7 { latin += 1 }
      return .word
    case .decimalNumber:
      digits += 1
      return .word
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      punctuation += 1
    case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol: symbols += 1
    default: break
    }
    return .separator
  }
}
