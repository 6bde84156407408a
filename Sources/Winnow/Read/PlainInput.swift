import Glibc

/// Why the bytes of an input file could not be read to the end.
struct InputError: Error, Equatable {
  var message: String
}

/// The decompressed bytes of one input file, handed out in chunks so that a
/// multi-gigabyte file never sits in memory whole.
///
/// Gzip is recognised by its magic bytes rather than by the `.gz` suffix,
/// because crawlers save compressed responses under any name.
final class PlainInput {
  /// Bytes read from disk at a time. Gzip chunks are smaller so that one
  /// highly compressed chunk cannot inflate to gigabytes at once.
  static let plainChunkBytes = 1 << 20
  static let gzipChunkBytes = 1 << 18

  /// True when the file is gzip-compressed.
  let compressed: Bool
  /// Size of the file on disk, as `fstat` saw it when it was opened.
  let diskSize: Int
  private let descriptor: Int32
  private let inflater: GzipInflater?
  private var firstRaw: [UInt8]?
  private var rawConsumed = 0
  /// A read came back short: the file has no more bytes, so no further read
  /// (and no further buffer) is needed.
  private var rawEnded = false
  private var reachedEnd = false
  private var failure: InputError?
  /// Where reading stops, for a piece of a split file (`restrict(to:)`); nil reads to the end.
  private var end: Int?

  /// Opens `path` and reads its first chunk to look for the gzip magic.
  init(path: String) throws(InputError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw InputError(message: "cannot open: \(PlainInput.systemError())") }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      let message = "cannot read: \(PlainInput.systemError())"
      close(fd)
      throw InputError(message: message)
    }
    guard (status.st_mode & S_IFMT) != S_IFDIR else {
      close(fd)
      throw InputError(message: "cannot read: it is a folder")
    }
    descriptor = fd
    diskSize = Int(status.st_size)
    do {
      let first = try PlainInput.readRaw(
        fd, count: PlainInput.readSize(diskSize: diskSize, consumed: 0))
      rawConsumed = first.count
      rawEnded = first.count < PlainInput.readSize(diskSize: diskSize, consumed: 0)
      compressed = first.count >= 2 && first[0] == 0x1F && first[1] == 0x8B
      inflater = compressed ? try PlainInput.makeInflater() : nil
      firstRaw = first
    } catch {
      close(fd)
      throw error
    }
  }

  deinit { close(descriptor) }

  /// From now on hands out only the bytes in `range` of the file, which must not be
  /// compressed: a piece of a file the plan split at line ends (`FilePart`).
  func restrict(to range: Range<Int>) throws(InputError) {
    precondition(!compressed, "a compressed file cannot be read from an offset")
    guard lseek(descriptor, off_t(range.lowerBound), SEEK_SET) >= 0 else {
      throw InputError(message: "cannot seek to byte \(range.lowerBound): \(Self.systemError())")
    }
    (firstRaw, rawConsumed, end) = (nil, range.lowerBound, range.upperBound)
    (rawEnded, reachedEnd, failure) = (false, false, nil)
  }

  /// The next chunk of plain (decompressed) bytes, or nil at the end of the file.
  /// Throws when the disk read fails or the gzip data is corrupt or truncated,
  /// and from then on throws the same error again: a broken stream stays broken,
  /// so a caller that stops early can leave the error to whoever reads on.
  func next() throws(InputError) -> [UInt8]? {
    if let failure { throw failure }
    do {
      return try nextPlain()
    } catch {
      failure = error
      throw error
    }
  }

  private func nextPlain() throws(InputError) -> [UInt8]? {
    while !reachedEnd {
      let raw = try nextRaw()
      guard let inflater else {
        if raw.isEmpty { reachedEnd = true }
        return raw.isEmpty ? nil : raw
      }
      if raw.isEmpty {
        reachedEnd = true
        do { try inflater.finish() } catch { throw InputError(message: error.message) }
        return nil
      }
      var plain: [UInt8] = []
      let inflated = raw.withUnsafeBytes { bytes in
        Result { () throws(GzipError) in try inflater.inflate(bytes, into: &plain) }
      }
      if case .failure(let error) = inflated { throw InputError(message: error.message) }
      if !plain.isEmpty { return plain }
    }
    return nil
  }

  /// Reads and discards the rest of the input, returning how many plain bytes
  /// it held: an oversized whole-file article is rejected with its true size.
  func skipRest() throws(InputError) -> Int {
    var total = 0
    while let chunk = try next() { total += chunk.count }
    return total
  }

  private func nextRaw() throws(InputError) -> [UInt8] {
    if let first = firstRaw {
      firstRaw = nil
      return first
    }
    if rawEnded { return [] }
    var size =
      compressed
      ? PlainInput.gzipChunkBytes : PlainInput.readSize(diskSize: diskSize, consumed: rawConsumed)
    if let end { size = min(size, end - rawConsumed) }
    guard size > 0 else { return [] }
    let raw = try PlainInput.readRaw(descriptor, count: size)
    rawConsumed += raw.count
    rawEnded = raw.count < size
    return raw
  }

  /// How much to ask for: a chunk, but for a small file just its size and one
  /// byte more (to see the end), so that a crawl of many small files does not
  /// allocate and fault in a megabyte per file.
  private static func readSize(diskSize: Int, consumed: Int) -> Int {
    min(plainChunkBytes, max(diskSize - consumed + 1, 1 << 16))
  }

  private static func makeInflater() throws(InputError) -> GzipInflater {
    do { return try GzipInflater() } catch { throw InputError(message: error.message) }
  }

  /// Reads up to `count` bytes, fewer only at the end of the file.
  private static func readRaw(_ fd: Int32, count: Int) throws(InputError) -> [UInt8] {
    var failure: InputError?
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      initialized = 0
      guard let base = buffer.baseAddress else { return }
      while initialized < count {
        let got = read(fd, base + initialized, count - initialized)
        if got > 0 {
          initialized += got
        } else if got == 0 {
          return
        } else if errno != EINTR {
          failure = InputError(message: "cannot read: \(systemError())")
          return
        }
      }
    }
    if let failure { throw failure }
    return bytes
  }

  /// The text of the current `errno`, as the OS words it.
  static func systemError() -> String {
    String(cString: strerror(errno))
  }
}
