import Foundation
import Synchronization

/// Maps indices on up to `jobs` threads, results in input order.
///
/// The threads are its own, not GCD's: a run's stages are called from a Swift
/// concurrency task, whose thread is one of the pool `concurrentPerform` would
/// draw from, so on a 2-core machine `concurrentPerform` ran every iteration on
/// the calling thread, one after the other (measured: `--jobs 2` at 88 % CPU).
/// A thread costs tens of microseconds to start, against a batch of articles.
/// Workers take the next index as they finish one, so a long article holds up one
/// thread, not a fixed share of the batch.
enum ConcurrentMap {
  static func map<Output: Sendable>(
    _ inputs: [Int], jobs: Int, _ transform: @escaping @Sendable (Int) -> Output
  ) -> [Output] {
    let workers = max(1, min(jobs, inputs.count))
    guard workers > 1 else { return inputs.map(transform) }
    var results = [Output?](repeating: nil, count: inputs.count)
    results.withUnsafeMutableBufferPointer { buffer in
      // Each index is taken by one worker, so the writes never overlap.
      nonisolated(unsafe) let slots = buffer
      let cursor = Cursor()
      let work: @Sendable () -> Void = {
        while case let k = cursor.next(), k < inputs.count { slots[k] = transform(inputs[k]) }
      }
      let done = DispatchSemaphore(value: 0)
      for _ in 1..<workers {
        let thread = Thread {
          work()
          done.signal()
        }
        thread.stackSize = DedicatedThread.stackBytes  // the work may parse deep HTML
        thread.start()
      }
      work()
      for _ in 1..<workers { done.wait() }
    }
    return results.compactMap { $0 }  // every slot was filled above
  }
}

extension ConcurrentMap {
  /// `transform` of every input, in order, on up to `jobs` threads, handed out in chunks
  /// of `chunk` inputs: for work too small per input to be worth a trip to another
  /// thread (reading two signatures back, merging two shingle sets).
  static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], jobs: Int, chunk: Int, _ transform: @escaping @Sendable (Input) -> Output
  ) -> [Output] {
    let size = max(1, chunk)
    let chunks = Array(0..<((inputs.count + size - 1) / size))
    return map(chunks, jobs: jobs) { chunk in
      inputs[(chunk * size)..<min(inputs.count, (chunk + 1) * size)].map(transform)
    }.flatMap { $0 }
  }
}

/// Hands out 0, 1, 2… to whichever thread asks, each number once, without a lock.
private final class Cursor: Sendable {
  private let value = Atomic<Int>(0)

  func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}
