import Crypto
import Glibc

/// A file being written: bytes go to disk as they come, the SHA-256 and size
/// are kept as they pass, and `close()` makes them durable with fsync.
final class OutputFile {
  let path: String
  private var fd: Int32
  private var hasher = SHA256()
  private(set) var byteCount = 0

  init(path: String) throws(OutputError) {
    self.path = path
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .system("open", path: path) }
  }

  deinit { if fd >= 0 { Glibc.close(fd) } }

  func write(_ bytes: [UInt8]) throws(OutputError) {
    hasher.update(data: bytes)
    byteCount += bytes.count
    guard bytes.withUnsafeBytes({ WorkFileIO.writeAll(fd, $0) }) else {
      throw .system("write", path: path)
    }
  }

  /// Flushes to disk, closes, and returns the file's SHA-256 in hex.
  func close() throws(OutputError) -> String {
    guard fsync(fd) == 0 else { throw .system("fsync", path: path) }
    let result = Glibc.close(fd)
    fd = -1
    guard result == 0 else { throw .system("close", path: path) }
    return Hex.string(hasher.finalize())
  }
}

extension OutputFile {
  /// Copies the file at `source` to a new file at `target`, made durable, and checks
  /// that the copy has the SHA-256 `sha256` (hex) the source was recorded with.
  static func copy(_ source: String, to target: String, sha256: String) throws(OutputError) {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw .system("open", path: source) }
    defer { Glibc.close(input) }
    let output = try OutputFile(path: target)
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var offset = 0
    while true {
      guard let n = buffer.withUnsafeMutableBytes({ WorkFileIO.preadFull(input, $0, at: offset) })
      else { throw .system("read", path: source) }
      if n == 0 { break }
      try output.write(Array(buffer[..<n]))
      offset += n
    }
    guard try output.close() == sha256 else {
      throw OutputError(path: source, message: "does not have the SHA-256 the write stage recorded")
    }
  }
}
