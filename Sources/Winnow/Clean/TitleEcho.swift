import Foundation

/// Recognises blocks that repeat the article's title. Page titles often carry
/// the site or section after a separator ("标题_国际新闻", "Title | Site"),
/// while the heading in the body has the bare title, so both forms count.
struct TitleEcho {
  /// Normalized forms of the title that a block may equal.
  private let forms: [[UInt32]]

  /// Separators between a title and a site or section name, most specific first.
  private static let separators = [" | ", " - ", " – ", " — ", "｜", "|", "_"]
  /// The site or section part after a separator is at most this long (in scalars).
  private static let maxSuffix = 20

  init(title: String?) {
    guard let title, !title.isEmpty else {
      forms = []
      return
    }
    var forms = [MatchNormalizer.normalize(title)]
    if let bare = Self.withoutSiteSuffix(title) { forms.append(MatchNormalizer.normalize(bare)) }
    self.forms = forms.filter { !$0.isEmpty }
  }

  /// True when the block's normalized text equals a form of the title.
  func matches(_ key: [UInt32]) -> Bool { forms.contains(key) }

  /// The title before its last separator, when what follows is short enough to be a site name.
  static func withoutSiteSuffix(_ title: String) -> String? {
    for separator in separators {
      guard let range = title.range(of: separator, options: .backwards) else { continue }
      let suffix = title[range.upperBound...]
      let bare = title[..<range.lowerBound]
      if suffix.unicodeScalars.count <= maxSuffix && bare.unicodeScalars.count >= 4 {
        return String(bare)
      }
    }
    return nil
  }
}
