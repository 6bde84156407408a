import Testing

@testable import Winnow

@Suite struct IsalGzipTests {
  let text = Array(String(repeating: "哈萨克斯坦总统托卡耶夫宣布 hello ", count: 500).utf8)

  @Test(arguments: IsalGzip.levels)
  func everyLevelRoundTripsThroughZlib(level: Int) throws {
    let member = try IsalGzip(level: level).compress(text)
    #expect(member.count < text.count / 10)
    #expect(try GzipInflater.decompress(member) == text)
  }

  /// Bytes that do not compress must still fit the output bound: igzip then
  /// writes stored blocks, a little larger than the input.
  @Test func incompressibleInputFitsTheBound() throws {
    var generator = SystemRandomNumberGenerator()
    let noise = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    let member = try IsalGzip(level: 3).compress(noise)
    #expect(member.count > noise.count)
    #expect(try GzipInflater.decompress(member) == noise)
  }

  @Test func headerIsFixedAndOutputRepeats() throws {
    let compressor = try IsalGzip(level: 3)
    let a = try compressor.compress(text)
    #expect(try compressor.compress(text) == a, "a reused compressor keeps no state")
    #expect(try IsalGzip(level: 3).compress(text) == a)
    #expect(Array(a[0..<4]) == [0x1F, 0x8B, 0x08, 0x00], "magic, deflate, no flags")
    #expect(a[4..<8].allSatisfy { $0 == 0 }, "gzip header mtime must be 0")
    #expect(a[9] == 0xFF)
  }

  @Test func emptyInputIsAValidEmptyMember() throws {
    let member = try IsalGzip(level: 1).compress([])
    #expect(member.count >= 18)
    #expect(try GzipInflater.decompress(member).isEmpty)
  }

  @Test(arguments: [0, 4, 6, -1])
  func refusesALevelOutsideItsRange(level: Int) {
    #expect(throws: GzipError.self) { try IsalGzip(level: level) }
  }
}
