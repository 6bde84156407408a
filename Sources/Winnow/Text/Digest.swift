import Crypto
import Foundation

/// SHA-256 of data, as bytes.
enum SHA256Digest {
  static func of(_ data: Data) -> [UInt8] { Array(SHA256.hash(data: data)) }
  static func of(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
}
