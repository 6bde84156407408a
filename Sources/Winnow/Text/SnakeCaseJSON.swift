import Foundation

/// A document written as pretty, sorted-key JSON with snake_case keys (the
/// manifest, the report): stable bytes, easy to read, and read back the same.
public protocol SnakeCaseJSON: Codable {}

extension SnakeCaseJSON {
  /// The JSON text, ending with a newline.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  public static func decode(_ data: Data) throws -> Self {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Self.self, from: data)
  }
}
