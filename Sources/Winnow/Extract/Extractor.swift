/// The Extract stage: turns a `RawDocument` (decoded text in some markup)
/// into an `Article` (metadata and text blocks in reading order).
///
/// - Markdown: YAML front matter (Yams) for metadata; the body as HTML when it
///   holds block-level tags (feed exports do), otherwise as Markdown.
/// - HTML: tokenized and reduced to blocks, with `<title>`/`<meta>` metadata.
/// - Plain text and JSON Lines/TSV records: a block per line; a record whose
///   text is HTML is parsed as HTML; record fields become metadata.
///
/// Word-segmented CJK text is detected and re-joined (`join_segmented_cjk`).
///
/// Usage: `let article = try Extractor(config: config.extract).extract(document)`.
/// An `Extractor` is a value with no shared state: call it from any thread.
public struct Extractor: Sendable {
  public let config: ExtractConfig

  public init(config: ExtractConfig) {
    self.config = config
  }

  /// The article in `document`.
  ///
  /// - Throws: `ExtractFailure` when Markdown front matter is not valid YAML.
  /// - Complexity: O(n) in the document's UTF-8 length.
  public func extract(_ document: RawDocument) throws(ExtractFailure) -> Article {
    var content = document.content
    var metadata = RecordFields.metadata(document.fields)
    let body: BodyReader.Result
    switch document.format {
    case .markdown:
      body = try readMarkdown(&content, into: &metadata)
    case .html:
      body = content.withUTF8 { reader.read($0, as: .html) }
    case .text:
      body = content.withUTF8 { reader.read($0, as: .plain) }
    case .jsonl, .tsv:
      body = content.withUTF8 {
        reader.read($0, as: HTMLSniffer.looksLikeHTML($0) ? .html : .plain)
      }
    }
    complete(&metadata, with: body, format: document.format)
    return Article(
      id: document.id, location: document.location, format: document.format,
      encoding: document.encoding,
      compressed: document.compressed, metadata: metadata, blocks: body.blocks,
      byteCount: document.byteCount)
  }

  private var reader: BodyReader { BodyReader(config: config) }

  /// Front matter into `metadata` (it wins over record fields), then the body.
  private func readMarkdown(_ content: inout String, into metadata: inout Metadata)
    throws(ExtractFailure)
    -> BodyReader.Result
  {
    let frontMatter = content.withUTF8 { FrontMatter.locate(in: $0) }
    if let frontMatter {
      let yaml = content.withUTF8 { UTF8Decoding.string($0, frontMatter.yaml) }
      let stated = try FrontMatter.metadata(yaml: yaml, firstLine: frontMatter.firstLine)
      metadata = MetadataMerge.preferring(stated, over: metadata)
    }
    return content.withUTF8 { bytes in
      let body = UnsafeBufferPointer(rebasing: bytes[(frontMatter?.bodyStart ?? 0)...])
      return reader.read(body, as: HTMLSniffer.containsBlockTag(body) ? .html : .markdown)
    }
  }

  /// Fills metadata gaps from the page, joins a segmented title, and names the
  /// site: stated, else the URL's host, else (feed-exported Markdown) the author.
  private func complete(
    _ metadata: inout Metadata, with body: BodyReader.Result, format: InputFormat
  ) {
    body.pageMetadata?.apply(to: &metadata)
    if body.segmented {
      metadata.title = metadata.title.flatMap { MetadataText.clean($0, policy: .joinSegmented) }
    }
    metadata.site = metadata.site ?? metadata.url.flatMap(URLHost.of)
    if format == .markdown {
      metadata.site = metadata.site ?? metadata.author
    }
  }
}
