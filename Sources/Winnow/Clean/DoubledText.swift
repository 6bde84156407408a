/// Finds a block that carries its own text twice in a row ("title + body + body"
/// in one line, as 35 THUCNews articles do): the normalized text ends with a
/// part B followed by a copy of B (equal, or near-equal by shingle similarity),
/// and B is most of the block. The block is cut before the second copy.
///
/// Safe by construction: the copy must be long (`minChars`) and make up at least
/// `minShare` of the block twice over, so a phrase repeated inside a paragraph
/// ("不要，不要") never triggers it.
struct DoubledText {
  let minChars: Int
  let threshold: Double
  /// Two copies must cover at least this share of the block (what comes before them is
  /// a title at most), so a paragraph that repeats one sentence many times is left alone.
  let minShare = 0.9
  /// Scalars at the end of the block looked up earlier in it to guess where the copy starts.
  private let probeLength = 12

  /// The block's text up to the second copy and the second copy, or nil when the block is not doubled.
  func split(_ text: String, key: [UInt32]) -> (kept: String, repeated: String)? {
    guard let start = secondCopyStart(key) else { return nil }
    let cut = Self.originalOffset(of: start, in: text)
    let scalars = text.unicodeScalars
    let index = scalars.index(scalars.startIndex, offsetBy: cut)
    let kept = String(scalars[..<index]).trimmingTrailingSpaces()
    let repeated = String(scalars[index...])
    guard !kept.isEmpty, !repeated.isEmpty else { return nil }
    return (kept, repeated)
  }

  /// Normalized offset where the second copy starts, when the block is doubled.
  func secondCopyStart(_ key: [UInt32]) -> Int? {
    let length = key.count
    guard length >= 2 * minChars, length >= 2 * probeLength else { return nil }
    let probe = key[(length - probeLength)...]
    var end = length - 1
    while end >= probeLength {
      defer { end -= 1 }
      let copy = length - end
      guard 2 * copy <= length else { break }
      guard copy >= minChars, Double(2 * copy) >= minShare * Double(length) else { continue }
      guard key[(end - probeLength)..<end].elementsEqual(probe) else { continue }
      let first = Array(key[(length - 2 * copy)..<(length - copy)])
      let second = Array(key[(length - copy)...])
      if first == second || Shingles(first).jaccard(Shingles(second)) >= threshold {
        return length - copy
      }
    }
    return nil
  }

  /// The offset in scalars of `text` where its `normalized`-th normalized scalar begins:
  /// the smallest prefix whose normalization holds more than `normalized` scalars, less
  /// one. A binary search over prefixes (normalized length grows with the prefix), so
  /// it costs O(n log n) on the normalizer's fast path, not a string per scalar.
  static func originalOffset(of normalized: Int, in text: String) -> Int {
    let starts = Array(text.unicodeScalars.indices)
    var low = 0
    var high = starts.count
    while low < high {
      let middle = (low + high) / 2
      let end = middle + 1 < starts.count ? starts[middle + 1] : text.endIndex
      if MatchNormalizer.normalize(String(text[..<end])).count > normalized {
        high = middle
      } else {
        low = middle + 1
      }
    }
    return low
  }
}

extension String {
  /// The string without trailing whitespace.
  func trimmingTrailingSpaces() -> String {
    var scalars = Substring(self).unicodeScalars
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
