/// The named fields of a JSON Lines or TSV record as metadata.
///
/// The Read stage already renamed the title, URL and date fields to
/// `title`, `url`, `date`; `author` and `site` are taken when a record has
/// them, and every other field (a TSV `label`, a JSON `category`) is kept in
/// `extra` so that nothing the record said is lost.
enum RecordFields {
  static let known: Set<String> = ["title", "url", "date", "author", "site"]

  /// Metadata from `fields`, whitespace folded; empty values are absent.
  static func metadata(_ fields: [String: String]) -> Metadata {
    var metadata = Metadata()
    guard !fields.isEmpty else { return metadata }
    metadata.title = fields["title"].flatMap { MetadataText.clean($0) }
    metadata.url = fields["url"].flatMap { MetadataText.clean($0) }
    metadata.date = fields["date"].flatMap { MetadataText.clean($0) }
    metadata.author = fields["author"].flatMap { MetadataText.clean($0) }
    metadata.site = fields["site"].flatMap { MetadataText.clean($0) }
    for (name, value) in fields where !known.contains(name) {
      if let value = MetadataText.clean(value) { metadata.extra[name] = value }
    }
    return metadata
  }
}
