import Foundation

/// `manifest.json`: what a finished run wrote, so a consumer can check it.
/// It holds nothing that changes from run to run on the same input (no times,
/// no run id), so it is byte-identical like the corpus files.
public struct Manifest: Sendable, Equatable, SnakeCaseJSON {
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
}

extension Config {
  /// SHA-256 of the configuration as sorted-key JSON: equal configs, equal digests.
  /// The history's path is left out: it says where state is kept, not how articles
  /// are judged, so a rerun against a moved or restored history file gives the same
  /// manifest (and derives the same run id).
  public var digest: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var judged = self
    judged.history.path = ""
    let data = (try? encoder.encode(judged)) ?? Data()
    return Hex.string(SHA256Digest.of(data))
  }
}
