import Glibc

/// A piece of one large input file, cut by the plan at a line end so that a huge JSON
/// Lines or TSV file spreads over shards like a folder of files: the bytes
/// `offset..<end`, which come after `linesBefore` lines of the file.
public struct FilePart: Sendable, Codable, Equatable {
  public var offset: Int
  public var end: Int
  /// Nil when the plan did not count them (after the first part): a run in one shard
  /// reads the parts in order and counts as it goes (`read(_:part:linesBefore:emit:)`
  /// returns the count).
  public var linesBefore: Int?
}

extension Reader {
  /// Cuts `file` after the first line end at or past every `bytes` (a part then holds
  /// at least `bytes`, the last one at least half that), or returns nil when the file
  /// cannot be read from an offset (gzip-compressed, UTF-16, one article per file,
  /// unreadable) or is one part anyway. Finding a cut reads only from the cut on.
  /// With `countingLines` (a sharded run, whose shards start mid-file) each part also
  /// gets the lines before it, from one pass over the file at `memchr` speed: ids
  /// number a line from the start of its file.
  func parts(of file: InputFile, every bytes: Int, countingLines: Bool) -> [FilePart]? {
    guard let opened = try? open(file), !opened.input.compressed,
      case .lines = opened.layout
    else { return nil }
    let source = LineEnds(path: file.path)
    let size = opened.input.diskSize
    var cuts = [0]
    while let last = cuts.last, let cut = source?.end(ofLineAt: last + bytes - 1),
      size - cut >= max(1, bytes / 2)
    {
      cuts.append(cut)
    }
    guard cuts.count > 1, let source else { return nil }
    var parts = zip(cuts, cuts.dropFirst() + [size]).map {
      FilePart(offset: $0, end: $1, linesBefore: $0 == 0 ? 0 : nil)
    }
    guard countingLines else { return parts }
    var lines = 0
    for index in parts.indices {
      parts[index].linesBefore = lines
      guard let count = source.lineEnds(in: parts[index].offset..<parts[index].end) else {
        return nil  // read whole, the file reports its error in the run
      }
      lines += count
    }
    return parts
  }

  /// Reads the lines of `part` of a file the plan cut (`parts(of:every:countingLines:)`),
  /// numbering them after `linesBefore`: the start of the file decides its encoding and
  /// format, as when it is read whole. Returns the lines of the file up to the part's end.
  @discardableResult
  func read(
    _ file: InputFile, part: FilePart, linesBefore: Int, emit: (ReadResult) -> Void
  ) -> Int {
    var part = part
    part.linesBefore = linesBefore
    do throws(InputError) {
      let opened = try open(file)
      guard case .lines(let source, let encoding) = opened.layout, !opened.input.compressed else {
        throw InputError(message: "it is no longer the uncompressed line file the run planned")
      }
      return readLines(source, opened.input, start: [], encoding: encoding, part: part, emit: emit)
    } catch {
      let source = RecordSource(file: file, format: .jsonl, encoding: .utf8, compressed: false)
      let first = linesBefore + 1
      emit(source.failure(line: first, message: "lines \(first) on: \(error.message)"))
      return linesBefore
    }
  }
}

/// Finds and counts line ends in a file by offset, with `pread`.
private final class LineEnds {
  static let chunkBytes = 1 << 20
  /// Read to find a cut: a few lines' worth, so cutting a huge file reads little of it.
  static let probeBytes = 64 << 10
  private let fd: Int32
  private var buffer = [UInt8](repeating: 0, count: LineEnds.chunkBytes)

  init?(path: String) {
    fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
  }

  deinit { close(fd) }

  /// The offset just after the first line end at or after `offset`; nil past the end.
  func end(ofLineAt offset: Int) -> Int? {
    var at = offset
    while let count = read(at, limit: Self.probeBytes), count > 0 {
      let found = buffer.withUnsafeBytes { bytes -> Int? in
        guard let base = bytes.baseAddress, let end = memchr(base, 0x0A, count) else { return nil }
        return UnsafeRawPointer(end) - base
      }
      if let found { return at + found + 1 }
      at += count
    }
    return nil
  }

  /// How many line ends `range` holds; nil when the file cannot be read.
  func lineEnds(in range: Range<Int>) -> Int? {
    var (at, total) = (range.lowerBound, 0)
    while at < range.upperBound {
      guard let count = read(at, limit: range.upperBound - at), count > 0 else { return nil }
      total += buffer.withUnsafeBytes { Self.count(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
      at += count
    }
    return total
  }

  /// Reads up to `limit` bytes (at most a chunk) at `offset` into `buffer`.
  private func read(_ offset: Int, limit: Int) -> Int? {
    let want = min(limit, Self.chunkBytes)
    while true {
      let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(offset)) }
      if got >= 0 { return got }
      if errno != EINTR { return nil }  // a signal is no reason to cut a file differently
    }
  }

  private static func count(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    var (start, total) = (0, 0)
    while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
      start = UnsafeRawPointer(found) - base + 1
      total += 1
    }
    return total
  }
}
