extension StringProtocol {
  /// The number of Unicode scalars, `unicodeScalars.count`, counted without decoding:
  /// in valid UTF-8 (every `String`) each scalar has exactly one byte that is not a
  /// continuation byte (80–BF). Clean measures every block by it, and the scalar view
  /// walks them one by one.
  var scalarCount: Int {
    let counted = utf8.withContiguousStorageIfAvailable { bytes in
      bytes.count - Self.continuationBytes(bytes)
    }
    return counted ?? unicodeScalars.count
  }

  /// The continuation bytes (10xxxxxx) of `bytes`, eight at a time: a byte's bit 7 set
  /// and bit 6 clear is `w & ~(w << 1)` at its top bit.
  private static func continuationBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    var count = 0
    var index = 0
    while index + 8 <= bytes.count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      count += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
      index += 8
    }
    while index < bytes.count {
      if bytes[index] & 0xC0 == 0x80 { count += 1 }
      index += 1
    }
    return count
  }
}
