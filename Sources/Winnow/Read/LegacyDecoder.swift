import Glibc

/// The result of converting legacy-encoded bytes to UTF-8.
enum LegacyDecoding: Equatable {
  /// Valid UTF-8 bytes of the whole input.
  case decoded([UInt8])
  /// The input is not valid in this encoding from this byte offset on.
  case invalid(offset: Int)
}

/// A strict GB18030 or Big5 to UTF-8 converter on top of glibc's iconv.
///
/// Strict means that an undefined or malformed sequence (iconv's EILSEQ) fails
/// the conversion instead of being skipped: telling GB18030 from Big5 from
/// broken UTF-8 relies on that. One converter serves a whole file (each line of
/// a JSON Lines file is converted separately), so it is a class that closes its
/// iconv handle when it goes away; it is never shared between threads.
final class LegacyDecoder {
  let encoding: TextEncoding
  private let handle: iconv_t

  /// Nil when glibc has no converter for `encoding` (only GB18030 and BIG5 are expected).
  init?(_ encoding: TextEncoding) {
    guard let handle = iconv_open("UTF-8", encoding.rawValue),
      handle != UnsafeMutableRawPointer(bitPattern: -1)
    else { return nil }
    self.encoding = encoding
    self.handle = handle
  }

  deinit { iconv_close(handle) }

  /// Converts `input`. With `allowTruncatedEnd`, a multi-byte character cut off
  /// by the end of the buffer (a head cut out of a file) is dropped, not an error.
  func decode(_ input: UnsafeRawBufferPointer, allowTruncatedEnd: Bool = false) -> LegacyDecoding {
    iconv(handle, nil, nil, nil, nil)
    guard let base = input.baseAddress, input.count > 0 else { return .decoded([]) }
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    var source = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
    var sourceLeft = input.count
    var written = 0
    while sourceLeft > 0 {
      let failure = convert(&source, &sourceLeft, into: &output, written: &written)
      switch failure {
      case 0:
        continue
      case E2BIG:
        output.append(contentsOf: repeatElement(0, count: output.count))
      case EINVAL where allowTruncatedEnd:
        sourceLeft = 0
      default:
        return .invalid(offset: input.count - sourceLeft)
      }
    }
    output.removeLast(output.count - written)
    return .decoded(output)
  }

  func decode(_ input: [UInt8], allowTruncatedEnd: Bool = false) -> LegacyDecoding {
    input.withUnsafeBytes { decode($0, allowTruncatedEnd: allowTruncatedEnd) }
  }

  /// One iconv call into the free tail of `output`; returns 0 or the errno it failed with.
  private func convert(
    _ source: inout UnsafeMutablePointer<CChar>, _ sourceLeft: inout Int,
    into output: inout [UInt8], written: inout Int
  ) -> Int32 {
    output.withUnsafeMutableBytes { out in
      guard let outBase = out.baseAddress else { return EINVAL }
      var target: UnsafeMutablePointer<CChar>? = (outBase + written).assumingMemoryBound(
        to: CChar.self)
      var targetLeft = out.count - written
      var cursor: UnsafeMutablePointer<CChar>? = source
      let result = iconv(handle, &cursor, &sourceLeft, &target, &targetLeft)
      let failure = result == -1 ? errno : 0
      if let cursor { source = cursor }
      written = out.count - targetLeft
      return failure
    }
  }
}
