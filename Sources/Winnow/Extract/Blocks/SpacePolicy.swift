/// Which whitespace survives between two visible characters of a block.
///
/// Chinese and Japanese are written without spaces, so a space between two of
/// their characters is either a line wrap in the markup (HTML, Markdown) or an
/// artefact of word segmentation; elsewhere a whitespace run is one space.
enum SpacePolicy: Sendable, Equatable {
  /// Every whitespace run becomes one space (plain text as written).
  case keep
  /// Drop a run that holds a line break and whose neighbours are both CJK
  /// characters or CJK punctuation: what browsers do with a line wrap inside
  /// Chinese text (CSS segment-break rules). Spaces the author typed stay.
  case dropWrapsBetweenCJK
  /// Drop every run whose neighbours are both CJK characters or CJK punctuation.
  case dropBetweenCJK
  /// Undo word segmentation: also drop a run next to CJK punctuation, and one
  /// between CJK characters and digits ("7 日" → "7日"); Latin words keep theirs.
  case joinSegmented

  /// Whether a whitespace run between the scalar values `before` and `after`
  /// stays as a space; `wrap` says the run holds a line break.
  @inline(__always)
  func keepsSpace(between before: UInt32, and after: UInt32, wrap: Bool) -> Bool {
    switch self {
    case .keep:
      return true
    case .dropWrapsBetweenCJK:
      return
        !(wrap && CJKScalar.isUnspacedOrPunctuation(before)
        && CJKScalar.isUnspacedOrPunctuation(after))
    case .dropBetweenCJK:
      return
        !(CJKScalar.isUnspacedOrPunctuation(before) && CJKScalar.isUnspacedOrPunctuation(after))
    case .joinSegmented:
      if ScalarClass.isCJKPunctuation(before) || ScalarClass.isCJKPunctuation(after) {
        return false
      }
      let cjkBefore = CJKScalar.isUnspaced(before)
      let cjkAfter = CJKScalar.isUnspaced(after)
      if cjkBefore && (cjkAfter || ScalarClass.isDigit(after)) { return false }
      return !(cjkAfter && ScalarClass.isDigit(before))
    }
  }
}

/// CJK classes as spacing sees them.
enum CJKScalar {
  /// Han and kana: scripts written without spaces between words.
  ///
  /// Hangul is CJK for `ScalarClass` but Korean puts spaces between words, so
  /// its spaces are real and must never be joined.
  @inline(__always)
  static func isUnspaced(_ value: UInt32) -> Bool {
    ScalarClass.isCommonHan(value) || (ScalarClass.isCJK(value) && !isHangul(value))
  }

  /// Han, kana or CJK punctuation.
  @inline(__always)
  static func isUnspacedOrPunctuation(_ value: UInt32) -> Bool {
    isUnspaced(value) || ScalarClass.isCJKPunctuation(value)
  }

  @inline(__always)
  static func isHangul(_ value: UInt32) -> Bool {
    (0xAC00...0xD7AF).contains(value) || (0x1100...0x11FF).contains(value)
      || (0x3130...0x318F).contains(value)
  }
}
