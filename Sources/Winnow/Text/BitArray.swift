/// A fixed number of bits, one per small integer (a scalar's offset in a block, a hash's
/// top bits): membership is a shift and a mask, for hot loops that must answer "no" for
/// almost every character or key without touching a larger table.
struct BitArray: Sendable {
  private var words: [UInt64]

  /// `count` bits, all clear.
  init(count: Int) {
    words = [UInt64](repeating: 0, count: (count + 63) / 64)
  }

  mutating func insert(_ bit: Int) {
    words[bit >> 6] |= 1 << UInt64(bit & 63)
  }

  @inline(__always)
  func contains(_ bit: Int) -> Bool {
    words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
  }
}
