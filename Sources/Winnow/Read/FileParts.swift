import Glibc

/// A piece of one large input file, cut by the plan at a line end so that a huge JSON
/// Lines or TSV file spreads over shards like a folder of files: the bytes
/// `offset..<end`, which come after `linesBefore` lines of the file.
public struct FilePart: Sendable, Codable, Equatable {
  public var offset: Int
  public var end: Int
  public var linesBefore: Int
}

extension Reader {
  /// Cuts `file` at line ends into parts of at least `bytes` each (the last one at
  /// least half that), or returns nil when the file cannot be read from an offset
  /// (gzip-compressed, UTF-16, one article per file, unreadable) or is one part anyway.
  /// Counts the lines on the way, in one pass at `memchr` speed: ids number a line
  /// from the start of its file, so a part must know the lines before it.
  func parts(of file: InputFile, every bytes: Int) -> [FilePart]? {
    guard let opened = try? open(file), !opened.input.compressed,
      case .lines = opened.layout
    else { return nil }
    let input = opened.input
    let size = input.diskSize
    var parts: [FilePart] = []
    var current = FilePart(offset: 0, end: size, linesBefore: 0)
    var (lines, offset) = (0, 0)
    do {
      try input.restrict(to: 0..<size)
      while let chunk = try input.next() {
        chunk.withUnsafeBytes { chunk in
          guard let base = chunk.baseAddress else { return }
          var start = 0
          while start < chunk.count, let found = memchr(base + start, 0x0A, chunk.count - start) {
            start = UnsafeRawPointer(found) - base + 1
            lines += 1
            let cut = offset + start
            if cut - current.offset >= bytes && size - cut >= max(1, bytes / 2) {
              current.end = cut
              parts.append(current)
              current = FilePart(offset: cut, end: size, linesBefore: lines)
            }
          }
        }
        offset += chunk.count
      }
    } catch {
      return nil  // read whole, the file reports its error in the run
    }
    parts.append(current)
    return parts.count > 1 ? parts : nil
  }

  /// Reads the lines of `part` of a file the plan cut (`parts(of:every:)`): the start
  /// of the file decides its encoding and format, as when it is read whole, and lines
  /// are numbered from the file's first.
  func read(_ file: InputFile, part: FilePart, emit: (ReadResult) -> Void) {
    do throws(InputError) {
      let opened = try open(file)
      guard case .lines(let source, let encoding) = opened.layout, !opened.input.compressed else {
        throw InputError(message: "it is no longer the uncompressed line file the run planned")
      }
      readLines(source, opened.input, start: [], encoding: encoding, part: part, emit: emit)
    } catch {
      let source = RecordSource(file: file, format: .jsonl, encoding: .utf8, compressed: false)
      let first = part.linesBefore + 1
      emit(source.failure(line: first, message: "lines \(first) on: \(error.message)"))
    }
  }
}
