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

  /// The headline of an article that has no title in its metadata (plain text
  /// files open with it): among the first three blocks, the first that no rule
  /// removes, if it is 4 to 60 characters long, does not end like a sentence or a
  /// label (":"), and a longer block follows. Nil when there is none.
  static func headline(of article: Article, isBoilerplate: (Block) -> Bool) -> String? {
    guard article.metadata.title?.isEmpty ?? true, article.blocks.count >= 2 else { return nil }
    guard let position = article.blocks.prefix(3).firstIndex(where: { !isBoilerplate($0) })
    else { return nil }
    let first = article.blocks[position]
    let length = first.text.scalarCount
    guard (4...60).contains(length), let last = first.text.unicodeScalars.last,
      !StructureRules.sentenceEnds.contains(last), !labelEnds.contains(last),
      first.kind != .caption,
      article.blocks[(position + 1)...].contains(where: { $0.text.scalarCount > length })
    else { return nil }
    return first.text
  }

  private static let labelEnds: Set<Unicode.Scalar> = [":", "：", "，", ","]

  /// True when the block's normalized text equals a form of the title.
  func matches(_ key: [UInt32]) -> Bool { forms.contains(key) }

  /// True when the block's normalized text is nearly a form of the title: character
  /// bigram similarity at or above `threshold` (a headline retyped with a changed
  /// word or two, or with a subtitle's punctuation). Bigrams because titles are short.
  func nearlyMatches(_ key: [UInt32], threshold: Double) -> Bool {
    let close = forms.filter { form in
      Double(min(form.count, key.count)) >= threshold * Double(max(form.count, key.count))
    }
    guard key.count >= 4, !close.isEmpty else { return false }
    let block = Shingles(key, size: 2)
    return close.contains { form in
      let title = Shingles(form, size: 2)
      return block.couldReach(threshold, with: title) && block.jaccard(title) >= threshold
    }
  }

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
