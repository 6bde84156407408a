/// The one pass over a body's Unicode scalars that feeds every scalar-based signal:
/// character classes and script counts, mojibake, lines and paragraphs, the token stream
/// for the n-gram statistics, and the last character for truncation.
struct TextScan {
  var classes = CharacterClasses()
  var mojibake = MojibakeScan()
  var lines = LineRepetition()
  /// One token per CJK character or run of other letters and digits (see `Repetition`).
  var tokenHashes: [UInt64] = []
  var tokenLengths: [Int32] = []
  var last: UInt32?
  private var word = (hash: UInt64(0), length: Int32(0))

  /// Decodes the body's UTF-8 itself (a `String` is valid UTF-8): the scalar view's
  /// iterator costs more per scalar than all the counting below. Han (leads E4–E9,
  /// U+4000–U+9FFF), most of a Chinese body, is decoded on the spot, and common Han
  /// goes straight to its own path: `add` is too large to be inlined here.
  init(_ body: String) {
    var body = body
    tokenHashes.reserveCapacity(body.utf8.count / 3 + 8)
    tokenLengths.reserveCapacity(body.utf8.count / 3 + 8)
    body.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        if (0xE4...0xE9).contains(bytes[index]) && index + 3 <= bytes.count {
          let value = UTF8Decoding.threeByteScalar(in: bytes, at: index)
          if ScalarClass.isCommonHan(value) { addCommonHan(value) } else { add(value) }
          index += 3
          continue
        }
        let (value, next) = UTF8Decoding.scalar(in: bytes, at: index)
        add(value)
        index = next
      }
    }
    endWord()
    lines.finish()
  }

  @inline(__always)
  private mutating func add(_ v: UInt32) {
    if ScalarClass.isCommonHan(v) {
      addCommonHan(v)
      return
    }
    if ScalarClass.isWhitespace(v) {
      if v == 0x0A { lines.lineBreak() }
      endWord()
      return
    }
    let token = classes.add(v)
    mojibake.add(v)
    lines.add(v)
    last = v
    switch token {
    case .cjk:
      addCJKToken(v)
    case .word:
      word.hash = (word.hash &+ UInt64(v)) &* 0x100_0000_01B3
      word.length += 1
    case .separator:
      endWord()
    }
  }

  /// What `add` does for a common Han character, with the class, mojibake and token
  /// decisions it always takes for one made up front.
  @inline(__always)
  private mutating func addCommonHan(_ v: UInt32) {
    classes.addHan(v)
    mojibake.addHan(v)
    lines.add(v)
    last = v
    addCJKToken(v)
  }

  /// A CJK character is a token of its own.
  @inline(__always)
  private mutating func addCJKToken(_ v: UInt32) {
    endWord()
    tokenHashes.append(HashMix.mix(UInt64(v)))
    tokenLengths.append(1)
  }

  @inline(__always)
  private mutating func endWord() {
    guard word.length > 0 else { return }
    tokenHashes.append(HashMix.mix(word.hash ^ 0x8000_0000_0000_0000))
    tokenLengths.append(word.length)
    word = (0, 0)
  }
}
