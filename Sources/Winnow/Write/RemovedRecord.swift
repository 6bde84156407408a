/// One line of `removed/`: a block cleaning took out of an article, for audit.
/// `{"id":"…","block":3,"kind":"paragraph","rule":"caption","text":"…"}`, with
/// `"pattern"` (the learned block's hash in hex) for learned boilerplate.
struct RemovedRecord {
  let id: String
  let removed: RemovedBlock

  init(id: String, removed: RemovedBlock) {
    self.id = id
    self.removed = removed
  }

  func write(to json: inout JSONWriter) {
    json.beginObject()
    json.field("id", id)
    json.field("block", removed.index)
    json.field("kind", removed.block.kind.rawValue)
    json.field("rule", removed.rule)
    json.field("pattern", removed.pattern.map(PatternID.string))
    json.field("text", removed.block.text)
    json.endObject()
    json.newline()
  }
}

/// How a learned block's hash is shown: 16 lower-case hex digits.
public enum PatternID {
  public static func string(_ hash: UInt64) -> String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
  }
}
