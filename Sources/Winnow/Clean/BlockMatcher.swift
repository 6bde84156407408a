import Glibc

/// A compiled `BoilerplateRule`: patterns as UTF-8 bytes, matched with
/// `memchr`/`memcmp` so that a rule list costs a few byte scans per block, not regex runs.
struct BlockMatcher: Sendable {
  let rule: BoilerplateRule
  private let patterns: [[UInt8]]
  /// The patterns' lengths in scalars.
  private let patternLengths: [Int]

  init(_ rule: BoilerplateRule) {
    self.rule = rule
    // Folded like the block text (see Cleaner), so a rule matches either script.
    let folded = rule.patterns.map { ScriptFolding.simplified(text: $0) }
    patterns = folded.map { Array($0.utf8) }
    patternLengths = folded.map(\.scalarCount)
  }

  /// True when the rule removes a block with this text and length in scalars.
  func matches(_ text: String, scalarCount: Int) -> Bool {
    guard admits(scalarCount: scalarCount) else { return false }
    var text = text
    return text.withUTF8 { bytes in patterns.contains { matches(bytes, $0) } }
  }

  /// Whether a block of `scalarCount` scalars can match at all: within `max_chars`, as
  /// long as a pattern (exact) or at least as long as the shortest (the rest; a pattern
  /// found in the bytes is whole scalars of them). Folding keeps the number of scalars,
  /// so this is known before the block is folded, and a long block usually fails it.
  func admits(scalarCount: Int) -> Bool {
    if rule.maxChars > 0 && scalarCount > rule.maxChars { return false }
    switch rule.match {
    case .exact: return patternLengths.contains(scalarCount)
    case .prefix, .suffix, .contains: return scalarCount >= patternLengths.min() ?? Int.max
    }
  }

  private func matches(_ text: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8]) -> Bool {
    guard pattern.count <= text.count, text.baseAddress != nil else { return false }
    switch rule.match {
    case .exact:
      return pattern.count == text.count && pattern.elementsEqual(text)
    case .prefix:
      return pattern.elementsEqual(text.prefix(pattern.count))
    case .suffix:
      return pattern.elementsEqual(text.suffix(pattern.count))
    case .contains:
      return pattern.withUnsafeBufferPointer { Self.find($0, in: text) }
    }
  }

  /// Whether `pattern` (non-empty) occurs in `text`: memchr for the first byte, memcmp for the rest.
  private static func find(
    _ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let p = pattern.baseAddress, let t = text.baseAddress, let first = pattern.first else {
      return false
    }
    let last = text.count - pattern.count
    var start = 0
    while start <= last {
      guard let hit = memchr(t + start, Int32(first), last - start + 1) else { return false }
      let offset = t.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(t + offset, p, pattern.count) == 0 { return true }
      start = offset + 1
    }
    return false
  }
}
