/// Maps items in chunks on up to `jobs` tasks; the results keep input order, so
/// the output does not depend on `jobs` or on scheduling. Each task charges its
/// stage times to its own `StageTimes`, merged at the end.
enum ParallelMap {
  static let chunkSize = 64

  static func run<Input: Sendable, Output: Sendable>(
    _ items: [Input], jobs: Int,
    _ transform: @escaping @Sendable (Input, inout StageTimes) -> Output
  ) async -> ([Output], StageTimes) {
    let chunks = stride(from: 0, to: items.count, by: chunkSize).map {
      $0..<min($0 + chunkSize, items.count)
    }
    var done = [[Output]](repeating: [], count: chunks.count)
    var times = StageTimes()
    await withTaskGroup(of: (Int, [Output], StageTimes).self) { group in
      var next = 0
      func launch() {
        let index = next
        let range = chunks[index]
        group.addTask {
          var local = StageTimes()
          let out = items[range].map { transform($0, &local) }
          return (index, out, local)
        }
        next += 1
      }
      while next < min(jobs, chunks.count) { launch() }
      for await (index, out, local) in group {
        done[index] = out
        times.merge(local)
        if next < chunks.count { launch() }
      }
    }
    return (done.flatMap { $0 }, times)
  }
}
