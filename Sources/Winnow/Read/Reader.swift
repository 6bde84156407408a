/// The Read stage: finds the articles in input files, whatever their
/// compression, encoding and container format, and hands them on one by one.
///
/// Nothing here stops a run: a file or record that cannot be read becomes a
/// `ReadFailure` (with a stable id, so it can go into the rejected output) and
/// reading goes on. Line formats are streamed chunk by chunk; only whole-file
/// articles (bounded by `read.max_article_bytes`) and UTF-16 files are held whole.
public struct Reader: Sendable {
  public let config: ReadConfig

  /// How much of the start of a file decides its encoding and format.
  static let headBytes = 64 << 10

  public init(config: ReadConfig) {
    self.config = config
  }

  /// Reads one file and calls `emit` for every article-sized piece of it, in order:
  /// `.document` for each article, `.failure` for each unreadable file or broken record.
  public func read(_ file: InputFile, emit: (ReadResult) -> Void) {
    let opened: OpenedInput
    do {
      opened = try open(file)
    } catch {
      let source = RecordSource(file: file, format: .text, encoding: .utf8, compressed: false)
      emit(source.failure(line: nil, message: error.message))
      return
    }
    let (input, start, atEnd) = (opened.input, opened.start, opened.atEnd)
    switch opened.layout {
    case .utf16(let mark):
      readUTF16(file, input, start: start, atEnd: atEnd, mark: mark, emit: emit)
    case .lines(let source, let encoding):
      readLines(source, input, start: start, encoding: encoding, emit: emit)
    case .whole(let source):
      readWhole(source, input, start: start, atEnd: atEnd, emit: emit)
    }
  }

  /// A file opened and its start read, and what that start says about how to read the rest.
  struct OpenedInput {
    enum Layout {
      /// Decoded whole from UTF-16.
      case utf16(ByteOrderMark)
      /// JSON Lines or TSV, streamed line by line.
      case lines(RecordSource, LineEncoding)
      /// One article per file.
      case whole(RecordSource)
    }
    let input: PlainInput
    /// The first bytes (`headBytes`, or the whole file when `atEnd`).
    let start: [UInt8]
    let atEnd: Bool
    let layout: Layout
  }

  /// Opens `file` and decides its encoding and format from its start.
  func open(_ file: InputFile) throws(InputError) -> OpenedInput {
    let input = try PlainInput(path: file.path)
    let (start, atEnd) = readStart(input)
    if let mark = ByteOrderMark.detect(start) ?? ByteOrderMark.unmarkedUTF16(start), mark.isUTF16 {
      return OpenedInput(input: input, start: start, atEnd: atEnd, layout: .utf16(mark))
    }
    let isWholeHead = atEnd && start.count <= Reader.headBytes
    let (encoding, utf8Head) = LineEncoding.detect(
      head: Array(start.prefix(Reader.headBytes)), isWholeFile: isWholeHead)
    let format = sniffer.sniff(
      utf8Head, isWholeFile: isWholeHead, extensionHint: Reader.extensionHint(file))
    let source = RecordSource(
      file: file, format: format, encoding: encoding.label, compressed: input.compressed)
    let layout: OpenedInput.Layout =
      format == .jsonl || format == .tsv ? .lines(source, encoding) : .whole(source)
    return OpenedInput(input: input, start: start, atEnd: atEnd, layout: layout)
  }

  var sniffer: FormatSniffer { FormatSniffer(tsvColumnCount: config.tsvColumns.count) }

  /// The first bytes of the file: at least `headBytes` unless the file is shorter
  /// (then `atEnd` is true and they are the whole file). A read error here is
  /// left in `input`, which throws it again to the format's reader: the records
  /// of a short, truncated JSON Lines file before the break are still wanted.
  private func readStart(_ input: PlainInput) -> (bytes: [UInt8], atEnd: Bool) {
    var bytes: [UInt8] = []
    while bytes.count < Reader.headBytes {
      do {
        guard let chunk = try input.next() else { return (bytes, true) }
        if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
      } catch {
        return (bytes, false)
      }
    }
    return (bytes, false)
  }

  /// The extension that hints at the format: that of the name without `.gz`, in lower case.
  static func extensionHint(_ file: InputFile) -> String {
    var name = Substring(file.relativePath.split(separator: "/").last ?? "").lowercased()[...]
    if name.hasSuffix(".gz") { name = name.dropLast(3) }
    guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return "" }
    return String(name[name.index(after: dot)...])
  }
}

extension Reader {
  /// Streams a JSON Lines or TSV file line by line. Records before a read error
  /// (such as corrupt gzip data) stay emitted; the error becomes one more failure.
  /// With `part`, reads only that part of the file (`start` unused): the lines the plan
  /// gave one piece of a cut file. Returns the lines of the file read up to where it stopped.
  @discardableResult
  func readLines(
    _ source: RecordSource, _ input: PlainInput, start: [UInt8], encoding: LineEncoding,
    part: FilePart? = nil, emit: (ReadResult) -> Void
  ) -> Int {
    var skip = 0
    var decoder: LegacyDecoder?
    switch encoding {
    case .utf8(_, let bomLength): skip = bomLength
    case .legacy(let legacy): decoder = legacy
    }
    let records = LineRecords(source: source, config: config, decoder: decoder)
    func handle(_ line: SplitLine) {
      if let result = records.result(for: line) { emit(result) }
    }
    // A part of a split file starts at its offset, or after the mark when that is 0.
    let from = part.map { $0.offset == 0 ? skip : $0.offset } ?? skip
    var splitter = LineSplitter(
      maxLineBytes: config.maxArticleBytes, startOffset: from,
      linesBefore: part?.linesBefore ?? 0)
    do {
      if let part {
        try input.restrict(to: from..<part.end)
      } else {
        start.withUnsafeBytes { bytes in
          splitter.feed(UnsafeRawBufferPointer(rebasing: bytes[skip...]), handle)
        }
      }
      while let chunk = try input.next() {
        chunk.withUnsafeBytes { bytes in splitter.feed(bytes, handle) }
      }
    } catch {
      let read =
        "\(splitter.linesDone) complete lines (\(splitter.offset) bytes) were read before it"
      // Each part of a split file fails under its own id.
      let line = part.map { _ in splitter.linesDone + 1 }
      emit(source.failure(line: line, message: "\(error.message); \(read)"))
      return splitter.linesDone
    }
    splitter.finish(handle)
    return splitter.linesDone
  }
}
