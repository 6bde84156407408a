import CDeflate
import Glibc

/// The system calls of work files (and of the output's files), retried on EINTR and short
/// counts. Each returns false (or nil) with `errno` set, for the caller to turn into an
/// error naming its file.
enum WorkFileIO {
  /// Writes all of `bytes` at the file's position.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var done = 0
    while done < bytes.count {
      let n = write(fd, bytes.baseAddress.unsafelyUnwrapped + done, bytes.count - done)
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      done += n
    }
    return true
  }

  /// Writes all of `bytes` at `offset`, leaving the file's position alone.
  static func pwriteAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
    var done = 0
    while done < bytes.count {
      let n = pwrite(
        fd, bytes.baseAddress.unsafelyUnwrapped + done, bytes.count - done, off_t(offset + done))
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      done += n
    }
    return true
  }

  /// Fills `buffer` from `offset`; returns the bytes read, fewer only at the end of the
  /// file. `pread` keeps no shared position, so several threads may read one descriptor.
  static func preadFull(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer, at offset: Int)
    -> Int?
  {
    var done = 0
    while done < buffer.count {
      let n = pread(
        fd, buffer.baseAddress.unsafelyUnwrapped + done, buffer.count - done, off_t(offset + done))
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { return nil }
      if n == 0 { break }
      done += n
    }
    return done
  }

  /// CRC-32 of the payload, continued over each chunk as it passes: libdeflate's
  /// carry-less multiply version runs at many GB/s, far above the disk.
  static func crc32(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
    guard let base = bytes.baseAddress else { return crc }
    return libdeflate_crc32(crc, base, bytes.count)
  }
}
