/// A stable 64-bit hash of a block's normalized text (FNV-1a over its scalars).
/// Learned boilerplate is counted by these hashes, not by texts, so memory per
/// counted block stays at eight bytes; and unlike Swift's `Hasher` the value is the
/// same in every process, so counts can be stored and compared across runs.
///
/// - Complexity: O(n) in the normalized length.
enum BlockHash {
  static func of(_ key: [UInt32]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for scalar in key {
      hash = (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01b3
    }
    return hash
  }
}

/// A block's normalized text with its `BlockHash`, computed once: a set of these hashes
/// eight bytes per lookup, where a set of `[UInt32]` feeds every scalar to `Hasher`.
/// Equality is still the texts', so a hash collision never makes two blocks one.
struct HashedKey: Hashable {
  let scalars: [UInt32]
  let hash: UInt64

  init(_ scalars: [UInt32]) {
    self.scalars = scalars
    hash = BlockHash.of(scalars)
  }

  static func == (a: HashedKey, b: HashedKey) -> Bool {
    a.hash == b.hash && a.scalars == b.scalars
  }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
