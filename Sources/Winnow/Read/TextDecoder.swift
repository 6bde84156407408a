/// A byte order mark at the start of a file: the one signal about an encoding
/// that needs no guessing, so it is checked before anything else.
struct ByteOrderMark: Equatable {
  var encoding: TextEncoding
  var length: Int

  /// The mark `bytes` start with, if any.
  static func detect(_ bytes: some Collection<UInt8>) -> ByteOrderMark? {
    let lead = Array(bytes.prefix(3))
    if lead == [0xEF, 0xBB, 0xBF] { return ByteOrderMark(encoding: .utf8BOM, length: 3) }
    if lead.starts(with: [0xFF, 0xFE]) { return ByteOrderMark(encoding: .utf16LE, length: 2) }
    if lead.starts(with: [0xFE, 0xFF]) { return ByteOrderMark(encoding: .utf16BE, length: 2) }
    return nil
  }

  var isUTF16: Bool { encoding == .utf16LE || encoding == .utf16BE }

  /// UTF-16 without a mark, found by `UnmarkedUTF16`: a mark of length 0, so
  /// that it is decoded like marked UTF-16 with nothing to skip.
  static func unmarkedUTF16(_ head: [UInt8]) -> ByteOrderMark? {
    UnmarkedUTF16.detect(head).map { ByteOrderMark(encoding: $0, length: 0) }
  }
}

/// Text decoded from an input, with the encoding it was found in.
struct DecodedText {
  var text: String
  var encoding: TextEncoding
}

/// Why bytes could not be decoded; the message names offsets and encodings tried.
struct DecodeFailure: Error, Equatable {
  var message: String
}

/// Decoding of whole-file articles: BOM first, then strict UTF-8, then the
/// legacy Chinese encodings, so that one step gives the text and its encoding.
/// (UTF-16 without a mark is found by `Reader` from the file's head first.)
enum TextDecoder {
  /// Decodes a complete file (BOM included) into text.
  static func decodeWhole(_ bytes: [UInt8]) -> Result<DecodedText, DecodeFailure> {
    if let mark = ByteOrderMark.detect(bytes) { return decode(bytes, after: mark) }
    if let text = String(validating: bytes, as: UTF8.self) {
      return .success(DecodedText(text: text, encoding: .utf8))
    }
    let utf8Offset = UTF8Check.firstInvalid(bytes) ?? 0
    switch LegacyChoice.choose(bytes, allowTruncatedEnd: false) {
    case .chosen(let decoder, let utf8):
      return .success(
        DecodedText(text: String(decoding: utf8, as: UTF8.self), encoding: decoder.encoding))
    case .none(let tried):
      return .failure(
        DecodeFailure(
          message: LegacyChoice.describe(utf8Offset: utf8Offset, bytes: bytes, tried: tried)))
    }
  }

  /// Decodes text that starts with a byte order mark; the mark is not part of the text.
  static func decode(_ bytes: [UInt8], after mark: ByteOrderMark) -> Result<
    DecodedText, DecodeFailure
  > {
    let body = bytes[mark.length...]
    let result: Result<String, DecodeFailure>
    switch mark.encoding {
    case .utf16LE: result = UTF16Text.decode(body, bigEndian: false)
    case .utf16BE: result = UTF16Text.decode(body, bigEndian: true)
    default: result = decodeUTF8(body)
    }
    return result.map { DecodedText(text: $0, encoding: mark.encoding) }
  }

  private static func decodeUTF8(_ body: ArraySlice<UInt8>) -> Result<String, DecodeFailure> {
    if let text = String(validating: body, as: UTF8.self) { return .success(text) }
    let offset = body.withUnsafeBytes { UTF8Check.firstInvalid($0) } ?? 0
    let at = body.startIndex + offset
    return .failure(
      DecodeFailure(
        message:
          "not valid UTF-8 after its byte order mark: byte \(hexByte(body[at])) at offset \(at)"))
  }

  /// `0xAB`, for naming a byte in a message.
  static func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return "0x"
      + String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
  }
}

/// Strict UTF-16 decoding. UTF-16 files are rare and decoded whole.
enum UTF16Text {
  static func decode(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Result<String, DecodeFailure> {
    let units = codeUnits(bytes, bigEndian: bigEndian)
    if bytes.count % 2 == 0, let text = String(validating: units, as: UTF16.self) {
      return .success(text)
    }
    let offset = firstInvalid(units).map { bytes.startIndex + 2 * $0 } ?? (bytes.endIndex - 1)
    let name = bigEndian ? "UTF-16BE" : "UTF-16LE"
    return .failure(
      DecodeFailure(
        message: "not valid \(name): unpaired or incomplete code unit at offset \(offset)"))
  }

  private static func codeUnits(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt16] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    return units
  }

  /// Index of the first code unit that is a surrogate without its partner.
  private static func firstInvalid(_ units: [UInt16]) -> Int? {
    var index = 0
    while index < units.count {
      let unit = units[index]
      if UTF16.isLeadSurrogate(unit) {
        guard index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) else {
          return index
        }
        index += 2
      } else if UTF16.isTrailSurrogate(unit) {
        return index
      } else {
        index += 1
      }
    }
    return nil
  }
}
