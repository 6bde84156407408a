import Foundation

/// `manifest.json`: what a finished run wrote, so a consumer can check it.
/// It holds nothing that changes from run to run on the same input (no times,
/// no run id), so it is byte-identical like the corpus files.
public struct Manifest: Sendable, Equatable, Codable {
  public struct Counts: Sendable, Equatable, Codable {
    public var articles = 0
    public var clean = 0
    public var rejected = 0
    public var rejectedByReason: [String: Int] = [:]
  }

  public struct Inputs: Sendable, Equatable, Codable {
    public var files = 0
    public var bytes = 0
  }

  public var tool = "winnow"
  public var version = Release.version
  /// SHA-256 (hex) of the effective configuration as sorted-key JSON.
  public var configDigest = ""
  public var inputs = Inputs()
  public var counts = Counts()
  public var files: [OutputEntry] = []

  /// Pretty, sorted-key JSON: stable bytes and easy to read.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(0x0A)
    return data
  }

  public static func decode(_ data: Data) throws -> Manifest {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Manifest.self, from: data)
  }
}

extension Config {
  /// SHA-256 of the configuration as sorted-key JSON: equal configs, equal digests.
  public var digest: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = (try? encoder.encode(self)) ?? Data()
    return Hex.string(SHA256Digest.of(data))
  }
}
