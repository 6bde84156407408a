/// Text as duplicate matching sees it (never as it is written out): full-width
/// forms folded to ASCII, letters lowercased, whitespace, punctuation and
/// symbols dropped. Pre-segmented CJK text ("吉 反对派 占领") and unsegmented
/// text ("吉反对派占领") normalize to the same scalars.
public enum MatchNormalizer {
  /// Appends the normalized scalar values of `text` to `output`.
  public static func normalize(_ text: String, into output: inout [UInt32]) {
    for scalar in text.unicodeScalars {
      var v = scalar.value
      if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }  // full-width ASCII forms
      if v < 0x80 {
        if v >= 0x41 && v <= 0x5A {
          output.append(v + 0x20)
        } else if (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) {
          output.append(v)
        }
        continue
      }
      if ScalarClass.isCJK(v) {
        output.append(v)
        continue
      }
      if ScalarClass.isWhitespace(v) || ScalarClass.isPunctuationOrSymbol(v) { continue }
      guard let s = Unicode.Scalar(v) else { continue }
      if s.properties.changesWhenLowercased {
        output.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars.map(\.value))
      } else {
        output.append(v)
      }
    }
  }

  /// The normalized scalar values of `text`.
  public static func normalize(_ text: String) -> [UInt32] {
    var out: [UInt32] = []
    out.reserveCapacity(text.utf8.count / 2)
    normalize(text, into: &out)
    return out
  }
}
