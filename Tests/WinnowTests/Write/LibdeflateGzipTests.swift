import Testing

@testable import Winnow

@Suite struct LibdeflateGzipTests {
  let text = Array(String(repeating: "哈萨克斯坦总统托卡耶夫宣布 hello ", count: 500).utf8)

  @Test(arguments: LibdeflateGzip.levels)
  func everyLevelRoundTripsThroughZlib(level: Int) throws {
    let member = try LibdeflateGzip(level: level).compress(text)
    #expect(member.count < text.count / 10)
    #expect(try GzipInflater.decompress(member) == text)
  }

  /// The header is what makes members repeat byte for byte: MTIME 0, no name or
  /// other optional field, and a fixed OS byte (255, "unknown"; zlib writes 3).
  @Test func headerIsFixedAndOutputRepeats() throws {
    let a = try LibdeflateGzip(level: 6).compress(text)
    let compressor = try LibdeflateGzip(level: 6)
    #expect(try compressor.compress(text) == a)
    #expect(try compressor.compress(text) == a, "a reused compressor keeps no state")
    #expect(Array(a[0..<4]) == [0x1F, 0x8B, 0x08, 0x00], "magic, deflate, no flags")
    #expect(a[4..<8].allSatisfy { $0 == 0 }, "gzip header mtime must be 0")
    #expect(a[9] == 0xFF)
  }

  @Test func emptyInputIsAValidEmptyMember() throws {
    let member = try LibdeflateGzip(level: 6).compress([])
    #expect(member.count >= 18)
    #expect(try GzipInflater.decompress(member).isEmpty)
  }

  @Test func membersMixWithZlibMembers() throws {
    let one = try LibdeflateGzip(level: 6).compress(Array("first\n".utf8))
    let two = try GzipDeflater.compress(Array("second\n".utf8))
    #expect(try GzipInflater.decompress(one + two + one) == Array("first\nsecond\nfirst\n".utf8))
  }

  @Test(arguments: [0, 13, -1])
  func refusesALevelOutsideItsRange(level: Int) {
    #expect(throws: GzipError.self) { try LibdeflateGzip(level: level) }
  }
}
