/// A flat open-addressing hash table from 64-bit n-gram hashes to occurrence counts,
/// reused for every n of one text: a generation stamp empties it in O(1). A slot is 16
/// bytes (key, stamp, count), so four share a cache line. Non-copyable, so it owns its
/// memory outright and the hot loop does no uniqueness checks.
struct NgramTable: ~Copyable {
  struct Slot {
    var key: UInt64 = 0
    var stamp: UInt32 = 0
    var count: Int32 = 0
  }

  private let slots: UnsafeMutableBufferPointer<Slot>
  private var generation: UInt32 = 1
  /// The slots in use since the last `clear`: the first `mask + 1`.
  private var mask: Int

  /// Room for `capacity` distinct keys at a load factor of at most one quarter: a probe
  /// then seldom meets another key, which cost more than the larger table's cache misses.
  init(capacity: Int) {
    mask = Self.size(for: capacity) - 1
    slots = .allocate(capacity: mask + 1)
    slots.initialize(repeating: Slot())
  }

  deinit { slots.deallocate() }

  /// Empties the table for at most `capacity` distinct keys (no more than it was made
  /// for). Fewer keys use only the first slots, at the same load factor, so a smaller
  /// round touches fewer cache lines.
  mutating func clear(capacity: Int) {
    generation &+= 1
    mask = min(Self.size(for: capacity), slots.count) - 1
  }

  /// The power of two, at least 16, that holds `capacity` keys at a load of one quarter.
  private static func size(for capacity: Int) -> Int {
    var size = 16
    while size < capacity * 4 { size <<= 1 }
    return size
  }

  /// Counts one occurrence of `key`; returns the count after it and the slot index.
  @inline(__always)
  func insert(_ key: UInt64) -> (count: Int32, slot: Int) {
    var i = Int(truncatingIfNeeded: key) & mask
    while slots[i].stamp == generation {
      if slots[i].key == key {
        slots[i].count += 1
        return (slots[i].count, i)
      }
      i = (i + 1) & mask
    }
    slots[i] = Slot(key: key, stamp: generation, count: 1)
    return (1, i)
  }

  /// The count of the key in `slot`.
  @inline(__always)
  func count(at slot: Int) -> Int32 { slots[slot].count }
}
