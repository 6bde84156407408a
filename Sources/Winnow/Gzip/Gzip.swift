import CZlib

/// A gzip failure in zlib or libdeflate, with zlib's own message where it gives one.
public struct GzipError: Error, Equatable, CustomStringConvertible {
  public var message: String
  public var description: String { message }

  init(_ what: String, code: Int32, stream: z_stream) {
    let detail = stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
    message = "\(what): \(detail)"
  }

  init(_ message: String) { self.message = message }
}

/// Streaming gzip decompression: feed compressed chunks, get plain bytes.
/// Concatenated gzip members (as `cat a.gz b.gz` or parallel compressors write) are read through.
public final class GzipInflater {
  private var stream = z_stream()
  private var finishedMember = false
  private var sawInput = false

  public init() throws(GzipError) {
    // 15 + 32: a window of 2^15 and automatic gzip/zlib header detection.
    let code = inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    guard code == Z_OK else {
      throw GzipError("cannot start gzip decompression", code: code, stream: stream)
    }
  }

  deinit { inflateEnd(&stream) }

  /// Decompresses `input` and appends the plain bytes to `output`.
  public func inflate(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(GzipError)
  {
    guard let base = input.baseAddress, input.count > 0 else { return }
    sawInput = true
    stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
    stream.avail_in = UInt32(input.count)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while stream.avail_in > 0 {
      if finishedMember {
        inflateReset(&stream)
        finishedMember = false
      }
      let code: Int32 = chunk.withUnsafeMutableBufferPointer { out in
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        return CZlib.inflate(&stream, Z_NO_FLUSH)
      }
      let produced = chunk.count - Int(stream.avail_out)
      output.append(contentsOf: chunk[0..<produced])
      switch code {
      case Z_STREAM_END: finishedMember = true
      case Z_OK: continue
      case Z_BUF_ERROR where produced > 0: continue
      case Z_BUF_ERROR: return
      default: throw GzipError("corrupt gzip data", code: code, stream: stream)
      }
    }
  }

  /// Checks that the input ended at the end of a gzip member, not in the middle of one.
  public func finish() throws(GzipError) {
    guard !sawInput || finishedMember else {
      throw GzipError("truncated gzip data: the stream ends early")
    }
  }

  /// Decompresses a whole buffer at once.
  public static func decompress(_ data: [UInt8]) throws(GzipError) -> [UInt8] {
    let inflater = try GzipInflater()
    var out: [UInt8] = []
    out.reserveCapacity(data.count * 4)
    try data.withUnsafeBytes { raw in
      Result { () throws(GzipError) in try inflater.inflate(raw, into: &out) }
    }
    .get()
    try inflater.finish()
    return out
  }
}

/// Streaming gzip compression with a deterministic header (mtime 0, no name),
/// so the same bytes in give the same file out.
public final class GzipDeflater {
  private var stream = z_stream()
  private var chunk = [UInt8](repeating: 0, count: 1 << 17)

  public init(level: Int) throws(GzipError) {
    // 15 + 16: a window of 2^15 with a gzip header and trailer.
    let code = deflateInit2_(
      &stream, Int32(level), Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
      Int32(MemoryLayout<z_stream>.size))
    guard code == Z_OK else {
      throw GzipError("cannot start gzip compression", code: code, stream: stream)
    }
  }

  deinit { deflateEnd(&stream) }

  /// Compresses `input`, appending the compressed bytes to `output`.
  public func deflate(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(GzipError)
  {
    guard let base = input.baseAddress, input.count > 0 else { return }
    stream.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self))
    stream.avail_in = UInt32(input.count)
    try run(flush: Z_NO_FLUSH, into: &output)
  }

  /// Ends the gzip member: flushes the rest and writes the trailer.
  public func finish(into output: inout [UInt8]) throws(GzipError) {
    stream.next_in = nil
    stream.avail_in = 0
    try run(flush: Z_FINISH, into: &output)
  }

  private func run(flush: Int32, into output: inout [UInt8]) throws(GzipError) {
    while true {
      let code: Int32 = chunk.withUnsafeMutableBufferPointer { out in
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        return CZlib.deflate(&stream, flush)
      }
      let produced = chunk.count - Int(stream.avail_out)
      output.append(contentsOf: chunk[0..<produced])
      if code == Z_STREAM_END { return }
      guard code == Z_OK || code == Z_BUF_ERROR else {
        throw GzipError("gzip compression failed", code: code, stream: stream)
      }
      if flush == Z_NO_FLUSH && stream.avail_in == 0 && stream.avail_out > 0 { return }
    }
  }

  /// Compresses a whole buffer into one gzip member.
  public static func compress(_ data: [UInt8], level: Int = 6) throws(GzipError) -> [UInt8] {
    let deflater = try GzipDeflater(level: level)
    var out: [UInt8] = []
    try data.withUnsafeBytes { raw in
      Result { () throws(GzipError) in try deflater.deflate(raw, into: &out) }
    }
    .get()
    try deflater.finish(into: &out)
    return out
  }
}
