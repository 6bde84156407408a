import Crypto

/// Ids for articles and failures whose input carries none.
///
/// They are derived from where the input sits relative to the folder the user
/// named, never from absolute paths or timestamps, so reading the same corpus
/// twice, on any machine, yields the same ids.
enum DocumentID {
  /// First 16 hex characters of SHA-256 of `relativePath#line`, or of
  /// `relativePath` alone for a whole-file article.
  static func derived(relativePath: String, line: Int? = nil) -> String {
    let key = line.map { "\(relativePath)#\($0)" } ?? relativePath
    let digest = SHA256.hash(data: Array(key.utf8))
    return hex(digest.prefix(8))
  }

  private static let digits = Array("0123456789abcdef".utf8)

  private static func hex(_ bytes: some Sequence<UInt8>) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(16)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}
