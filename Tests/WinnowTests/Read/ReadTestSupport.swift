import Foundation

@testable import Winnow

/// Fixture paths, scratch folders and shortcuts shared by the Read tests.
enum ReadFixtures {
  /// `Tests/` of this repository, found from this source file.
  static let testsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Read
    .deletingLastPathComponent()  // WinnowTests
    .deletingLastPathComponent()  // Tests

  static func seed(_ name: String) -> String {
    testsFolder.appendingPathComponent("Fixtures/seeds/\(name)").path
  }

  static func read(_ name: String) -> String {
    testsFolder.appendingPathComponent("Fixtures/read/\(name)").path
  }

  static let seedNames = [
    "000_1654b156d270f3a6.txt", "001_542f59c99defaed9.txt", "002_43fb4c2225c36c2c.txt",
    "003_fb868feeb5aa8ae5.txt", "004_d890990bcb6bfe99.txt",
  ]

  /// A TSV file in the THUCNews layout (`label<TAB>title+body`), written for the tests.
  static let newsTSV = testsFolder.appendingPathComponent("Fixtures/read/news.tsv").path
}

/// A fresh folder under the system's temporary folder, removed on `remove()`.
struct ScratchFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "winnow-read-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `bytes` to `name` (folders created as needed) and returns the full path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = path + "/" + name
    let folder = (file as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

extension Reader {
  /// Everything `read` emits for the file at `path`, named after its last component.
  func readAll(_ path: String, relativePath: String? = nil) -> [ReadResult] {
    var results: [ReadResult] = []
    let name = relativePath ?? (path as NSString).lastPathComponent
    read(InputFile(path: path, relativePath: name)) { results.append($0) }
    return results
  }
}

extension [ReadResult] {
  var documents: [RawDocument] {
    compactMap { if case .document(let document) = $0 { document } else { nil } }
  }

  var failures: [ReadFailure] {
    compactMap { if case .failure(let failure) = $0 { failure } else { nil } }
  }
}

func fileBytes(_ path: String) throws -> [UInt8] {
  Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

func fileText(_ path: String) throws -> String {
  String(decoding: try fileBytes(path), as: UTF8.self)
}

/// A configuration with a small article limit, for the limit tests.
func smallLimitConfig(_ bytes: Int = 1024) -> ReadConfig {
  var config = ReadConfig()
  config.maxArticleBytes = bytes
  return config
}
