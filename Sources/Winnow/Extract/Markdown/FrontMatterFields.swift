import Yams

/// Front-matter keys mapped onto `Metadata`.
///
/// Feed exports name the same things differently (`url`, `link`,
/// `source_url`, `original`); the first present name of each list wins.
/// Remaining scalar keys go to `extra`, except image links.
struct FrontMatterFields {
  /// Scalar values by lower-cased key; null values are left out.
  private var scalars: [String: String] = [:]
  /// Sequence values by lower-cased key, their scalar items only.
  private var lists: [String: [String]] = [:]

  static let urlKeys = ["url", "link", "source_url", "original", "permalink", "canonical"]
  static let siteKeys = ["site", "source", "site_name"]
  static let categoryKeys = ["categories", "category"]
  /// Keys that hold image links, which are not metadata anyone reads.
  static let imageKeys: Set<String> = [
    "headimg", "thumbnail", "thumb", "image", "images", "img", "cover", "banner", "photo",
    "featured_image", "og_image", "poster",
  ]

  init(_ mapping: Node.Mapping) {
    for (key, value) in mapping {
      guard let name = key.string.flatMap({ MetadataText.clean($0) })?.lowercased() else {
        continue
      }
      if let sequence = value.sequence {
        lists[name] = sequence.compactMap { $0.scalar.flatMap { MetadataText.clean($0.string) } }
      } else if let scalar = value.scalar, value.null == nil,
        let text = MetadataText.clean(scalar.string)
      {
        scalars[name] = text
      }
    }
  }

  /// The metadata these fields describe. `site` is only what the front matter
  /// states; the extractor falls back to the URL's host, then the author.
  var metadata: Metadata {
    var metadata = Metadata()
    metadata.title = scalars["title"]
    metadata.date = scalars["date"]
    metadata.author = scalars["author"] ?? lists["author"].map { $0.joined(separator: ", ") }
    metadata.categories =
      FrontMatterFields.categoryKeys.lazy.compactMap { lists[$0] ?? scalars[$0].map { [$0] } }
      .first ?? []
    metadata.url = first(FrontMatterFields.urlKeys)
    metadata.site = first(FrontMatterFields.siteKeys)
    metadata.extra = extra
    return metadata
  }

  private func first(_ keys: [String]) -> String? {
    keys.lazy.compactMap { scalars[$0] }.first
  }

  /// Scalar keys that no `Metadata` field took, image links left out.
  private var extra: [String: String] {
    let used = Set(
      ["title", "date", "author"] + FrontMatterFields.urlKeys + FrontMatterFields.siteKeys
    )
    .union(FrontMatterFields.categoryKeys)
    return scalars.filter { key, _ in
      !used.contains(key) && !FrontMatterFields.imageKeys.contains(key) && !key.hasSuffix("_image")
    }
  }
}
