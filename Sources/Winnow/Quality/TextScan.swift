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

  init(_ body: String) {
    tokenHashes.reserveCapacity(body.utf8.count / 3 + 8)
    tokenLengths.reserveCapacity(body.utf8.count / 3 + 8)
    for scalar in body.unicodeScalars { add(scalar.value) }
    endWord()
    lines.finish()
  }

  @inline(__always)
  private mutating func add(_ v: UInt32) {
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
      endWord()
      tokenHashes.append(HashMix.mix(UInt64(v)))
      tokenLengths.append(1)
    case .word:
      word.hash = (word.hash &+ UInt64(v)) &* 0x100_0000_01B3
      word.length += 1
    case .separator:
      endWord()
    }
  }

  @inline(__always)
  private mutating func endWord() {
    guard word.length > 0 else { return }
    tokenHashes.append(HashMix.mix(word.hash ^ 0x8000_0000_0000_0000))
    tokenLengths.append(word.length)
    word = (0, 0)
  }
}
