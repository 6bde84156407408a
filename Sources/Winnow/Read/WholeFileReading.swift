extension Reader {
  /// Reads a file that is one article (text, Markdown, HTML): collects it, up
  /// to `read.max_article_bytes`, and decodes it as a whole.
  func readWhole(
    _ source: RecordSource, _ input: PlainInput, start: [UInt8], atEnd: Bool,
    emit: (ReadResult) -> Void
  ) {
    var bytes = start
    do {
      guard try collect(input, into: &bytes, atEnd: atEnd) else {
        emit(oversized(source, input, collected: bytes.count))
        return
      }
    } catch {
      emit(source.failure(line: nil, message: error.message))
      return
    }
    switch TextDecoder.decodeWhole(bytes) {
    case .success(let decoded):
      var labelled = source
      labelled.encoding = decoded.encoding
      emit(
        labelled.document(
          line: nil, id: nil, content: decoded.text, fields: [:], byteCount: bytes.count))
    case .failure(let failure):
      emit(
        source.failure(
          line: nil, message: failure.message, content: String(decoding: bytes, as: UTF8.self),
          byteCount: bytes.count))
    }
  }

  /// Appends the rest of the input to `bytes`; false (and stops reading) as
  /// soon as they grow past the limit.
  private func collect(_ input: PlainInput, into bytes: inout [UInt8], atEnd: Bool)
    throws(InputError) -> Bool
  {
    if !input.compressed && input.diskSize > config.maxArticleBytes { return false }
    var done = atEnd
    while bytes.count <= config.maxArticleBytes {
      if done { return true }
      guard let chunk = try input.next() else {
        done = true
        continue
      }
      bytes.append(contentsOf: chunk)
    }
    return false
  }

  /// The failure for a whole-file article over the limit, with its true size:
  /// from the file system for plain files, by decompressing the rest for gzip.
  private func oversized(_ source: RecordSource, _ input: PlainInput, collected: Int) -> ReadResult
  {
    var size = input.diskSize
    if input.compressed {
      do {
        size = try input.skipRest() + collected
      } catch {
        return source.failure(line: nil, message: error.message)
      }
    }
    let message =
      "the file is \(size) bytes, over read.max_article_bytes = \(config.maxArticleBytes)"
    return source.failure(line: nil, message: message, byteCount: size)
  }

  /// Reads a UTF-16 file (known by its byte order mark): decoded whole, then
  /// read as one article or line by line like any other file.
  func readUTF16(
    _ file: InputFile, _ input: PlainInput, start: [UInt8], atEnd: Bool, mark: ByteOrderMark,
    emit: (ReadResult) -> Void
  ) {
    var source = RecordSource(
      file: file, format: .text, encoding: mark.encoding, compressed: input.compressed)
    var bytes = start
    do {
      while !atEnd, let chunk = try input.next() { bytes.append(contentsOf: chunk) }
    } catch {
      emit(source.failure(line: nil, message: error.message))
      return
    }
    let text: String
    switch TextDecoder.decode(bytes, after: mark) {
    case .success(let decoded): text = decoded.text
    case .failure(let failure):
      emit(source.failure(line: nil, message: failure.message, byteCount: bytes.count))
      return
    }
    let utf8 = Array(text.utf8)
    source.format = sniffer.sniff(
      utf8, isWholeFile: true, extensionHint: Reader.extensionHint(file))
    emitUTF16(source, text: text, utf8: utf8, byteCount: bytes.count, emit: emit)
  }

  /// Line records of a UTF-16 file report sizes and offsets in its UTF-8 form.
  private func emitUTF16(
    _ source: RecordSource, text: String, utf8: [UInt8], byteCount: Int, emit: (ReadResult) -> Void
  ) {
    guard source.format == .jsonl || source.format == .tsv else {
      guard byteCount <= config.maxArticleBytes else {
        let message =
          "the file is \(byteCount) bytes, over read.max_article_bytes = \(config.maxArticleBytes)"
        emit(source.failure(line: nil, message: message, byteCount: byteCount))
        return
      }
      emit(source.document(line: nil, id: nil, content: text, fields: [:], byteCount: byteCount))
      return
    }
    let records = LineRecords(source: source, config: config, decoder: nil)
    func handle(_ line: SplitLine) {
      if let result = records.result(for: line) { emit(result) }
    }
    var splitter = LineSplitter(maxLineBytes: config.maxArticleBytes)
    utf8.withUnsafeBytes { bytes in splitter.feed(bytes, handle) }
    splitter.finish(handle)
  }
}
