import CIsal

/// Whole-buffer gzip compression with ISA-L's igzip: each call writes one
/// complete gzip member.
///
/// igzip trades ratio for speed: on the clean JSON Lines of a run its level 3
/// compresses about 4× as fast as libdeflate's level 6 on one core, with output
/// 8 % larger (docs/benchmarks.md, "Write: zlib, libdeflate and ISA-L"). That makes
/// it the choice when CPU time counts more than disk. Its header is fixed (MTIME
/// 0, no name, OS 255), so the same bytes in give the same member out on one
/// machine; igzip picks its code for the CPU it runs on, so members written on
/// machines with different instruction sets may differ (the text they hold does
/// not).
///
/// A compressor is not thread-safe: use each from one thread at a time.
final class IsalGzip {
  /// Compression levels igzip accepts here: 1 (fastest) to 3 (smallest). Level
  /// 0 is left out as zlib's stored level is: this writer's levels start at 1.
  static let levels = 1...3

  private let level: Int
  private let stream: UnsafeMutablePointer<isal_zstream>
  private let levelBuffer: UnsafeMutableRawBufferPointer

  init(level: Int) throws(GzipError) {
    guard Self.levels.contains(level) else {
      throw GzipError("cannot start ISA-L compression at level \(level)")
    }
    self.level = level
    stream = .allocate(capacity: 1)
    levelBuffer = .allocate(
      byteCount: Int(winnow_isal_level_buffer_size(Int32(level))), alignment: 16)
  }

  deinit {
    stream.deallocate()
    levelBuffer.deallocate()
  }

  /// Compresses `data` into one gzip member.
  func compress(_ data: [UInt8]) throws(GzipError) -> [UInt8] {
    guard data.count < Int(UInt32.max) / 2 else {
      throw GzipError("ISA-L compresses at most 2 GiB at once, not \(data.count) bytes")
    }
    // Stored blocks bound deflate's output: 5 bytes per 64 KiB block, plus the
    // gzip header and trailer and a block's worth of slack for the last one.
    let bound = data.count + 5 * (data.count / 65_535 + 2) + 64 + 1024
    var status = COMP_OK
    let member = data.withUnsafeBufferPointer { input in
      [UInt8](unsafeUninitializedCapacity: bound) { output, count in
        isal_deflate_stateless_init(stream)
        stream.pointee.level = UInt32(level)
        stream.pointee.level_buf = levelBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
        stream.pointee.level_buf_size = UInt32(levelBuffer.count)
        stream.pointee.gzip_flag = UInt16(IGZIP_GZIP)
        stream.pointee.end_of_stream = 1
        stream.pointee.flush = UInt16(NO_FLUSH)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = output.baseAddress
        stream.pointee.avail_out = UInt32(output.count)
        status = isal_deflate_stateless(stream)
        count = status == COMP_OK ? Int(stream.pointee.total_out) : 0
      }
    }
    // Stateless deflate fails only when the output does not fit, which the bound rules out.
    guard status == COMP_OK, !member.isEmpty else {
      throw GzipError("ISA-L gzip compression failed (status \(status))")
    }
    return member
  }
}
