import Foundation

/// Processes batches on a thread of its own (each batch mapped on `jobs` threads by
/// `ParallelBatch`) while the caller reads the next batch and consumes the last,
/// so a stage's serial work (reading, appending to its files, counting) overlaps
/// the parallel work instead of alternating with it. Results come back in
/// submission order. At most `depth` batches wait or sit finished at once, which
/// bounds memory. With `jobs` 1 a batch is processed at once on the caller's
/// thread: one job is one thread of work.
final class BatchOverlap<Input: Sendable, Output: Sendable>: @unchecked Sendable {
  typealias Done = (outputs: [Output], times: StageTimes)

  // `pending`, `done` and `closed` are only touched with `condition` locked.
  private let condition = NSCondition()
  private var pending: [[Input]] = []
  private var done: [Done] = []
  private var closed = false
  private var inFlight = 0
  private let depth: Int
  /// Set when batches are processed on the caller's thread (`jobs` 1).
  private let inline: (@Sendable (Input, inout StageTimes) -> Output)?

  init(
    jobs: Int, depth: Int = 2,
    _ transform: @escaping @Sendable (Input, inout StageTimes) -> Output
  ) {
    self.depth = max(1, depth)
    inline = jobs > 1 ? nil : transform
    guard jobs > 1 else { return }
    let thread = Thread { [self] in work(jobs: jobs, transform) }
    thread.stackSize = DedicatedThread.stackBytes
    thread.start()
  }

  /// Hands `batch` over, waiting while `depth` batches are in flight; returns the
  /// batches finished so far, oldest first.
  func submit(_ batch: [Input]) -> [Done] {
    if let inline { return [ParallelBatch.map(batch, jobs: 1, inline)] }
    condition.lock()
    defer { condition.unlock() }
    while inFlight >= depth && done.isEmpty { condition.wait() }
    let finished = done
    done.removeAll()
    inFlight -= finished.count
    pending.append(batch)
    inFlight += 1
    condition.broadcast()
    return finished
  }

  /// Waits for every batch handed over and returns those not returned yet; the
  /// processing thread then ends.
  func finish() -> [Done] {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
    while done.count < inFlight { condition.wait() }
    let finished = done
    done.removeAll()
    inFlight = 0
    return finished
  }

  private func work(jobs: Int, _ transform: @escaping @Sendable (Input, inout StageTimes) -> Output)
  {
    while let batch = next() {
      let result = ParallelBatch.map(batch, jobs: jobs, transform)
      condition.lock()
      done.append(result)
      condition.broadcast()
      condition.unlock()
    }
  }

  /// The oldest batch waiting, or nil once `finish` was called and none is left.
  private func next() -> [Input]? {
    condition.lock()
    defer { condition.unlock() }
    while pending.isEmpty && !closed { condition.wait() }
    return pending.isEmpty ? nil : pending.removeFirst()
  }
}
