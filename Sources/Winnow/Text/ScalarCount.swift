extension StringProtocol {
  /// The number of Unicode scalars, `unicodeScalars.count`, counted without decoding:
  /// in valid UTF-8 (every `String`) each scalar has exactly one byte that is not a
  /// continuation byte (80–BF), so the count is a byte test the compiler vectorizes.
  /// Clean measures every block by it, and the scalar view walks them one by one.
  var scalarCount: Int {
    let counted = utf8.withContiguousStorageIfAvailable { bytes in
      bytes.reduce(0) { count, byte in count &+ (byte & 0xC0 != 0x80 ? 1 : 0) }
    }
    return counted ?? unicodeScalars.count
  }
}
