import Foundation

/// What the history records of an article a run kept: enough to find its
/// duplicates in later runs (content hash, signature, band keys) and to name it
/// in their rejections (id, run, date).
public struct KeptArticle: Sendable, Equatable {
  public var id: String
  public var site: String
  /// The article's own date, from its metadata, when it has one.
  public var date: String?
  public var contentHash: ContentHash
  public var shingleCount: Int
  public var signature: [UInt32]
  public var bandKeys: [UInt64]

  public init(
    id: String, site: String, date: String?, contentHash: ContentHash, shingleCount: Int,
    signature: [UInt32], bandKeys: [UInt64]
  ) {
    self.id = id
    self.site = site
    self.date = date
    self.contentHash = contentHash
    self.shingleCount = shingleCount
    self.signature = signature
    self.bandKeys = bandKeys
  }
}

/// Little-endian byte blobs for the arrays the history stores, so a file moves
/// between machines unchanged.
enum Blob {
  static func data<T: FixedWidthInteger>(_ values: [T]) -> Data {
    var out = Data(capacity: values.count * T.bitWidth / 8)
    for value in values {
      withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
    return out
  }

  /// The value at position `index` of `data` (which must hold it).
  static func value<T: FixedWidthInteger>(_ data: Data, at index: Int, as _: T.Type) -> T {
    data.withUnsafeBytes {
      T(littleEndian: $0.loadUnaligned(fromByteOffset: index * T.bitWidth / 8, as: T.self))
    }
  }

  /// The values in `data`; a trailing partial value is ignored.
  static func values<T: FixedWidthInteger>(_ data: Data, as _: T.Type) -> [T] {
    let size = T.bitWidth / 8
    let count = data.count / size
    return data.withUnsafeBytes { raw in
      (0..<count).map { T(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * size, as: T.self)) }
    }
  }
}
