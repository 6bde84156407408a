import Foundation

/// Runs blocking work on a thread of its own and awaits it. A run's stages block
/// (file I/O, waiting for their worker threads); done on a Swift concurrency
/// thread they would hold one of the few threads that GCD also hands the gzip
/// members to (`MemberCompressor`), leaving a 2-core machine one thread to compress on.
public enum DedicatedThread {
  /// Stack for the work: parsing deeply nested HTML recurses.
  static let stackBytes = 16 << 20

  public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T
  {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread { continuation.resume(with: Result { try body() }) }
      thread.stackSize = stackBytes
      thread.start()
    }
  }
}
