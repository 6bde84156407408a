import Foundation
import Synchronization

/// Maps batches on `jobs` threads while the caller reads the next batch and consumes
/// the last, so a stage's serial work (reading, appending to its files, counting)
/// overlaps the parallel work instead of alternating with it. Results come back in
/// submission order. At most `depth` batches wait or sit finished at once, which
/// bounds memory.
///
/// The caller's thread is one of the `jobs`: a thread of its own maps the oldest
/// batch (with `jobs − 2` more threads when there are more than two jobs), and the
/// caller, instead of sleeping while the queue is full or at the end, takes chunks of
/// that batch too. Three busy threads on two cores (the old design: a reader and two
/// mappers) preempted each other and spent 12 % more CPU on the same work (`perf`:
/// scheduler entries, and the normalizer's tables evicted from the cache).
/// With `jobs` 1 a batch is mapped at once on the caller's thread.
final class BatchOverlap<Input: Sendable, Output: Sendable>: @unchecked Sendable {
  typealias Done = (outputs: [Output], times: StageTimes)
  typealias Transform = @Sendable (Input, inout StageTimes) -> Output

  // `pending`, `done`, `active`, `closed` and `inFlight` are only touched with
  // `condition` locked.
  private let condition = NSCondition()
  private var pending: [[Input]] = []
  private var done: [Done] = []
  /// The batch being mapped, whose chunks anyone may take.
  private var active: MapJob<Input, Output>?
  private var closed = false
  private var inFlight = 0
  private let depth: Int
  private let jobs: Int
  private let transform: Transform

  init(jobs: Int, depth: Int = 2, _ transform: @escaping Transform) {
    self.depth = max(1, depth)
    self.jobs = max(1, jobs)
    self.transform = transform
    guard jobs > 1 else { return }
    let thread = Thread { [self] in work() }
    thread.stackSize = DedicatedThread.stackBytes
    thread.start()
  }

  /// Hands `batch` over, helping with the batch being mapped while `depth` batches
  /// are in flight; returns the batches finished so far, oldest first.
  func submit(_ batch: [Input]) -> [Done] {
    guard jobs > 1 else {
      let job = MapJob(batch, transform)
      job.work()
      return [job.result()]
    }
    condition.lock()
    defer { condition.unlock() }
    waitHelping { inFlight >= depth && done.isEmpty }
    let finished = takeDone()
    pending.append(batch)
    inFlight += 1
    condition.broadcast()
    return finished
  }

  /// Helps until every batch handed over is mapped and returns those not returned
  /// yet; the mapping thread then ends.
  func finish() -> [Done] {
    condition.lock()
    defer { condition.unlock() }
    closed = true
    condition.broadcast()
    waitHelping { done.count < inFlight }
    return takeDone()
  }

  /// While `blocked`, maps chunks of the active batch, or sleeps when it has none left.
  /// Called and returns with `condition` locked.
  private func waitHelping(while blocked: () -> Bool) {
    while blocked() {
      if let job = active, job.hasChunks {
        condition.unlock()
        if job.work() { signal() }
        condition.lock()
      } else {
        condition.wait()
      }
    }
  }

  private func takeDone() -> [Done] {
    let finished = done
    done.removeAll()
    inFlight -= finished.count
    return finished
  }

  private func signal() {
    condition.lock()
    condition.broadcast()
    condition.unlock()
  }

  /// The mapping thread: publishes each batch as the active job, maps it with
  /// `jobs − 2` extra threads and whoever helps, and waits for its last chunk.
  private func work() {
    while let batch = next() {
      let job = MapJob(batch, transform)
      condition.lock()
      active = job
      condition.broadcast()
      condition.unlock()
      let extra = ExtraThreads(count: jobs - 2) { if job.work() { self.signal() } }
      job.work()
      extra.join()
      condition.lock()
      while !job.isFinished { condition.wait() }
      active = nil
      done.append(job.result())
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

/// One batch being mapped: chunks of a few inputs taken by whichever thread asks, each
/// chunk's outputs written to its own slot, so the result keeps input order whatever
/// the threads and their timing.
private final class MapJob<Input: Sendable, Output: Sendable>: @unchecked Sendable {
  static var chunkSize: Int { 4 }

  let batch: [Input]
  let transform: BatchOverlap<Input, Output>.Transform
  let chunkCount: Int
  /// Chunk `k`'s outputs and times; each slot is written by the one thread that took `k`.
  private let slots: UnsafeMutableBufferPointer<([Output], StageTimes)?>
  private let cursor = Atomic<Int>(0)
  private let finished = Atomic<Int>(0)

  init(_ batch: [Input], _ transform: @escaping BatchOverlap<Input, Output>.Transform) {
    self.batch = batch
    self.transform = transform
    chunkCount = (batch.count + Self.chunkSize - 1) / Self.chunkSize
    slots = .allocate(capacity: chunkCount)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  var hasChunks: Bool { cursor.load(ordering: .relaxed) < chunkCount }
  var isFinished: Bool { finished.load(ordering: .acquiring) == chunkCount }

  /// Maps chunks until none is left to take; returns true when this call finished the
  /// batch's last chunk (whoever waits for the batch must then be woken).
  @discardableResult
  func work() -> Bool {
    var finishedLast = false
    while case let k = cursor.wrappingAdd(1, ordering: .relaxed).oldValue, k < chunkCount {
      let range = (k * Self.chunkSize)..<min((k + 1) * Self.chunkSize, batch.count)
      var times = StageTimes()
      slots[k] = (batch[range].map { transform($0, &times) }, times)
      let count = finished.wrappingAdd(1, ordering: .releasing).newValue
      finishedLast = finishedLast || count == chunkCount
    }
    return finishedLast
  }

  /// The outputs in input order and the chunks' times summed; only once finished.
  func result() -> BatchOverlap<Input, Output>.Done {
    var times = StageTimes()
    var outputs: [Output] = []
    outputs.reserveCapacity(batch.count)
    for slot in slots {
      guard let (chunk, chunkTimes) = slot else { continue }
      outputs.append(contentsOf: chunk)
      times.merge(chunkTimes)
    }
    return (outputs, times)
  }
}

/// Threads that run one body each, started at once and joined together.
private struct ExtraThreads {
  private let done = DispatchSemaphore(value: 0)
  private let count: Int

  init(count: Int, _ body: @escaping @Sendable () -> Void) {
    self.count = max(0, count)
    for _ in 0..<self.count {
      let thread = Thread { [done] in
        body()
        done.signal()
      }
      thread.stackSize = DedicatedThread.stackBytes
      thread.start()
    }
  }

  func join() {
    for _ in 0..<count { done.wait() }
  }
}
