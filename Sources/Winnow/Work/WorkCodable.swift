/// A value stored in work files: written by one stage (or one Slurm array task) and read
/// back by a later one, byte-exact: `decode(encode(x)) == x`, Double bit patterns included.
///
/// The encoding is positional and carries no field names or type tags, which keeps it
/// small and fast but means the reader must be the same code as the writer. Any change
/// to a codec (a field added, removed or reordered, a tag list changed) must bump
/// `workCodecVersion`, so that readers refuse files of the old layout instead of
/// misreading them.
protocol WorkCodable {
  func encode(to writer: inout BinaryWriter)
  init(from reader: inout BinaryReader) throws(WorkFileError)
}

/// The version of the record codecs in this file's folder; callers pass it as the work
/// file's `version`. Bump it with every change to a codec.
let workCodecVersion: UInt32 = 3

extension BinaryWriter {
  mutating func write<T: WorkCodable>(_ value: T) {
    value.encode(to: &self)
  }

  /// The bytes of one value, for a work file record.
  static func encode<T: WorkCodable>(_ value: T) -> [UInt8] {
    var writer = BinaryWriter()
    writer.write(value)
    return writer.bytes
  }
}

extension BinaryReader {
  mutating func read<T: WorkCodable>(_: T.Type = T.self) throws(WorkFileError) -> T {
    try T(from: &self)
  }

  /// One value that must take up all of `bytes`: bytes left over mean the record was
  /// written by another layout (or is damaged), which would otherwise go unnoticed.
  static func decode<T: WorkCodable>(_: T.Type = T.self, from bytes: UnsafeRawBufferPointer)
    throws(WorkFileError) -> T
  {
    var reader = BinaryReader(bytes)
    let value = try reader.read(T.self)
    guard reader.isAtEnd else {
      throw reader.invalid("\(bytes.count - reader.offset) bytes left after \(T.self)")
    }
    return value
  }

  static func decode<T: WorkCodable>(_: T.Type = T.self, from bytes: [UInt8])
    throws(WorkFileError) -> T
  {
    try reading(bytes) { reader throws(WorkFileError) in
      try decode(T.self, from: reader.bytes)
    }
  }

  /// Runs `body` with a reader over `bytes`. (`withUnsafeBytes` rethrows untyped; a
  /// `Result` carries the typed error out.)
  static func reading<R>(
    _ bytes: [UInt8], _ body: (inout BinaryReader) throws(WorkFileError) -> R
  ) throws(WorkFileError) -> R {
    let result = bytes.withUnsafeBytes { raw in
      Result { () throws(WorkFileError) in
        var reader = BinaryReader(raw)
        return try body(&reader)
      }
    }
    return try result.get()
  }
}

/// An enum stored as a one-byte tag: the case's position in `workTags`. The list is
/// spelled out apart from the declaration so that reordering the enum's cases does not
/// change the format; new cases go at the end (and bump `workCodecVersion`).
protocol WorkTagged: WorkCodable, Equatable {
  static var workTags: [Self] { get }
}

extension WorkTagged {
  func encode(to writer: inout BinaryWriter) {
    guard let tag = Self.workTags.firstIndex(of: self) else {
      preconditionFailure("\(Self.self).\(self) is missing from workTags")
    }
    writer.writeByte(UInt8(tag))
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    let tag = Int(try reader.readByte())
    guard tag < Self.workTags.count else { throw reader.invalid("\(Self.self) tag \(tag)") }
    self = Self.workTags[tag]
  }
}

extension String: WorkCodable {
  func encode(to writer: inout BinaryWriter) { writer.writeString(self) }
  init(from reader: inout BinaryReader) throws(WorkFileError) { self = try reader.readString() }
}

/// Zigzag varint: counts, indices and sizes are small.
extension Int: WorkCodable {
  func encode(to writer: inout BinaryWriter) { writer.writeVarint(self) }
  init(from reader: inout BinaryReader) throws(WorkFileError) { self = try reader.readInt() }
}

/// Fixed eight bytes: the `UInt64`s stored are hashes, spread over the whole range.
extension UInt64: WorkCodable {
  func encode(to writer: inout BinaryWriter) { writer.writeFixed(self) }
  init(from reader: inout BinaryReader) throws(WorkFileError) { self = try reader.readFixed() }
}

extension Double: WorkCodable {
  func encode(to writer: inout BinaryWriter) { writer.writeDouble(self) }
  init(from reader: inout BinaryReader) throws(WorkFileError) { self = try reader.readDouble() }
}

extension Bool: WorkCodable {
  func encode(to writer: inout BinaryWriter) { writer.writeBool(self) }
  init(from reader: inout BinaryReader) throws(WorkFileError) { self = try reader.readBool() }
}

/// A presence byte, then the value.
extension Optional: WorkCodable where Wrapped: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.writeBool(self != nil)
    if let self { writer.write(self) }
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    self = try reader.readBool() ? try reader.read(Wrapped.self) : nil
  }
}

/// The count, then the elements. Arrays of hashes use `writeFixedArray` instead (one copy).
extension Array: WorkCodable where Element: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.writeVarint(UInt64(count))
    for element in self { writer.write(element) }
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    let count = try reader.readCount()
    self = []
    reserveCapacity(count)
    for _ in 0..<count { append(try reader.read(Element.self)) }
  }
}

/// The count, then key and value pairs sorted by key: the same dictionary always gives
/// the same bytes, whatever the hash seed of the process that wrote it.
extension Dictionary: WorkCodable where Key: WorkCodable & Comparable, Value: WorkCodable {
  func encode(to writer: inout BinaryWriter) {
    writer.writeVarint(UInt64(count))
    for (key, value) in sorted(by: { $0.key < $1.key }) {
      writer.write(key)
      writer.write(value)
    }
  }

  init(from reader: inout BinaryReader) throws(WorkFileError) {
    let count = try reader.readCount()
    self.init(minimumCapacity: count)
    for _ in 0..<count {
      let key = try reader.read(Key.self)
      guard updateValue(try reader.read(Value.self), forKey: key) == nil else {
        throw reader.invalid("key \(key) twice")
      }
    }
  }
}
