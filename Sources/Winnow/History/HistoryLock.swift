import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Keeps two runs from using one history at once: an exclusive `flock` on
/// `<history>.lock`, taken without waiting. The kernel drops the lock when the
/// process ends, however it ends, so a run killed with SIGKILL never leaves a
/// stale lock behind (a lock *file* that stays is harmless: nobody holds it).
public final class HistoryLock: Sendable {
  /// The lock file.
  public let path: String
  private let descriptor: Int32

  /// Takes the lock for `historyPath`, or throws at once when another process holds it.
  public init(historyPath: String) throws(HistoryError) {
    path = historyPath + ".lock"
    let folder = URL(fileURLWithPath: historyPath).deletingLastPathComponent().path
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotCreateFolder(file: historyPath, message: error.localizedDescription)
    }
    let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw .unreadable(
        file: historyPath, message: "cannot open \(path): \(String(cString: strerror(errno)))")
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let busy = errno == EWOULDBLOCK
      let reason = String(cString: strerror(errno))
      close(fd)
      if busy { throw .locked(file: historyPath, lock: path) }
      throw .unreadable(file: historyPath, message: "cannot lock \(path): \(reason)")
    }
    descriptor = fd
  }

  deinit {
    close(descriptor)  // closing the descriptor releases the lock
  }
}
