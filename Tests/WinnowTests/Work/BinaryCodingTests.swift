import Testing

@testable import Winnow

/// The primitives under the codecs: their byte layout, their edge values, and damaged
/// input that must throw rather than trap or allocate.
@Suite struct BinaryCodingTests {
  @Test func varintsAreLEB128() throws {
    let cases: [(UInt64, [UInt8])] = [
      (0, [0]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
      (.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
    ]
    for (value, bytes) in cases {
      var writer = BinaryWriter()
      writer.writeVarint(value)
      #expect(writer.bytes == bytes)
      let decoded = try bytes.withUnsafeBytes { raw in
        var reader = BinaryReader(raw)
        return try reader.readVarint()
      }
      #expect(decoded == value)
    }
  }

  @Test func intsAreZigzag() throws {
    #expect(BinaryWriter.encode(0) == [0])
    #expect(BinaryWriter.encode(-1) == [1])
    #expect(BinaryWriter.encode(1) == [2])
    #expect(BinaryWriter.encode(-64) == [0x7F])
    for value in [Int.min, Int.min + 1, -300, -1, 0, 1, 63, 64, Int.max] {
      try expectRoundTrip(value)
    }
  }

  @Test func doublesKeepTheirBitPatterns() throws {
    let values = [
      0.0, -0.0, 1.0 / 3, -.infinity, .infinity, .leastNonzeroMagnitude,
      .greatestFiniteMagnitude, Double(bitPattern: 0x7FF8_0000_0000_1234),
    ]
    for value in values {
      let decoded = try BinaryReader.decode(Double.self, from: BinaryWriter.encode(value))
      #expect(decoded.bitPattern == value.bitPattern)
    }
  }

  @Test func stringsOptionalsAndArrays() throws {
    for text in ["", "a", "中文 text", "emoji 👩‍👩‍👧 e\u{301}", String(repeating: "长", count: 100_000)] {
      try expectRoundTrip(text)
    }
    try expectRoundTrip(String?.none)
    try expectRoundTrip(String?.some(""))
    try expectRoundTrip(Int?.some(-5))
    try expectRoundTrip([String]())
    try expectRoundTrip(["", "x", "中"])
    try expectRoundTrip([true, false])
    try expectRoundTrip([[1, 2], [], [-3]])
    try expectRoundTrip(["b": "2", "a": "1", "": ""])
    #expect(BinaryWriter.encode(String?.none) == [0])
    #expect(BinaryWriter.encode("中") == [3, 0xE4, 0xB8, 0xAD])
  }

  @Test func fixedArraysAreRawLittleEndian() throws {
    var writer = BinaryWriter()
    writer.writeFixedArray([UInt32(0x0403_0201), 0xFFFF_FFFF])
    #expect(writer.bytes == [2, 1, 2, 3, 4, 0xFF, 0xFF, 0xFF, 0xFF])
    let hashes: [UInt64] = (0..<1_000).map { $0 &* 0x9E37_79B9_7F4A_7C15 }
    writer.removeAll()
    writer.writeFixedArray(hashes)
    let decoded = try writer.bytes.withUnsafeBytes { raw in
      var reader = BinaryReader(raw)
      return try reader.readFixedArray(UInt64.self)
    }
    #expect(decoded == hashes)
  }

  @Test func damagedBytesThrow() {
    let strings: [(String, [UInt8])] = [
      ("empty", []),
      ("varint of eleven bytes", [UInt8](repeating: 0xFF, count: 10) + [0x01]),
      ("varint over 64 bits", [UInt8](repeating: 0xFF, count: 9) + [0x02]),
      ("string longer than the record", [0x01, 0x05, 0x61]),
      ("count of a billion", [0x80, 0x94, 0xEB, 0xDC, 0x03]),
      ("bytes left over", [0x01, 0x01, 0x61, 0x00]),
    ]
    for (what, bytes) in strings {
      #expect(throws: WorkFileError.self, "\(what)") {
        try BinaryReader.decode([String].self, from: bytes)
      }
    }
    #expect(throws: WorkFileError.self) { try BinaryReader.decode(Bool.self, from: [2]) }
    #expect(throws: WorkFileError.self, "a key twice") {
      try BinaryReader.decode([String: String].self, from: [2, 1, 0x61, 0, 1, 0x61, 0])
    }
    #expect(throws: WorkFileError.self, "unknown tag") {
      try BinaryReader.decode(BlockKind.self, from: [5])
    }
    #expect(throws: WorkFileError.self, "unknown FirstPass tag") {
      try BinaryReader.decode(FirstPass.self, from: [2])
    }
  }
}
