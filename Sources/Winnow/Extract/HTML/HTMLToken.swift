/// One piece of an HTML document, as byte ranges into the document's UTF-8.
///
/// Ranges instead of strings: most tokens are looked at once and dropped, so
/// the tokenizer never copies text; whoever needs the characters decodes them.
enum HTMLToken: Equatable {
  /// Character data between tags; character references not yet decoded.
  case text(Range<Int>)
  case startTag(HTMLTag)
  /// An end tag, its name lower-cased.
  case endTag(String)
  /// The content of a raw-text element (`script`, `style`, `title`, ...), up to its end tag.
  case rawText(Range<Int>)
  /// The content of a CDATA section: literal text.
  case cdata(Range<Int>)
  /// A comment, `<!DOCTYPE>`, or another declaration or processing instruction.
  case comment(Range<Int>)
}

/// A start tag: lower-cased name and where its attributes are, parsed only on demand.
struct HTMLTag: Equatable {
  var name: String
  /// The bytes between the name and the closing `>`, for `HTMLAttributes`.
  var attributes: Range<Int>
  /// Written as `<name … />`.
  var selfClosing: Bool
}
