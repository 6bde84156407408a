/// Finds the traces that text was decoded with the wrong encoding, scalar by scalar.
///
/// Patterns, each cheap to see in a stream of scalars:
/// - UTF-8 read as Latin-1 or CP1252 ("Ã©", "â€œ", "æ–°", "ï¿½"): a Latin-1 character that
///   would be a UTF-8 lead byte (C2–F4) followed by exactly the number of characters that
///   would be its continuation bytes (80–BF, or the CP1252 letters standing for them);
/// - the GBK rendering of U+FFFD, "锟斤拷", and of uninitialized MSVC memory, runs of
///   three or more "烫" or "屯";
/// - UTF-8 read as GBK: the GBK characters that the first two bytes of the commonest
///   Chinese characters become (的 → 鐨, 中/一 → 涓, 是 → 鏄, 。 → 銆, ， → 锛, “ → 鈥, …),
///   none of which occur in the 1000-article corpus.
///
/// Big5 text read as GBK (or the reverse) gives valid, common-looking Han characters and
/// is not detected here: that needs a character-frequency model, as the Read stage has.
struct MojibakeScan {
  /// Characters that belong to a detected pattern.
  private(set) var chars = 0
  /// Continuation characters still expected after a Latin-1 "lead byte", and those seen.
  private var expected = 0
  private var seen = 0
  /// The last two scalars, for "锟斤拷".
  private var previous: (UInt32, UInt32) = (0, 0)
  /// Length of the current run of 烫 or 屯, and which.
  private var run = 0
  private var runScalar: UInt32 = 0
  /// `patternBitmap`, held by each scan so the hot loop reads it without a lazy-global check.
  private let patternBits = MojibakeScan.patternBitmap

  @inline(__always)
  mutating func add(_ v: UInt32) {
    if v >= 0x80 && v < 0x3000 { latin1(v) } else { expected = 0 }
    if v >= 0x4E00 { han(v) } else { run = 0 }
    previous = (previous.1, v)
  }

  /// `add` for a CJK Unified Ideograph (U+4E00–U+9FFF). Almost none is part of a
  /// pattern, so one bit of `patternBits` settles it before any comparison.
  @inline(__always)
  mutating func addHan(_ v: UInt32) {
    expected = 0
    if patternBits.contains(Int(v - Self.hanStart)) { han(v) } else { run = 0 }
    previous = (previous.1, v)
  }

  private static let hanStart: UInt32 = 0x4E00
  private static let hanEnd: UInt32 = 0xA000

  /// One bit per ideograph U+4E00–U+9FFF: set for those `han` looks for. Built from `han`'s
  /// own tests, so the two cannot disagree: `han` of an unset one only resets the run.
  private static let patternBitmap: BitArray = {
    var bits = BitArray(count: Int(hanEnd - hanStart))
    for v in hanStart..<hanEnd where isPatternHan(v) { bits.insert(Int(v - hanStart)) }
    return bits
  }()

  /// The ideographs that `han` counts or tracks: the last of "锟斤拷", the UTF-8-as-GBK
  /// characters, 烫 and 屯.
  private static func isPatternHan(_ v: UInt32) -> Bool {
    v == Self.kaoScalar || isUTF8AsGBK(v) || isRunScalar(v)
  }

  private mutating func latin1(_ v: UInt32) {
    if expected > 0, Self.isContinuation(v) {
      seen += 1
      if seen == expected {
        chars += seen + 1
        expected = 0
      }
      return
    }
    switch v {
    case 0xC2...0xDF: expected = 1
    case 0xE0...0xEF: expected = 2
    case 0xF0...0xF4: expected = 3
    default: expected = 0
    }
    seen = 0
  }

  private mutating func han(_ v: UInt32) {
    if v == Self.kaoScalar && previous == (0x951F, 0x65A4) { chars += 3 }  // 锟斤拷
    if Self.isUTF8AsGBK(v) { chars += 1 }
    if Self.isRunScalar(v) {
      run = v == runScalar ? run + 1 : 1
      runScalar = v
      if run == 3 { chars += 3 } else if run > 3 { chars += 1 }
    } else {
      run = 0
    }
  }

  /// 拷, the last of "锟斤拷".
  private static let kaoScalar: UInt32 = 0x62F7

  /// 烫 or 屯, which mark uninitialized memory in runs of three or more.
  @inline(__always)
  private static func isRunScalar(_ v: UInt32) -> Bool { v == 0x70EB || v == 0x5C6F }

  /// A byte 80–BF as Latin-1 shows it, or as CP1252 shows 80–9F.
  private static func isContinuation(_ v: UInt32) -> Bool {
    switch v {
    case 0x80...0xBF: true
    case 0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
      0x0152, 0x017D, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
      0x0161, 0x203A, 0x0153, 0x017E, 0x0178:
      true
    default: false
    }
  }

  /// 鐨 涓 鏄 鍦 鍜 鎴 浠 鍙 浜 鏈 杩 銆 锛 鈥: GBK for the first two UTF-8 bytes of
  /// 的 中/一 是 在 和 我 他/们 发 了/人 有 这 。 ， “/” (a switch: no hashing per character).
  @inline(__always)
  private static func isUTF8AsGBK(_ v: UInt32) -> Bool {
    switch v {
    case 0x9428, 0x6D93, 0x93C4, 0x9366, 0x935C, 0x93B4, 0x6D60, 0x9359, 0x6D5C, 0x93C8, 0x6769,
      0x9286, 0x951B, 0x9225:
      true
    default: false
    }
  }
}
