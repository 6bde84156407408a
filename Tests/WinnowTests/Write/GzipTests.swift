import Testing

@testable import Winnow

@Suite struct GzipTests {
  @Test func roundTripsAndIsDeterministic() throws {
    let text = Array(String(repeating: "哈萨克斯坦总统托卡耶夫宣布 hello ", count: 500).utf8)
    let a = try GzipDeflater.compress(text)
    let b = try GzipDeflater.compress(text)
    #expect(a == b)
    #expect(a.count < text.count / 10)
    #expect(a[0] == 0x1F && a[1] == 0x8B)
    #expect(a[4..<8].allSatisfy { $0 == 0 }, "gzip header mtime must be 0")
    #expect(try GzipInflater.decompress(a) == text)
  }

  @Test func readsConcatenatedMembers() throws {
    let one = try GzipDeflater.compress(Array("first\n".utf8))
    let two = try GzipDeflater.compress(Array("second\n".utf8))
    #expect(try GzipInflater.decompress(one + two) == Array("first\nsecond\n".utf8))
  }

  @Test func reportsTruncatedAndCorruptData() throws {
    let full = try GzipDeflater.compress(Array(String(repeating: "abc", count: 1000).utf8))
    #expect(throws: GzipError.self) {
      try GzipInflater.decompress(Array(full.prefix(full.count - 6)))
    }
    var corrupt = full
    corrupt[12] ^= 0xFF
    corrupt[13] ^= 0xFF
    #expect(throws: GzipError.self) { try GzipInflater.decompress(corrupt) }
  }
}
