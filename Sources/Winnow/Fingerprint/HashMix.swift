/// The 64-bit mixing step shared by the shingle, content and band-key hashes.
///
/// `mix` is the splitmix64 finalizer (Steele, Lea & Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014; constants from Stafford's
/// Mix13). It is a bijection on 64 bits with full avalanche, so absorbing
/// words as `state = mix(state ^ word)` loses nothing within one step and
/// spreads every input bit over the whole state: two distinct inputs collide
/// only as often as random 64-bit values would.
///
/// - Complexity: O(1) per word: two multiplications and three xor-shifts.
enum HashMix {
  /// Bits per packed Unicode scalar: every scalar value is below 2^21.
  static let scalarBits: UInt64 = 21
  /// Scalars packed into one 64-bit word (3 × 21 = 63 bits).
  static let scalarsPerWord = 3

  /// The splitmix64 finalizer: a bijective, well-avalanching 64-bit mix.
  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Derives an independent seed for one use of the configured seed, so the
  /// shingle hash, the content hash and the permutations never share a stream.
  static func derive(_ seed: UInt64, purpose: UInt64) -> UInt64 {
    mix(seed ^ mix(purpose &* 0x9E37_79B9_7F4A_7C15))
  }

  /// Hash of `count` Unicode scalar values starting at `scalars`: packed
  /// exactly (21 bits each, three per word, zero-padded; normalized text never
  /// contains U+0000) and absorbed word by word. For up to three scalars the
  /// hash is a bijection of the packed word, so distinct inputs never collide.
  @inline(__always)
  static func hash(_ scalars: UnsafePointer<UInt32>, count: Int, seed: UInt64) -> UInt64 {
    var state = seed
    var i = 0
    while i < count {
      state = mix(state ^ word(scalars, at: i, count: count))
      i += scalarsPerWord
    }
    return state
  }

  /// `hash` under two seeds in one pass: each step waits on the one before, so the two
  /// chains side by side take about the time of one.
  @inline(__always)
  static func hash(_ scalars: UnsafePointer<UInt32>, count: Int, seeds: (UInt64, UInt64)) -> (
    UInt64, UInt64
  ) {
    var (first, second) = seeds
    var i = 0
    while i < count {
      let packed = word(scalars, at: i, count: count)
      first = mix(first ^ packed)
      second = mix(second ^ packed)
      i += scalarsPerWord
    }
    return (first, second)
  }

  /// Scalars `i`, `i + 1` and `i + 2` (those below `count`) packed into one word.
  @inline(__always)
  private static func word(_ scalars: UnsafePointer<UInt32>, at i: Int, count: Int) -> UInt64 {
    var word = UInt64(scalars[i])
    if i + 1 < count { word |= UInt64(scalars[i + 1]) << scalarBits }
    if i + 2 < count { word |= UInt64(scalars[i + 2]) << (2 * scalarBits) }
    return word
  }
}

/// The splitmix64 generator (Steele, Lea & Flood 2014): a tiny seeded PRNG
/// for the MinHash permutation parameters, identical on every platform, so a
/// seed always yields the same signatures.
///
/// - Complexity: O(1) per value.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return HashMix.mix(state)
  }
}
