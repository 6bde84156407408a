/// The legacy Chinese encoding that bytes which are not UTF-8 are in, if any.
///
/// uchardet's guess (`CharsetDetector`) on the first 64 KiB is tried first,
/// strictly; if it names neither, or its encoding fails, both GB18030 and
/// Big5 are tried strictly. When both decode, the one whose
/// text has more of the frequent hanzi wins (GBK read as Big5 and Big5 read as
/// GB18030 both turn into rare characters). A decoding that is implausible as
/// Chinese is not accepted at all, so that broken UTF-8 fails loudly instead of
/// turning into mojibake.
enum LegacyChoice {
  case chosen(LegacyDecoder, utf8: [UInt8])
  /// Nothing fits; per encoding, the offset of the first invalid byte (nil:
  /// decodes, but is not plausible Chinese).
  case none(tried: [(encoding: TextEncoding, invalidOffset: Int?)])

  /// Encodings tried, in order of preference when the scores tie.
  static let candidates: [TextEncoding] = [.gb18030, .big5]

  /// With `skipBadLines` (the head of a line-based file), an encoding that
  /// breaks on some line is judged on the complete lines before that line, so
  /// one corrupt record does not make the whole file unreadable.
  static func choose(_ bytes: [UInt8], allowTruncatedEnd: Bool, skipBadLines: Bool = false)
    -> LegacyChoice
  {
    if let guessed = guessed(
      bytes, allowTruncatedEnd: allowTruncatedEnd, skipBadLines: skipBadLines)
    {
      return guessed
    }
    var best: (decoder: LegacyDecoder, utf8: [UInt8], score: Double)?
    var tried: [(encoding: TextEncoding, invalidOffset: Int?)] = []
    for encoding in candidates {
      guard let decoder = LegacyDecoder(encoding) else { continue }
      switch attempt(
        decoder, bytes, allowTruncatedEnd: allowTruncatedEnd, skipBadLines: skipBadLines)
      {
      case .invalid(let offset):
        tried.append((encoding, offset))
      case .decoded(let utf8) where !HanziFrequency.isPlausible(utf8):
        tried.append((encoding, nil))
      case .decoded(let utf8):
        let score = HanziFrequency.score(utf8)
        if best.map({ score > $0.score }) ?? true { best = (decoder, utf8, score) }
      }
    }
    if let best { return .chosen(best.decoder, utf8: best.utf8) }
    return .none(tried: tried)
  }

  /// uchardet's guess, when it is GB18030 or Big5 and decodes strictly to
  /// plausible Chinese; nil sends the caller on to the frequency-based choice.
  private static func guessed(_ bytes: [UInt8], allowTruncatedEnd: Bool, skipBadLines: Bool)
    -> LegacyChoice?
  {
    guard let encoding = CharsetDetector.guess(bytes), candidates.contains(encoding),
      let decoder = LegacyDecoder(encoding),
      case .decoded(let utf8) = attempt(
        decoder, bytes, allowTruncatedEnd: allowTruncatedEnd, skipBadLines: skipBadLines),
      HanziFrequency.isPlausible(utf8)
    else { return nil }
    return .chosen(decoder, utf8: utf8)
  }

  private static func attempt(
    _ decoder: LegacyDecoder, _ bytes: [UInt8], allowTruncatedEnd: Bool, skipBadLines: Bool
  ) -> LegacyDecoding {
    let whole = decoder.decode(bytes, allowTruncatedEnd: allowTruncatedEnd)
    guard skipBadLines, case .invalid(let offset) = whole,
      let lastNewline = bytes[..<offset].lastIndex(of: 0x0A),
      bytes[...lastNewline].contains(where: { $0 >= 0x80 })
    else { return whole }
    // Only lines that decode: if they are plain ASCII they say nothing, hence the check above.
    return decoder.decode(Array(bytes[...lastNewline]))
  }

  /// "cannot decode: not UTF-8 (byte 0xB2 at offset 10), not GB18030 (…), not BIG5 (…)".
  static func describe(
    utf8Offset: Int, bytes: [UInt8], tried: [(encoding: TextEncoding, invalidOffset: Int?)]
  ) -> String {
    var parts = ["not UTF-8 (byte \(byteName(bytes, utf8Offset)) at offset \(utf8Offset))"]
    for attempt in tried {
      if let offset = attempt.invalidOffset {
        parts.append(
          "not \(attempt.encoding.rawValue) (byte \(byteName(bytes, offset)) at offset \(offset))")
      } else {
        parts.append("not \(attempt.encoding.rawValue) (decodes, but is not plausible Chinese)")
      }
    }
    return "cannot decode the text: " + parts.joined(separator: ", ")
  }

  private static func byteName(_ bytes: [UInt8], _ offset: Int) -> String {
    offset < bytes.count ? TextDecoder.hexByte(bytes[offset]) : "end of input"
  }
}

/// How the lines of a JSON Lines or TSV file are to be decoded, decided once
/// from the file's first bytes. GB18030 and Big5 never use byte 0x0A inside a
/// character, so such files can be split on newlines before decoding.
enum LineEncoding {
  /// UTF-8, with or without a byte order mark (`skip` bytes at the start).
  case utf8(TextEncoding, skip: Int)
  case legacy(LegacyDecoder)

  var label: TextEncoding {
    switch self {
    case .utf8(let encoding, _): encoding
    case .legacy(let decoder): decoder.encoding
    }
  }

  /// Decides the encoding from `head` (the first bytes of a file, or all of
  /// it when `isWholeFile`) and returns the head as UTF-8 for format sniffing.
  /// Files with a UTF-16 mark are decoded whole instead and never come here.
  static func detect(head: [UInt8], isWholeFile: Bool) -> (LineEncoding, utf8Head: [UInt8]) {
    if let mark = ByteOrderMark.detect(head) {
      return (.utf8(mark.encoding, skip: mark.length), Array(head[mark.length...]))
    }
    if UTF8Check.firstInvalid(head, allowTruncatedEnd: !isWholeFile) == nil {
      return (.utf8(.utf8, skip: 0), head)
    }
    let sample = isWholeFile ? head[...] : completeLines(head)
    let allowTruncatedEnd = !isWholeFile && sample.count == head.count
    if case .chosen(let decoder, let utf8) = LegacyChoice.choose(
      Array(sample), allowTruncatedEnd: allowTruncatedEnd, skipBadLines: true)
    {
      return (.legacy(decoder), utf8)
    }
    // Nothing fits the head: read it as UTF-8, so that each bad line fails on its own.
    return (.utf8(.utf8, skip: 0), head)
  }

  /// The head up to and including its last newline, so that no character is cut.
  private static func completeLines(_ head: [UInt8]) -> ArraySlice<UInt8> {
    guard let last = head.lastIndex(of: 0x0A) else { return head[...] }
    return head[...last]
  }
}
