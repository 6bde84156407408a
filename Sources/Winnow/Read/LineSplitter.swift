import Glibc

/// One line of a line-based input, handed out by `LineSplitter`.
enum SplitLine {
  /// A line without its `\n` or `\r\n`. `bytes` is only valid during the call.
  case text(number: Int, offset: Int, bytes: UnsafeRawBufferPointer)
  /// A line longer than the limit; its bytes were counted, not kept.
  case oversized(number: Int, offset: Int, size: Int)
}

/// Cuts a stream of chunks into lines without copying lines that lie inside
/// one chunk, and without ever holding more than `maxLineBytes` of a line that
/// spans chunks: a runaway line is counted and reported, not buffered.
struct LineSplitter {
  let maxLineBytes: Int
  /// Lines handed out so far; the next line's number is this plus one.
  private(set) var linesDone = 0
  /// Offset of the start of the next line in the (decompressed) input.
  private(set) var offset = 0
  private var pending: [UInt8] = []
  /// Size so far of a pending line that grew past the limit, which is then no longer kept.
  private var overflow: Int?

  /// `startOffset` is where the first line starts (after a byte order mark, or where
  /// a piece of a split file starts), `linesBefore` how many lines come before it.
  init(maxLineBytes: Int, startOffset: Int = 0, linesBefore: Int = 0) {
    self.maxLineBytes = maxLineBytes
    offset = startOffset
    linesDone = linesBefore
  }

  /// Hands out every line that `chunk` completes; the rest waits for the next chunk.
  mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (SplitLine) -> Void) {
    guard let base = chunk.baseAddress else { return }
    var start = 0
    while start < chunk.count {
      guard let found = memchr(base + start, 0x0A, chunk.count - start) else {
        keep(UnsafeRawBufferPointer(rebasing: chunk[start...]))
        return
      }
      let end = UnsafeRawPointer(found) - base
      let piece = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
      if pending.isEmpty && overflow == nil {
        deliver(piece, terminator: 1, body)
      } else {
        keep(piece)
        deliverPending(terminator: 1, body)
      }
      start = end + 1
    }
  }

  /// Hands out the last line if the input did not end with a newline.
  mutating func finish(_ body: (SplitLine) -> Void) {
    if !pending.isEmpty || overflow != nil { deliverPending(terminator: 0, body) }
  }

  private mutating func keep(_ piece: UnsafeRawBufferPointer) {
    if let size = overflow {
      overflow = size + piece.count
    } else if pending.count + piece.count > maxLineBytes + 1 {
      overflow = pending.count + piece.count
      pending = []
    } else {
      pending.append(contentsOf: piece)
    }
  }

  private mutating func deliverPending(terminator: Int, _ body: (SplitLine) -> Void) {
    if let size = overflow {
      linesDone += 1
      body(.oversized(number: linesDone, offset: offset, size: size))
      offset += size + terminator
      overflow = nil
    } else {
      let line = pending
      pending.removeAll(keepingCapacity: true)
      line.withUnsafeBytes { deliver($0, terminator: terminator, body) }
    }
  }

  private mutating func deliver(
    _ raw: UnsafeRawBufferPointer, terminator: Int, _ body: (SplitLine) -> Void
  ) {
    linesDone += 1
    let hasCR = raw.last == 0x0D
    let line = hasCR ? UnsafeRawBufferPointer(rebasing: raw.dropLast()) : raw
    if line.count > maxLineBytes {
      body(.oversized(number: linesDone, offset: offset, size: line.count))
    } else {
      body(.text(number: linesDone, offset: offset, bytes: line))
    }
    offset += raw.count + terminator
  }
}
