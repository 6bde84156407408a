/// The parts of one JSON Lines or TSV record the Read stage keeps.
struct Record: Equatable {
  /// The record's own id, when it has a non-empty one.
  var id: String?
  var content: String
  var fields: [String: String]
}

/// Why a line is not a usable record. When the line also holds bytes that
/// are not valid UTF-8, the caller reports those instead, with their offset.
struct RecordError: Error, Equatable {
  var message: String
}

/// Turns one JSON Lines line into a record, using the configured field names.
///
/// Mapping: `jsonl.text` becomes the content and must be a string; `jsonl.id`
/// (a string or a number) becomes the id; `jsonl.title`, `jsonl.url` and
/// `jsonl.date` become `fields["title"]`, `fields["url"]`, `fields["date"]`.
/// Every other field keeps its own name: strings as they are, numbers and
/// booleans as their JSON text, nested objects and arrays as their JSON text
/// exactly as in the input (so nothing is lost), and `null` is left out.
enum JSONLinesRecord {
  static func make(_ line: UnsafeRawBufferPointer, names: ReadConfig.JSONFields) -> Result<
    Record, RecordError
  > {
    let object: [String: JSONFieldValue]
    do {
      object = try JSONObjectParser.parse(line)
    } catch {
      return .failure(RecordError(message: "expected a JSON object: \(error.description)"))
    }
    guard let text = object[names.text] else {
      return .failure(RecordError(message: "no field '\(names.text)' (the text field)"))
    }
    guard case .string(let content) = text else {
      return .failure(
        RecordError(message: "field '\(names.text)' (the text field) is not a string"))
    }
    return .success(
      Record(id: id(object[names.id]), content: content, fields: fields(object, names: names)))
  }

  private static func id(_ value: JSONFieldValue?) -> String? {
    switch value {
    case .string(let text) where !text.isEmpty: text
    case .literal(let text): text
    default: nil
    }
  }

  private static func fields(_ object: [String: JSONFieldValue], names: ReadConfig.JSONFields)
    -> [String: String]
  {
    var fields: [String: String] = [:]
    fields.reserveCapacity(object.count)
    for (key, value) in object where key != names.text && key != names.id {
      switch value {
      case .string(let text), .literal(let text), .nested(let text): fields[key] = text
      case .null: break
      }
    }
    // The configured names win over a field that merely has the standard name.
    for (standard, configured) in [
      ("title", names.title), ("url", names.url), ("date", names.date),
    ]
    where configured != standard {
      fields[standard] = fields.removeValue(forKey: configured)
    }
    return fields
  }
}
