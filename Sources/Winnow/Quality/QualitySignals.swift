/// Measurements of a clean body that quality rules judge. Character counts and shares
/// are of non-whitespace Unicode scalars, so they do not depend on layout.
public struct QualitySignals: Sendable, Hashable, Codable {
  /// Non-whitespace characters.
  public var chars = 0
  /// Letters of any script, CJK included, among characters.
  public var letterShare = 0.0
  /// CJK characters (Han, kana, Hangul) among letters.
  public var cjkShare = 0.0
  /// Latin letters among letters.
  public var latinShare = 0.0
  public var digitShare = 0.0
  /// Punctuation (Unicode P*) among characters.
  public var punctuationShare = 0.0
  /// Symbols (Unicode S*: math, currency, modifiers, emoji, box drawing) among characters.
  public var symbolShare = 0.0
  /// U+FFFD: bytes that could not be decoded.
  public var replacementShare = 0.0
  /// Characters in mojibake patterns (`MojibakeScan`) among characters.
  public var mojibakeShare = 0.0
  /// Tags, entities, Markdown images and URLs left in the text (`MarkupLeftovers`).
  public var markup = MarkupLeftovers()
  /// Characters inside markup leftovers among characters.
  public var markupShare = 0.0
  /// Non-empty lines, their mean and largest length in characters.
  public var lines = 0
  public var meanLineChars = 0.0
  public var maxLineChars = 0
  /// Characters in lines (paragraphs) that repeat an earlier one, among characters in lines.
  public var duplicateLineShare = 0.0
  public var duplicateParagraphShare = 0.0
  /// Gopher repetition (`Repetition`): top n-gram shares for n = 2…4, duplicated n-gram
  /// shares for n = 5…10.
  public var topNgramShares = [Double](repeating: 0, count: Repetition.topRange.count)
  public var duplicateNgramShares = [Double](
    repeating: 0, count: Repetition.duplicateRange.count)
  /// Characters cleaning removed, among characters before cleaning (removed plus kept).
  public var boilerplateShare = 0.0
  public var script = Script.other
  /// The text ends mid-sentence (`Truncation`).
  public var truncated = false

  public init() {}

  /// Measures `body` in one pass over its scalars and one over its UTF-8 bytes;
  /// `removedChars` are the non-whitespace characters cleaning took out.
  public init(body: String, removedChars: Int = 0) {
    let scan = TextScan(body)
    self.init(classes: scan.classes)
    let total = Double(max(chars, 1))
    mojibakeShare = Double(scan.mojibake.chars) / total
    markup = MarkupLeftovers(body)
    markupShare = Double(markup.coveredChars) / total
    setLines(scan.lines)
    let repetition = Repetition(hashes: scan.tokenHashes, lengths: scan.tokenLengths)
    topNgramShares = repetition.topShares
    duplicateNgramShares = repetition.duplicateShares
    if chars + removedChars > 0 {
      boilerplateShare = Double(removedChars) / Double(chars + removedChars)
    }
    truncated = Truncation.isTruncated(last: scan.last)
  }

  private init(classes c: CharacterClasses) {
    let total = Double(max(c.chars, 1))
    chars = c.chars
    letterShare = Double(c.letters) / total
    cjkShare = Double(c.cjk) / Double(max(c.letters, 1))
    latinShare = Double(c.latin) / Double(max(c.letters, 1))
    digitShare = Double(c.digits) / total
    punctuationShare = Double(c.punctuation) / total
    symbolShare = Double(c.symbols) / total
    replacementShare = Double(c.replacement) / total
    script = ScriptDetector.detect(c)
  }

  private mutating func setLines(_ l: LineRepetition) {
    lines = l.lines
    meanLineChars = l.lines > 0 ? Double(l.lineChars) / Double(l.lines) : 0
    maxLineChars = l.maxLineChars
    let lineChars = Double(max(l.lineChars, 1))
    duplicateLineShare = Double(l.duplicateLineChars) / lineChars
    duplicateParagraphShare = Double(l.duplicateParagraphChars) / lineChars
  }

  /// Non-whitespace characters of `text`, for the removed blocks.
  static func countChars(_ text: String) -> Int {
    var n = 0
    for scalar in text.unicodeScalars where !ScalarClass.isWhitespace(scalar.value) { n += 1 }
    return n
  }
}
