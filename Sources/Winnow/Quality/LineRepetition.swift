/// Lengths of lines and paragraphs, and the share of characters in ones that repeat an
/// earlier one (Rae et al. 2021, Gopher, Table A1: duplicate line and paragraph character
/// fractions, there at most 20 %). Lines are split at `\n`, paragraphs at blank lines;
/// lengths and shares count non-whitespace characters, and a line with none is skipped.
struct LineRepetition {
  private(set) var lines = 0
  private(set) var lineChars = 0
  private(set) var maxLineChars = 0
  private(set) var duplicateLineChars = 0
  private(set) var duplicateParagraphChars = 0

  private var lineHashes: Set<UInt64> = []
  private var paragraphHashes: Set<UInt64> = []
  private var line = (hash: UInt64(0), chars: 0)
  private var paragraph = (hash: UInt64(0), chars: 0)
  /// Line breaks since the last character: two or more end a paragraph.
  private var breaks = 0

  /// Adds a non-whitespace scalar.
  @inline(__always)
  mutating func add(_ v: UInt32) {
    if breaks >= 2 { endParagraph() }
    // A single line break inside a paragraph is part of it; trailing breaks are not.
    if breaks == 1 && paragraph.chars > 0 {
      paragraph.hash = (paragraph.hash &+ 0x0A) &* 0x100_0000_01B3
    }
    breaks = 0
    line.hash = (line.hash &+ UInt64(v)) &* 0x100_0000_01B3
    line.chars += 1
    paragraph.hash = (paragraph.hash &+ UInt64(v)) &* 0x100_0000_01B3
    paragraph.chars += 1
  }

  /// Adds a line feed.
  mutating func lineBreak() {
    endLine()
    breaks += 1
  }

  /// Ends the text; call once after the last scalar.
  mutating func finish() {
    endLine()
    endParagraph()
  }

  private mutating func endLine() {
    guard line.chars > 0 else { return }
    lines += 1
    lineChars += line.chars
    maxLineChars = max(maxLineChars, line.chars)
    if !lineHashes.insert(line.hash).inserted { duplicateLineChars += line.chars }
    line = (0, 0)
  }

  private mutating func endParagraph() {
    guard paragraph.chars > 0 else { return }
    if !paragraphHashes.insert(paragraph.hash).inserted {
      duplicateParagraphChars += paragraph.chars
    }
    paragraph = (0, 0)
  }
}
