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
