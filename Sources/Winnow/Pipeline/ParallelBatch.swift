/// Maps a batch of articles on up to `jobs` threads in chunks; the results keep
/// input order, so the output does not depend on `jobs` or on scheduling. Each
/// chunk charges its stage times to its own `StageTimes`, merged at the end.
enum ParallelBatch {
  static let chunkSize = 4

  static func map<Input: Sendable, Output: Sendable>(
    _ items: [Input], jobs: Int,
    _ transform: @escaping @Sendable (Input, inout StageTimes) -> Output
  ) -> ([Output], StageTimes) {
    let chunks = stride(from: 0, to: items.count, by: chunkSize).map {
      $0..<min($0 + chunkSize, items.count)
    }
    let done = ConcurrentMap.map(Array(chunks.indices), jobs: jobs) { chunk in
      var times = StageTimes()
      let out = items[chunks[chunk]].map { transform($0, &times) }
      return (out, times)
    }
    var times = StageTimes()
    for (_, local) in done { times.merge(local) }
    return (done.flatMap(\.0), times)
  }
}
