/// Recognizes CJK text that arrives segmented into words with spaces
/// ("吉 反对派 占领 总统府"), as word-segmented corpora are distributed.
///
/// In ordinary Chinese prose almost no Han character is followed by a space;
/// in segmented text about every second one is. The share of Han and kana
/// characters followed by a space, over a sample from the start of the
/// document, separates the two; Hangul is not counted because Korean is
/// written with spaces.
struct SegmentationDetector: Sendable {
  /// The share of CJK characters followed by a space at which text counts as segmented.
  var minimumRatio: Double
  /// Fewer CJK characters than this are too few to tell; such text is left as it is.
  var minimumCJKCount: Int
  /// Only this many CJK characters from the start are looked at: segmented
  /// text shows hundreds of spaces in that many, and a longer sample would cost
  /// long documents a second full pass.
  var sampleCJKCount = 1000

  /// Whether the text in `bytes` (UTF-8, markup allowed) is word-segmented CJK.
  func isSegmented(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var cjk = 0
    var followedBySpace = 0
    var previousWasCJK = false
    var index = 0
    while index < bytes.count && cjk < sampleCJKCount {
      if bytes[index] < 0x80 {
        if previousWasCJK && bytes[index] == 0x20 { followedBySpace += 1 }
        previousWasCJK = false
        index += 1
        continue
      }
      let (value, next) = UTF8Decoding.scalar(in: bytes, at: index)
      if previousWasCJK && value == 0x3000 { followedBySpace += 1 }
      previousWasCJK = CJKScalar.isUnspaced(value)
      if previousWasCJK { cjk += 1 }
      index = next
    }
    guard cjk >= max(minimumCJKCount, 1) else { return false }
    return Double(followedBySpace) >= minimumRatio * Double(cjk)
  }
}
