import Glibc

/// The checks `WorkFileReader.init` makes before any record is read. Each message names
/// the file and both sides of a mismatch, since the fix differs: another run's settings,
/// another build, or a task that died and must be rerun.
extension WorkFileReader {
  static func readHeader(_ fd: Int32, path: String) throws(WorkFileError) -> WorkFileHeader {
    let size = try fileSize(fd, path: path)
    guard size >= WorkFileHeader.fixedSize else {
      throw WorkFileError(
        path: path, "\(size) bytes, too short for a work file header: \(WorkFileError.rerun)")
    }
    var bytes = try read(fd, count: WorkFileHeader.fixedSize, at: 0, path: path)
    var (header, parametersBytes, headerChecksum) = try WorkFileHeader.decodeFixed(
      bytes, path: path)
    guard parametersBytes <= size - WorkFileHeader.fixedSize else {
      throw WorkFileError(path: path, "header damaged: \(WorkFileError.rerun)")
    }
    bytes += try read(fd, count: parametersBytes, at: WorkFileHeader.fixedSize, path: path)
    guard WorkFileHeader.headerChecksum(bytes) == headerChecksum else {
      throw WorkFileError(path: path, "header damaged: \(WorkFileError.rerun)")
    }
    header.parameters = String(decoding: bytes[WorkFileHeader.fixedSize...], as: UTF8.self)
    return header
  }

  static func check(
    _ header: WorkFileHeader, kind: String, version: UInt32, parameters: String, path: String
  ) throws(WorkFileError) {
    guard header.kind == kind else {
      throw WorkFileError(path: path, "holds \"\(header.kind)\" records, expected \"\(kind)\"")
    }
    guard header.version == version else {
      throw WorkFileError(
        path: path,
        "written with format version \(header.version), this build reads version \(version); "
          + WorkFileError.rerun)
    }
    guard header.parameters == parameters else {
      throw WorkFileError(
        path: path, "written with parameters \(header.parameters), this run uses \(parameters)")
    }
  }

  /// The file must end where the payload does: shorter is a write cut off, longer is
  /// damage (a writer never leaves bytes after the payload).
  static func checkSize(_ fd: Int32, _ header: WorkFileHeader, path: String)
    throws(WorkFileError)
  {
    let size = try fileSize(fd, path: path)
    let expected = UInt64(header.payloadStart) + header.payloadBytes
    guard UInt64(size) == expected else {
      let what = UInt64(size) < expected ? "truncated" : "damaged"
      throw WorkFileError(
        path: path,
        "\(what): \(size) bytes, the header promises \(expected); \(WorkFileError.rerun)")
    }
  }

  private static func fileSize(_ fd: Int32, path: String) throws(WorkFileError) -> Int {
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw .system("stat", path: path) }
    return Int(info.st_size)
  }

  private static func read(_ fd: Int32, count: Int, at offset: Int, path: String)
    throws(WorkFileError) -> [UInt8]
  {
    var bytes = [UInt8](repeating: 0, count: count)
    let done = bytes.withUnsafeMutableBytes { WorkFileIO.preadFull(fd, $0, at: offset) }
    guard let done else { throw .system("read", path: path) }
    guard done == count else {
      throw WorkFileError(path: path, "truncated header: \(WorkFileError.rerun)")
    }
    return bytes
  }
}
