/// One line of the clean or rejected corpus: the article's id, where it came
/// from, its metadata and text, and for a rejected article why.
public struct CorpusRecord: Sendable, Equatable {
  public var id: String
  public var location: SourceLocation
  /// Nil when the input could not be read far enough to know.
  public var format: InputFormat?
  public var encoding: TextEncoding?
  public var metadata: Metadata
  public var quality: QualitySignals?
  public var rejection: Rejection?
  /// The clean body (paragraphs joined by a blank line), or for an input that
  /// could not be processed, as much of it as was read.
  public var text: String
  /// True when `metadata.title` is the text's first line, which Clean took as the
  /// title: matching puts it back before the body (`Cleaned.matchText`), and so does
  /// `winnow history rebuild` reading this record.
  public var titleFromText = false

  /// The text near-duplicate matching sees.
  public var matchText: String {
    Cleaned.matchText(headline: titleFromText ? metadata.title : nil, body: text)
  }

  public init(
    id: String, location: SourceLocation, format: InputFormat?, encoding: TextEncoding?,
    metadata: Metadata, quality: QualitySignals?, rejection: Rejection?, text: String
  ) {
    self.id = id
    self.location = location
    self.format = format
    self.encoding = encoding
    self.metadata = metadata
    self.quality = quality
    self.rejection = rejection
    self.text = text
  }

  /// Appends the record as one JSON line. Key order is fixed; absent values are left out.
  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("id", id)
    writeMetadata(to: &json)
    json.field("source", location.path)
    json.field("line", location.line)
    json.field("format", format?.rawValue)
    json.field("encoding", encoding?.rawValue)
    if let rejection { writeRejection(rejection, to: &json) }
    if let quality { writeQuality(quality, to: &json) }
    json.field("text", text)
    json.endObject()
    json.newline()
  }

  private func writeMetadata(to json: inout JSONWriter) {
    json.field("title", metadata.title)
    if titleFromText { json.field("title_from_text", true) }
    json.field("date", metadata.date)
    json.field("author", metadata.author)
    json.field("url", metadata.url)
    json.field("site", metadata.site)
    if !metadata.categories.isEmpty {
      json.beginArray("categories")
      metadata.categories.forEach { json.element($0) }
      json.endArray()
    }
    if !metadata.extra.isEmpty {
      json.beginObject("fields")
      for key in metadata.extra.keys.sorted() { json.field(key, metadata.extra[key]) }
      json.endObject()
    }
  }

  private func writeRejection(_ rejection: Rejection, to json: inout JSONWriter) {
    json.field("reason", rejection.reason.rawValue)
    json.field("message", rejection.message)
    json.field("duplicate_of", rejection.duplicateOf)
    json.field("similarity", rejection.similarity)
    json.field("exact", rejection.exact)
    json.field("measure", rejection.measure?.rawValue)
    json.field("duplicate_of_run", rejection.duplicateOfRun)
    json.field("duplicate_of_added", rejection.duplicateOfAdded)
    guard !rejection.failures.isEmpty else { return }
    json.beginArray("failed_rules")
    for failure in rejection.failures {
      json.beginObject()
      json.field("rule", failure.rule)
      json.field("value", failure.value)
      json.field("threshold", failure.threshold)
      json.field("note", failure.note)
      json.endObject()
    }
    json.endArray()
  }

  /// The quality signals, snake_case, in the order of `QualitySignals`.
  private func writeQuality(_ q: QualitySignals, to json: inout JSONWriter) {
    json.beginObject("quality")
    json.field("chars", q.chars)
    json.field("letter_share", q.letterShare)
    json.field("cjk_share", q.cjkShare)
    json.field("latin_share", q.latinShare)
    json.field("digit_share", q.digitShare)
    json.field("punctuation_share", q.punctuationShare)
    json.field("symbol_share", q.symbolShare)
    json.field("replacement_share", q.replacementShare)
    json.field("mojibake_share", q.mojibakeShare)
    writeMarkup(q, to: &json)
    json.field("lines", q.lines)
    json.field("mean_line_chars", q.meanLineChars)
    json.field("max_line_chars", q.maxLineChars)
    json.field("duplicate_line_share", q.duplicateLineShare)
    json.field("duplicate_paragraph_share", q.duplicateParagraphShare)
    for (key, share) in zip(Self.topNgramKeys, q.topNgramShares) { json.field(key, share) }
    for (key, share) in zip(Self.duplicateNgramKeys, q.duplicateNgramShares) {
      json.field(key, share)
    }
    json.field("boilerplate_share", q.boilerplateShare)
    json.field("script", q.script.rawValue)
    json.field("truncated", q.truncated)
    json.endObject()
  }

  /// `top_2gram_share` … and `duplicate_5gram_share` …, built once rather than per record.
  private static let topNgramKeys = Repetition.topRange.map { "top_\($0)gram_share" }
  private static let duplicateNgramKeys = Repetition.duplicateRange.map {
    "duplicate_\($0)gram_share"
  }

  private func writeMarkup(_ q: QualitySignals, to json: inout JSONWriter) {
    json.field("markup_share", q.markupShare)
    json.field("tags", q.markup.tags)
    json.field("entities", q.markup.entities)
    json.field("markdown_images", q.markup.markdownImages)
    json.field("urls", q.markup.urls)
  }
}
