import Foundation

@testable import Winnow

/// The Fingerprint stage's suites, under one name so that `--filter Fingerprint` selects them all.
enum FingerprintTests {}

/// Text for the fingerprint and dedup tests: the seed articles in `Tests/Fixtures/seeds`.
enum FingerprintFixtures {

  /// Two random sets over a union of `union` elements sharing round(J · union):
  /// their Jaccard similarity is J (up to rounding), for testing signature estimates.
  static func setPair(jaccard: Double, union: Int, generator: inout SplitMix64) -> (
    [UInt64], [UInt64]
  ) {
    let elements = (0..<union).map { _ in generator.next() }
    let shared = Int((jaccard * Double(union)).rounded())
    let rest = elements[shared...]
    let half = shared + rest.count / 2
    return (Array(elements[..<half]), Array(elements[..<shared] + elements[half...]))
  }
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The text of the seed whose file name starts with `prefix` (e.g. "003").
  static func seed(_ prefix: String) throws -> String {
    let folder = repositoryRoot.appendingPathComponent("Tests/Fixtures/seeds")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) }) else {
      throw CocoaError(.fileNoSuchFile)
    }
    return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  /// The article paragraphs of a seed: its lines of at least 40 characters,
  /// each once (a seed page may hold its article twice).
  static func paragraphs(ofSeed prefix: String) throws -> [String] {
    var seen = Set<Substring>()
    return try seed(prefix).split(separator: "\n")
      .filter { $0.count >= 40 && seen.insert($0).inserted }.map(String.init)
  }

  /// Seed 003's article with three characters changed and one sentence left out.
  static func nearCopy(of paragraphs: [String]) -> [String] {
    var copy = paragraphs
    copy[1] = copy[1].replacingOccurrences(of: "周四", with: "周五")
    copy[5] = copy[5].replacingOccurrences(of: "阿拉木图", with: "阿拉木圖")
    if let end = copy[8].firstIndex(of: "。") {
      copy[8].removeSubrange(...end)
    }
    return copy
  }
}
