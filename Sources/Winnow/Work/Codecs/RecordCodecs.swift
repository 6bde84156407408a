// Work file codecs of a processed article: the corpus record with its quality signals
// and rejection, and the fingerprint. Fields are written in declaration order; a change
// here bumps `workCodecVersion`.

extension Script: WorkTagged {
  static let workTags: [Script] = [.simplified, .traditional, .japanese, .latin, .other]
}

extension RejectReason: WorkTagged {
  static let workTags: [RejectReason] = [
    .readError, .extractError, .duplicateID, .quality, .duplicate,
  ]
}

extension DuplicateCluster.Measure: WorkTagged {
  static let workTags: [DuplicateCluster.Measure] = [
    .identical, .exact, .estimated, .containment,
  ]
}

extension MarkupLeftovers: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(tags)
    writer.write(entities)
    writer.write(markdownImages)
    writer.write(urls)
    writer.write(coveredChars)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init()
    tags = try reader.read()
    entities = try reader.read()
    markdownImages = try reader.read()
    urls = try reader.read()
    coveredChars = try reader.read()
  }
}

extension QualitySignals: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(chars)
    writer.write(letterShare)
    writer.write(cjkShare)
    writer.write(latinShare)
    writer.write(digitShare)
    writer.write(punctuationShare)
    writer.write(symbolShare)
    writer.write(replacementShare)
    writer.write(mojibakeShare)
    writer.write(markup)
    writer.write(markupShare)
    writer.write(lines)
    writer.write(meanLineChars)
    writer.write(maxLineChars)
    writer.write(duplicateLineShare)
    writer.write(duplicateParagraphShare)
    writer.write(topNgramShares)
    writer.write(duplicateNgramShares)
    writer.write(boilerplateShare)
    writer.write(script)
    writer.write(truncated)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init()
    chars = try reader.read()
    letterShare = try reader.read()
    cjkShare = try reader.read()
    latinShare = try reader.read()
    digitShare = try reader.read()
    punctuationShare = try reader.read()
    symbolShare = try reader.read()
    replacementShare = try reader.read()
    mojibakeShare = try reader.read()
    markup = try reader.read()
    markupShare = try reader.read()
    lines = try reader.read()
    meanLineChars = try reader.read()
    maxLineChars = try reader.read()
    duplicateLineShare = try reader.read()
    duplicateParagraphShare = try reader.read()
    topNgramShares = try reader.read()
    duplicateNgramShares = try reader.read()
    boilerplateShare = try reader.read()
    script = try reader.read()
    truncated = try reader.read()
  }
}

extension QualityFailure: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(rule)
    writer.write(value)
    writer.write(threshold)
    writer.write(note)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(
      rule: try reader.read(), value: try reader.read(), threshold: try reader.read(),
      note: try reader.read())
  }
}

extension Rejection: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(reason)
    writer.write(message)
    writer.write(failures)
    writer.write(duplicateOf)
    writer.write(similarity)
    writer.write(exact)
    writer.write(measure)
    writer.write(duplicateOfRun)
    writer.write(duplicateOfAdded)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(reason: try reader.read(), message: try reader.read())
    failures = try reader.read()
    duplicateOf = try reader.read()
    similarity = try reader.read()
    exact = try reader.read()
    measure = try reader.read()
    duplicateOfRun = try reader.read()
    duplicateOfAdded = try reader.read()
  }
}

extension CorpusRecord: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(id)
    writer.write(location)
    writer.write(format)
    writer.write(encoding)
    writer.write(metadata)
    writer.write(quality)
    writer.write(rejection)
    writer.write(text)
    writer.write(titleFromText)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(
      id: try reader.read(), location: try reader.read(), format: try reader.read(),
      encoding: try reader.read(), metadata: try reader.read(), quality: try reader.read(),
      rejection: try reader.read(), text: try reader.read())
    titleFromText = try reader.read()
  }
}

/// The signature goes as raw little-endian `UInt32`s: one copy each way.
extension Fingerprint: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.writeFixed(contentHash.high)
    writer.writeFixed(contentHash.low)
    writer.writeFixedArray(signature)
    writer.write(shingleCount)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(
      contentHash: ContentHash(high: try reader.readFixed(), low: try reader.readFixed()),
      signature: try reader.readFixedArray(), shingleCount: try reader.read())
  }
}

extension ProcessedArticle: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.write(record)
    writer.write(removed)
    writer.write(fingerprint)
    writer.write(byteCount)
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self.init(
      record: try reader.read(), removed: try reader.read(), fingerprint: try reader.read(),
      byteCount: try reader.read())
  }
}
