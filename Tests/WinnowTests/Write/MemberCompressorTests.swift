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
  }
}
