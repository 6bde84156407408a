import Testing

@testable import Winnow

/// Every pipeline type through encode and decode, with values that differ from the
/// defaults in every field.
@Suite struct CodecRoundTripTests {
  @Test func articleParts() throws {
    try expectRoundTrip(SourceLocation(path: "", line: nil))
    try expectRoundTrip(SourceLocation(path: "a/b.txt", line: -1))
    try expectRoundTrip(WorkSamples.metadata)
    try expectRoundTrip(Metadata())
    try expectRoundTrip(WorkSamples.article)
    for kind in BlockKind.allCases { try expectRoundTrip(Block(kind, "\(kind)")) }
  }

  @Test func cleanedKeepsItsRemovedBlocksHashesAndHeadline() throws {
    try expectRoundTrip(WorkSamples.removed)
    try expectRoundTrip(WorkSamples.cleaned)
    try expectRoundTrip(Cleaned(article: WorkSamples.article, removed: []))
    let decoded = try BinaryReader.decode(
      Cleaned.self, from: BinaryWriter.encode(WorkSamples.cleaned))
    #expect(decoded.body == "标题\n\n第一段。\n第二行\n\n\n\nx\n\n图：📷", "the body is joined again")
  }

  @Test func firstPassBothCases() throws {
    try expectRoundTrip(
      FirstPass.cleaned(WorkSamples.cleaned, site: "例子.com", units: [3, .max, 0, 3]))
    try expectRoundTrip(FirstPass.cleaned(WorkSamples.cleaned, site: "", units: []))
    try expectRoundTrip(FirstPass.decided(WorkSamples.rejected))
    try expectRoundTrip(FirstPass.decided(WorkSamples.unread))
  }

  @Test func processedArticles() throws {
    try expectRoundTrip(WorkSamples.kept)
    try expectRoundTrip(WorkSamples.rejected)
    try expectRoundTrip(WorkSamples.unread)
    var duplicate = WorkSamples.kept
    duplicate.record.rejection = WorkSamples.duplicateRejection
    try expectRoundTrip(duplicate)
  }

  @Test func rejectionWithQualityFailuresAndDuplicateFields() throws {
    try expectRoundTrip(WorkSamples.qualityRejection)
    try expectRoundTrip(WorkSamples.duplicateRejection)
    for reason in RejectReason.allCases {
      try expectRoundTrip(Rejection(reason: reason, message: ""))
    }
  }

  @Test func qualitySignalsKeepEveryDoubleBitPattern() throws {
    try expectRoundTrip(QualitySignals())
    try expectRoundTrip(WorkSamples.signals)
    let decoded = try BinaryReader.decode(
      QualitySignals.self, from: BinaryWriter.encode(WorkSamples.signals))
    #expect(decoded.duplicateParagraphShare.sign == .minus, "-0.0 stays negative")
    #expect(decoded.replacementShare.bitPattern == WorkSamples.signals.replacementShare.bitPattern)
    for script in Script.allCases {
      var signals = QualitySignals()
      signals.script = script
      try expectRoundTrip(signals)
    }
  }

  @Test func fingerprints() throws {
    try expectRoundTrip(WorkSamples.fingerprint)
    try expectRoundTrip(
      Fingerprint(contentHash: ContentHash(high: 0, low: 0), signature: [], shingleCount: 0))
    let large = Fingerprint(
      contentHash: ContentHash(high: 1, low: 2), signature: (0..<100_000).map { UInt32($0) },
      shingleCount: Int.max)
    try expectRoundTrip(large)
    #expect(BinaryWriter.encode(large).count == 16 + 3 + 400_000 + 10, "raw UInt32s")
  }

  /// A field added to one of these types needs its codec extended (and
  /// `workCodecVersion` bumped); this count is the reminder.
  @Test func fieldCountsMatchTheCodecs() {
    let counts: [(Any, Int)] = [
      (WorkSamples.article, 8), (WorkSamples.metadata, 7), (WorkSamples.article.location, 2),
      (Block(.heading, ""), 2), (WorkSamples.removed[0], 4), (WorkSamples.cleaned, 6),
      (WorkSamples.kept, 4), (WorkSamples.kept.record, 9), (WorkSamples.signals, 21),
      (MarkupLeftovers(), 5), (WorkSamples.qualityRejection, 9),
      (WorkSamples.qualityRejection.failures[0], 4), (WorkSamples.fingerprint, 3),
    ]
    for (value, fields) in counts {
      #expect(Mirror(reflecting: value).children.count == fields, "\(type(of: value))")
    }
  }

  @Test func everyEnumCaseHasATag() {
    #expect(Set(InputFormat.workTags) == Set(InputFormat.allCases))
    #expect(Set(TextEncoding.workTags) == Set(TextEncoding.allCases))
    #expect(Set(BlockKind.workTags) == Set(BlockKind.allCases))
    #expect(Set(Script.workTags) == Set(Script.allCases))
    #expect(Set(RejectReason.workTags) == Set(RejectReason.allCases))
    #expect(InputFormat.workTags.count == InputFormat.allCases.count, "no case twice")
    let measures: [DuplicateCluster.Measure] = [.identical, .exact, .estimated, .containment]
    #expect(measures.allSatisfy { DuplicateCluster.Measure.workTags.contains($0) })
  }

  @Test func equalMetadataGivesEqualBytesWhateverTheInsertionOrder() {
    var forward = Metadata()
    var backward = Metadata()
    let keys = (0..<50).map { "key\($0)" }
    for key in keys { forward.extra[key] = key.uppercased() }
    for key in keys.reversed() { backward.extra[key] = key.uppercased() }
    #expect(BinaryWriter.encode(forward) == BinaryWriter.encode(backward))
  }

  @Test func everyTruncationOfARecordThrows() throws {
    let bytes = BinaryWriter.encode(WorkSamples.kept)
    for length in 0..<bytes.count {
      #expect(throws: WorkFileError.self, "cut at \(length)") {
        try BinaryReader.decode(ProcessedArticle.self, from: Array(bytes[..<length]))
      }
    }
  }
}
