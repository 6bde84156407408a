/// The text of one block as it is being collected: whitespace runs folded to
/// one space (or dropped, as the `SpacePolicy` says), leading and trailing
/// whitespace trimmed, invisible format characters removed.
///
/// Parsers feed it scalar values one at a time and take the finished string at
/// each block boundary. The UTF-8 buffer is reused and written by index
/// (`Array.append` per byte cost a fifth of extraction time), so a document
/// costs one allocation per block, not per character.
struct BlockText {
  var policy: SpacePolicy
  /// UTF-8 of the block in `storage[..<length]`; bytes past `length` are spare room.
  private var storage: [UInt8]
  private var length = 0
  private var last: UInt32 = 0
  private var pendingSpace = false
  /// The pending whitespace run holds a line break.
  private var pendingWrap = false
  /// Scalars written so far, the folded spaces included.
  private(set) var scalarCount = 0

  /// `capacity` is the UTF-8 bytes to reserve: parsers that fill many blocks
  /// pass a typical paragraph size, since the buffer is reused.
  init(policy: SpacePolicy, capacity: Int = 64) {
    self.policy = policy
    storage = [UInt8](repeating: 0, count: max(capacity, 16))
  }

  var isEmpty: Bool { length == 0 }

  /// Adds one scalar value; whitespace only marks that a space may follow.
  @inline(__always)
  mutating func append(_ value: UInt32) {
    if value < 0x80 && value > 0x20 && value != 0x7F {
      writeVisible(value)
    } else if ScalarClass.isWhitespace(value) && value != 0x200B && value != 0xFEFF {
      pendingSpace = length > 0
      if value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029 { pendingWrap = true }
    } else if !BlockText.isInvisible(value) {
      writeVisible(value)
    }
  }

  /// Marks the line break between two lines joined into one block.
  mutating func appendLineBreak() {
    pendingSpace = length > 0
    pendingWrap = true
  }

  /// The finished text, or nil when nothing visible was added; starts the next block.
  mutating func take() -> String? {
    defer {
      length = 0
      pendingSpace = false
      pendingWrap = false
      scalarCount = 0
    }
    return length == 0 ? nil : String(decoding: storage[..<length], as: UTF8.self)
  }

  /// Adds a run of visible scalars, none of them whitespace or invisible, given as their
  /// UTF-8 `bytes`: the same as `append` of each, with the bytes copied as they are
  /// instead of decoded and encoded again. `first` and `last` are the run's first and last
  /// scalar values, `scalars` how many it holds.
  mutating func appendVisible(
    utf8 bytes: UnsafeBufferPointer<UInt8>, first: UInt32, last: UInt32, scalars: Int
  ) {
    writePendingSpace(before: first)
    reserve(bytes.count)
    storage.withUnsafeMutableBufferPointer { buffer in
      _ = buffer[length...].initialize(fromContentsOf: bytes)
    }
    length += bytes.count
    self.last = last
    scalarCount += scalars
  }

  @inline(__always)
  private mutating func writeVisible(_ value: UInt32) {
    writePendingSpace(before: value)
    write(value)
    last = value
    scalarCount += 1
  }

  /// Writes the space a whitespace run before `value` leaves, if the policy keeps it.
  @inline(__always)
  private mutating func writePendingSpace(before value: UInt32) {
    if pendingSpace {
      pendingSpace = false
      if policy.keepsSpace(between: last, and: value, wrap: pendingWrap) {
        write(0x20)
        scalarCount += 1
      }
    }
    pendingWrap = false
  }

  /// Makes room for `count` more bytes after the text (and the four `write` may need),
  /// doubling the buffer as often as it takes.
  @inline(__always)
  private mutating func reserve(_ count: Int) {
    while length + count + 4 > storage.count {
      storage.append(contentsOf: repeatElement(0, count: storage.count))
    }
  }

  /// Stores the UTF-8 of `value` after the current text, doubling the buffer when full.
  @inline(__always)
  private mutating func write(_ value: UInt32) {
    reserve(0)
    var end = length
    storage.withUnsafeMutableBufferPointer { buffer in
      end = UTF8Decoding.encode(value, into: buffer, at: end)
    }
    length = end
  }

  /// Control characters, NUL, soft hyphens, zero-width spaces and byte-order
  /// marks: they carry no text and would only split words for later stages.
  @inline(__always)
  static func isInvisible(_ value: UInt32) -> Bool {
    value < 0x20 || value == 0x7F || value == 0xAD || value == 0x200B || value == 0xFEFF
      || (0x80...0x9F).contains(value)
  }
}
