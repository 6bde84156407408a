import Foundation
import Testing

@testable import Winnow

/// Shared helpers for the Extract tests: fixture paths and one-call extraction.
enum ExtractTestSupport {
  /// `Tests/Fixtures`, found from this file's path.
  static let fixtures = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  static func fixture(_ relativePath: String) throws -> String {
    try String(contentsOf: fixtures.appendingPathComponent(relativePath), encoding: .utf8)
  }

  static func document(
    _ content: String, format: InputFormat, fields: [String: String] = [:], path: String = "test"
  ) -> RawDocument {
    RawDocument(
      id: path, location: SourceLocation(path: path), format: format, encoding: .utf8,
      compressed: false,
      content: content, fields: fields, byteCount: content.utf8.count)
  }

  static func extract(
    _ content: String, format: InputFormat, fields: [String: String] = [:],
    config: ExtractConfig = ExtractConfig()
  ) throws(ExtractFailure) -> Article {
    try Extractor(config: config).extract(document(content, format: format, fields: fields))
  }

  /// Runs `body` on the UTF-8 bytes of `text`, as the parsers see a document.
  static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    var copy = text
    return copy.withUTF8(body)
  }

  /// Blocks of an HTML fragment, with the default caption limit.
  static func htmlBlocks(_ html: String, policy: SpacePolicy = .dropWrapsBetweenCJK) -> [Block] {
    withBytes(html) { HTMLBlockBuilder.parse($0, policy: policy, captionMaxChars: 80).blocks }
  }

  /// Whether two CJK characters (Han or kana) stand on either side of a space somewhere in `text`.
  static func hasSpaceBetweenCJK(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 3 else { return false }
    for index in 1..<(scalars.count - 1) where scalars[index] == " " {
      if CJKScalar.isUnspaced(scalars[index - 1].value)
        && CJKScalar.isUnspaced(scalars[index + 1].value)
      {
        return true
      }
    }
    return false
  }
}

/// Groups the Extract stage's suites, so `swift test --filter Extract` runs them all.
@Suite struct ExtractTests {}
