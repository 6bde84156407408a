import CDeflate

/// Whole-buffer gzip compression with libdeflate: each call writes one complete
/// gzip member.
///
/// libdeflate compresses a buffer it holds whole, with no streaming state, and
/// on the clean JSON Lines of a run is 2.3× as fast as zlib at level 6 with
/// output a little smaller (docs/benchmarks.md, "Write: zlib, libdeflate and
/// ISA-L").
/// The writer already cuts parts into independent members, so whole buffers are
/// all it needs. The header libdeflate writes is fixed (MTIME 0, no name, OS
/// 255 "unknown"), so the same bytes in give the same member out; the deflate
/// data itself can differ between libdeflate versions, as zlib's can.
///
/// A compressor is not thread-safe: use each from one thread at a time.
final class LibdeflateGzip {
  /// Compression levels libdeflate accepts here: 1 (fastest) to 12 (smallest;
  /// 10–12 use near-optimal parsing and are far slower). Level 0, stored
  /// blocks, is left out as zlib's is.
  static let levels = 1...12

  private let compressor: OpaquePointer

  init(level: Int) throws(GzipError) {
    guard Self.levels.contains(level), let compressor = libdeflate_alloc_compressor(Int32(level))
    else {
      throw GzipError("cannot start libdeflate compression at level \(level)")
    }
    self.compressor = compressor
  }

  deinit { libdeflate_free_compressor(compressor) }

  /// Compresses `data` into one gzip member.
  func compress(_ data: [UInt8]) throws(GzipError) -> [UInt8] {
    let bound = libdeflate_gzip_compress_bound(compressor, data.count)
    let compressor = compressor
    let member = data.withUnsafeBytes { input in
      [UInt8](unsafeUninitializedCapacity: bound) { output, count in
        count = libdeflate_gzip_compress(
          compressor, input.baseAddress, input.count, output.baseAddress, output.count)
      }
    }
    // libdeflate returns 0 only when the output does not fit, which the bound rules out.
    guard !member.isEmpty else { throw GzipError("libdeflate gzip compression failed") }
    return member
  }
}
