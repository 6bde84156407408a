import Dispatch

/// Maps indices on up to `jobs` threads, results in input order: the
/// shingling that exact verification and containment redo from the text is
/// the dedup stage's only per-article work, and it parallelizes cleanly.
enum ConcurrentMap {
  static func map<Output: Sendable>(
    _ inputs: [Int], jobs: Int, _ transform: @Sendable (Int) -> Output
  ) -> [Output] {
    let workers = max(1, min(jobs, inputs.count))
    guard workers > 1 else { return inputs.map(transform) }
    var results = [Output?](repeating: nil, count: inputs.count)
    results.withUnsafeMutableBufferPointer { buffer in
      // Each worker writes only its own stride of slots, so the writes never overlap.
      nonisolated(unsafe) let slots = buffer
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for k in stride(from: worker, to: inputs.count, by: workers) {
          slots[k] = transform(inputs[k])
        }
      }
    }
    return results.compactMap { $0 }  // every slot was filled above
  }
}
