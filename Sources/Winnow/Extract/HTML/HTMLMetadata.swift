/// Metadata a page states about itself in `<title>`, `<meta>` and
/// `<link rel=canonical>`.
///
/// Pages repeat the same fact under several names (`og:title`, `<title>`,
/// `twitter:title`); values are kept by name, the first of each name wins,
/// and `apply(to:)` picks by a fixed preference so the result does not depend
/// on attribute order.
struct HTMLMetadata: Equatable {
  /// The text of the first `<title>`.
  var titleElement: String?
  /// The `href` of the first `<link rel=canonical>`.
  var canonicalURL: String?
  /// `content` by lower-cased `name`, `property` or `itemprop`.
  private(set) var meta: [String: String] = [:]

  /// Records a `<meta>` or `<link>` start tag.
  mutating func read(_ tag: HTMLTag, in bytes: UnsafeBufferPointer<UInt8>) {
    let attributes = HTMLAttributes.parse(bytes, tag.attributes)
    if tag.name == "link" {
      let rel = attributes["rel"]?.lowercased().split(separator: " ") ?? []
      if canonicalURL == nil, rel.contains("canonical"), let href = attributes["href"] {
        canonicalURL = MetadataText.clean(href)
      }
      return
    }
    guard let content = attributes["content"].flatMap({ MetadataText.clean($0) }) else { return }
    for key in ["name", "property", "itemprop"] {
      guard let name = attributes[key]?.lowercased(), meta[name] == nil else { continue }
      meta[name] = content
    }
  }

  /// The value of the first of `names` the page has.
  func first(_ names: [String]) -> String? {
    for name in names {
      if let value = meta[name] { return value }
    }
    return nil
  }

  /// Fills the fields of `metadata` that are still empty; what the caller
  /// already knows (front matter, record fields) is never replaced.
  func apply(to metadata: inout Metadata) {
    metadata.title =
      metadata.title ?? first(["og:title", "twitter:title", "headline"]) ?? titleElement
    metadata.url = metadata.url ?? canonicalURL ?? first(["og:url"])
    metadata.date =
      metadata.date
      ?? first([
        "article:published_time", "publishdate", "pubdate", "publish_date", "datepublished",
        "og:published_time", "date", "dc.date",
      ])
    metadata.author = metadata.author ?? first(["author", "article:author", "dc.creator"])
    metadata.site = metadata.site ?? first(["og:site_name"])
    if metadata.categories.isEmpty, let section = first(["article:section"]) {
      metadata.categories = [section]
    }
    for (key, names) in [
      ("description", ["description", "og:description"]),
      ("keywords", ["keywords", "news_keywords"]),
    ] {
      if metadata.extra[key] == nil, let value = first(names) { metadata.extra[key] = value }
    }
  }
}
