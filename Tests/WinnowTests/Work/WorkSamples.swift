import Testing

@testable import Winnow

/// Values with every field set away from its default: a codec that forgets a field, or
/// swaps two of one type, fails the round trip.
enum WorkSamples {
  static let metadata = Metadata(
    title: "俄罗斯维和部队抵达 — “quoted” 🚀", url: "https://example.com/a?b=c&d=é", date: "",
    author: nil, categories: ["国际", "", "world news"], site: "example.com",
    extra: ["label": "体育", "z": "", "a": "first", "数字": "123"])

  static let article = Article(
    id: "feed.jsonl:17", location: SourceLocation(path: "in/新闻/feed.jsonl", line: 17),
    format: .jsonl, encoding: .gb18030, compressed: true, metadata: metadata,
    blocks: [
      Block(.heading, "标题"), Block(.paragraph, "第一段。\n第二行"), Block(.listItem, ""),
      Block(.tableCell, "x"), Block(.caption, "图：📷"),
    ], byteCount: 123_456)

  static let removed = [
    RemovedBlock(index: 7, block: Block(.caption, "图片来源"), rule: CleanReason.caption),
    RemovedBlock(
      index: 0, block: Block(.paragraph, "关注我们"), rule: CleanReason.learned, pattern: .max),
    RemovedBlock(index: 2, block: Block(.paragraph, ""), rule: "", pattern: 0),
  ]

  static let cleaned = Cleaned(
    article: article, removed: removed, hashes: [0, 1, .max, 0x0123_4567_89AB_CDEF, 42],
    indices: [0, 3, 4, 9, 1_000_000], headline: "标题在前")

  static var signals: QualitySignals {
    var q = QualitySignals()
    q.chars = 4_321
    q.letterShare = 0.91
    q.cjkShare = 0.82
    q.latinShare = 0.07
    q.digitShare = 0.031
    q.punctuationShare = 0.12
    q.symbolShare = 0.004
    q.replacementShare = 1e-300
    q.mojibakeShare = 0.5
    q.markup = MarkupLeftovers()
    q.markup.tags = 3
    q.markup.entities = 1
    q.markup.markdownImages = 2
    q.markup.urls = 5
    q.markup.coveredChars = 77
    q.markupShare = 0.017
    q.lines = 40
    q.meanLineChars = 108.025
    q.maxLineChars = 512
    q.duplicateLineShare = 0.25
    q.duplicateParagraphShare = -0.0
    q.topNgramShares = [0.1, 0.2, 0.3]
    q.duplicateNgramShares = [0.6, 0.5, 0.4, 0.3, 0.2, Double.leastNonzeroMagnitude]
    q.boilerplateShare = 0.33
    q.script = .traditional
    q.truncated = true
    return q
  }

  static var qualityRejection: Rejection {
    var rejection = Rejection(reason: .quality, message: "min_chars: 12 < 50; script japanese")
    rejection.failures = [
      QualityFailure(rule: "min_chars", value: 12, threshold: 50),
      QualityFailure(rule: "allowed_scripts", value: 0, threshold: 0, note: "script japanese"),
      QualityFailure(rule: "min_chars", value: -3.5, threshold: 1e9),
    ]
    return rejection
  }

  static var duplicateRejection: Rejection {
    var rejection = Rejection(reason: .duplicate, message: "near duplicate of b")
    rejection.duplicateOf = "b"
    rejection.similarity = 0.913
    rejection.exact = false
    rejection.measure = .containment
    rejection.duplicateOfRun = "run-2026-11-21"
    rejection.duplicateOfAdded = "2026-11-21T03:00:00Z"
    return rejection
  }

  static let fingerprint = Fingerprint(
    contentHash: ContentHash(high: 0xDEAD_BEEF_0000_0001, low: .max),
    signature: (0..<128).map { UInt32.max - UInt32($0) * 33_554_393 }, shingleCount: 917)

  static func record(rejection: Rejection?) -> CorpusRecord {
    var record = CorpusRecord(
      id: "a-1", location: article.location, format: .markdown, encoding: .utf16BE,
      metadata: metadata, quality: signals, rejection: rejection, text: "正文\n\n第二段 ✓")
    record.titleFromText = true
    return record
  }

  static let kept = ProcessedArticle(
    record: record(rejection: nil), removed: removed, fingerprint: fingerprint,
    byteCount: 9_876)

  static let rejected = ProcessedArticle(
    record: record(rejection: qualityRejection), removed: [], fingerprint: nil, byteCount: 0)

  /// A read failure: nothing but the id, location and the text as far as it was read.
  static let unread = ProcessedArticle(
    record: CorpusRecord(
      id: "", location: SourceLocation(path: "broken.gz"), format: nil, encoding: nil,
      metadata: Metadata(), quality: nil,
      rejection: Rejection(reason: .readError, message: "gzip: unexpected end"), text: ""),
    byteCount: -1)
}

/// Encodes, decodes and checks the value and its bytes come back the same.
func expectRoundTrip<T: WorkCodable & Equatable>(
  _ value: T, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let bytes = BinaryWriter.encode(value)
  let decoded = try BinaryReader.decode(T.self, from: bytes)
  #expect(decoded == value, sourceLocation: sourceLocation)
  #expect(BinaryWriter.encode(decoded) == bytes, sourceLocation: sourceLocation)
}
