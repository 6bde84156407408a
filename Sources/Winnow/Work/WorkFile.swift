/// The header of a work file: what it holds and what made it, so a reader can refuse a
/// file from another run, another build or a task that died half way.
///
/// A work file is the 64-byte fixed header, the `parameters` string, then the payload:
/// records, each a LEB128 byte count and the bytes. Integers are little-endian.
///
///     offset  size  field
///          0     4  magic "WNWK"
///          4     4  version: of the record codecs (`workCodecVersion`)
///          8    16  kind: ASCII tag ("cleaned", "prints"...), zero-padded
///         24     8  record count
///         32     8  payload byte count
///         40     8  payload checksum: CRC-32 (`WorkFileIO.crc32`), zero-extended
///         48     4  parameters byte count
///         52     4  header checksum: CRC-32 of bytes 0..<52 and the parameters
///         56     8  reserved, zero
///         64     P  parameters: UTF-8, the digest of the settings that made the file
///     64 + P        payload
///
/// The writer writes the header last, when counts and checksum are known, and only then
/// gives the file its name; so a file under its final name is always complete.
struct WorkFileHeader: Equatable {
  static let magic = Array("WNWK".utf8)
  static let fixedSize = 64
  static let maxKindBytes = 16
  /// Where the header checksum sits, and so how many fixed bytes it covers.
  static let headerChecksumOffset = 52

  var kind: String
  var version: UInt32
  var parameters: String
  var recordCount: UInt64 = 0
  var payloadBytes: UInt64 = 0
  var checksum: UInt64 = 0

  /// Where the payload starts in the file.
  var payloadStart: Int { Self.fixedSize + parameters.utf8.count }

  /// The kind must fit its field and read back as it was written.
  static func validate(kind: String, path: String) throws(WorkFileError) {
    guard !kind.isEmpty, kind.utf8.count <= maxKindBytes,
      kind.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
    else {
      throw WorkFileError(
        path: path, "kind \"\(kind)\" must be 1 to \(maxKindBytes) printable ASCII characters")
    }
  }

  /// The fixed header and the parameters, as written at offset 0.
  func encoded() -> [UInt8] {
    var writer = BinaryWriter(capacity: payloadStart)
    Self.magic.withUnsafeBytes { writer.writeRaw($0) }
    writer.writeFixed(version)
    let kindBytes = Array(kind.utf8)
    kindBytes.withUnsafeBytes { writer.writeRaw($0) }
    for _ in kindBytes.count..<Self.maxKindBytes { writer.writeByte(0) }
    writer.writeFixed(recordCount)
    writer.writeFixed(payloadBytes)
    writer.writeFixed(checksum)
    writer.writeFixed(UInt32(parameters.utf8.count))
    var bytes = writer.bytes
    let parameterBytes = Array(parameters.utf8)
    bytes += [UInt8](repeating: 0, count: Self.fixedSize - bytes.count) + parameterBytes
    writeHeaderChecksum(Self.headerChecksum(bytes), into: &bytes)
    return bytes
  }

  /// The fixed bytes before the checksum field, then the parameters.
  static func headerChecksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBytes { raw in
      let fixed = WorkFileIO.crc32(
        0, UnsafeRawBufferPointer(rebasing: raw[..<headerChecksumOffset]))
      return WorkFileIO.crc32(fixed, UnsafeRawBufferPointer(rebasing: raw[fixedSize...]))
    }
  }

  private func writeHeaderChecksum(_ crc: UInt32, into bytes: inout [UInt8]) {
    withUnsafeBytes(of: crc.littleEndian) { raw in
      bytes.replaceSubrange(
        Self.headerChecksumOffset..<Self.headerChecksumOffset + 4, with: raw)
    }
  }

  /// The fields of the fixed 64 bytes, and the parameters' length still to be read.
  /// Throws for bytes that are not a work file header.
  static func decodeFixed(_ fixed: [UInt8], path: String) throws(WorkFileError)
    -> (header: WorkFileHeader, parametersBytes: Int, headerChecksum: UInt32)
  {
    try BinaryReader.reading(fixed) { reader throws(WorkFileError) in
      guard Array(try reader.readRaw(magic.count)) == magic else {
        throw WorkFileError(path: path, "not a work file (no WNWK magic)")
      }
      let version = try reader.readFixed(UInt32.self)
      let kindField = try reader.readRaw(maxKindBytes)
      let kind = String(decoding: kindField.prefix { $0 != 0 }, as: UTF8.self)
      var header = WorkFileHeader(kind: kind, version: version, parameters: "")
      header.recordCount = try reader.readFixed()
      header.payloadBytes = try reader.readFixed()
      header.checksum = try reader.readFixed()
      let parametersBytes = Int(try reader.readFixed(UInt32.self))
      return (header, parametersBytes, try reader.readFixed(UInt32.self))
    }
  }
}
