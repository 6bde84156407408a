import Glibc

/// Turns one TSV line into a record: tab-separated values in the order of
/// `read.tsv_columns`; the `text` column is the content, a column named `id`
/// (if configured) the id, and every other column a field of its own name.
/// Values are taken as they are: TSV corpora such as THUCNews do not escape.
struct TSVRecords {
  let columns: [String]
  private let textIndex: Int
  private let idIndex: Int?

  init(columns: [String]) {
    self.columns = columns
    textIndex = columns.firstIndex(of: "text") ?? 0
    idIndex = columns.firstIndex(of: "id")
  }

  /// The record on `line`, or nil for a header line that repeats the column names.
  func make(_ line: UnsafeRawBufferPointer, number: Int) -> Result<Record?, RecordError> {
    let values = TSVRecords.split(line)
    guard values.count == columns.count else {
      return .failure(
        RecordError(
          message: "expected \(columns.count) tab-separated columns, found \(values.count)"))
    }
    var strings: [String] = []
    strings.reserveCapacity(values.count)
    for range in values {
      guard
        let value = String(validating: UnsafeRawBufferPointer(rebasing: line[range]), as: UTF8.self)
      else {
        return .failure(RecordError(message: "not valid UTF-8"))
      }
      strings.append(value)
    }
    if number == 1 && strings == columns { return .success(nil) }
    return .success(record(strings))
  }

  private func record(_ values: [String]) -> Record {
    var fields: [String: String] = [:]
    fields.reserveCapacity(columns.count)
    for (index, name) in columns.enumerated() where index != textIndex && index != idIndex {
      fields[name] = values[index]
    }
    let id = idIndex.map { values[$0] }.flatMap { $0.isEmpty ? nil : $0 }
    return Record(id: id, content: values[textIndex], fields: fields)
  }

  /// Byte ranges of the tab-separated values of `line`.
  static func split(_ line: UnsafeRawBufferPointer) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    guard let base = line.baseAddress else { return [0..<0] }
    var start = 0
    while let found = memchr(base + start, 0x09, line.count - start) {
      let end = UnsafeRawPointer(found) - base
      ranges.append(start..<end)
      start = end + 1
    }
    ranges.append(start..<line.count)
    return ranges
  }
}
