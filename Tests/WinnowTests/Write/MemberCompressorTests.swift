import Testing

@testable import Winnow

@Suite struct MemberCompressorTests {
  /// Chunks of different sizes, so workers finish out of submission order.
  static let chunks: [[UInt8]] = (0..<12).map { i in
    Array(String(repeating: "第\(i)块：哈萨克斯坦总统托卡耶夫宣布全国哀悼日。", count: 300 + 200 * (i % 5)).utf8)
  }

  /// Level 3 is one every compressor has.
  static let level = 3

  func members(_ compressor: GzipCompressor, jobs: Int) throws -> [[UInt8]] {
    let members = MemberCompressor(compressor: compressor, level: Self.level, jobs: jobs)
    var out: [[UInt8]] = []
    for chunk in Self.chunks { out += try members.submit(chunk) }
    return out + (try members.drain())
  }

  @Test(arguments: GzipCompressor.allCases)
  func membersComeBackInOrderWhateverRunsAtOnce(compressor: GzipCompressor) throws {
    let serial = try members(compressor, jobs: 1)
    #expect(try members(compressor, jobs: 4) == serial)
    #expect(serial.count == Self.chunks.count)
    for (member, chunk) in zip(serial, Self.chunks) {
      #expect(
        member == (try MemberCompressor.member(chunk, compressor: compressor, level: Self.level)))
      #expect(try GzipInflater.decompress(member) == chunk, "each member is a whole gzip stream")
    }
  }

  @Test func theConfiguredCompressorWritesTheMembers() throws {
    let chunk = Self.chunks[0]
    let zlib = try MemberCompressor.member(chunk, compressor: .zlib, level: 6)
    let libdeflate = try MemberCompressor.member(chunk, compressor: .libdeflate, level: 6)
    let isal = try MemberCompressor.member(chunk, compressor: .isal, level: 3)
    #expect(zlib == (try GzipDeflater.compress(chunk, level: 6)))
    #expect(libdeflate == (try LibdeflateGzip(level: 6).compress(chunk)))
    #expect(isal == (try IsalGzip(level: 3).compress(chunk)))
    #expect(Set([zlib, libdeflate, isal]).count == 3, "three encoders, three different members")
    #expect(zlib[9] == 3, "zlib's OS byte: Unix")
    #expect(libdeflate[9] == 0xFF, "libdeflate's OS byte: unknown")
    #expect(isal[9] == 0xFF, "igzip's OS byte: unknown")
  }

  // Each encoder on its own: one whole-buffer member, whatever the level.

  static let text = Array(String(repeating: "哈萨克斯坦总统托卡耶夫宣布 hello ", count: 500).utf8)

  @Test(arguments: GzipCompressor.allCases)
  func everyLevelRoundTripsThroughZlib(compressor: GzipCompressor) throws {
    for level in compressor.levels {
      let member = try MemberCompressor.member(Self.text, compressor: compressor, level: level)
      #expect(member.count < Self.text.count / 10, "level \(level)")
      #expect(try GzipInflater.decompress(member) == Self.text, "level \(level)")
    }
  }

  /// The header is what makes members repeat byte for byte: MTIME 0 and no name
  /// or other optional field.
  @Test(arguments: GzipCompressor.allCases)
  func headerIsFixedAndOutputRepeats(compressor: GzipCompressor) throws {
    let a = try MemberCompressor.member(Self.text, compressor: compressor, level: Self.level)
    #expect(try MemberCompressor.member(Self.text, compressor: compressor, level: Self.level) == a)
    #expect(Array(a[0..<4]) == [0x1F, 0x8B, 0x08, 0x00], "magic, deflate, no flags")
    #expect(a[4..<8].allSatisfy { $0 == 0 }, "gzip header mtime must be 0")
  }

  @Test func aReusedCompressorKeepsNoState() throws {
    let libdeflate = try LibdeflateGzip(level: 6)
    let isal = try IsalGzip(level: 3)
    let first = (try libdeflate.compress(Self.text), try isal.compress(Self.text))
    #expect(try libdeflate.compress(Self.text) == first.0)
    #expect(try isal.compress(Self.text) == first.1)
  }

  @Test(arguments: GzipCompressor.allCases)
  func emptyInputIsAValidEmptyMember(compressor: GzipCompressor) throws {
    let member = try MemberCompressor.member([], compressor: compressor, level: Self.level)
    #expect(member.count >= 18)
    #expect(try GzipInflater.decompress(member).isEmpty)
  }

  /// Bytes that do not compress must still fit the output bound: the encoders
  /// then write stored blocks, a little larger than the input.
  @Test(arguments: GzipCompressor.allCases)
  func incompressibleInputFitsTheBound(compressor: GzipCompressor) throws {
    var generator = SystemRandomNumberGenerator()
    let noise = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let member = try MemberCompressor.member(noise, compressor: compressor, level: Self.level)
    #expect(member.count > noise.count)
    #expect(try GzipInflater.decompress(member) == noise)
  }

  @Test func membersOfDifferentEncodersMakeOneStream() throws {
    let one = try LibdeflateGzip(level: 6).compress(Array("first\n".utf8))
    let two = try GzipDeflater.compress(Array("second\n".utf8))
    let three = try IsalGzip(level: 3).compress(Array("third\n".utf8))
    #expect(
      try GzipInflater.decompress(one + two + three + one)
        == Array("first\nsecond\nthird\nfirst\n".utf8))
  }

  /// zlib takes level 0 (stored blocks), so only the whole-buffer encoders are checked below
  /// their range.
  @Test(arguments: [GzipCompressor.libdeflate, .isal])
  func refusesALevelOutsideItsRange(compressor: GzipCompressor) {
    for level in [-1, compressor.levels.lowerBound - 1, compressor.levels.upperBound + 1] {
      #expect(throws: GzipError.self, "level \(level)") {
        try MemberCompressor.member(Self.text, compressor: compressor, level: level)
      }
    }
  }
}
