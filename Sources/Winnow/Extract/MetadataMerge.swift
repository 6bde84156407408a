/// Combines metadata from two sources field by field.
enum MetadataMerge {
  /// `preferred` where it has a value, `fallback` elsewhere; `extra` keys of both, `preferred` winning.
  static func preferring(_ preferred: Metadata, over fallback: Metadata) -> Metadata {
    Metadata(
      title: preferred.title ?? fallback.title,
      url: preferred.url ?? fallback.url,
      date: preferred.date ?? fallback.date,
      author: preferred.author ?? fallback.author,
      categories: preferred.categories.isEmpty ? fallback.categories : preferred.categories,
      site: preferred.site ?? fallback.site,
      extra: fallback.extra.merging(preferred.extra) { _, new in new })
  }
}
