/// Streams a work file's records through a transform on `jobs` threads, one batch
/// at a time, and hands the results on in file order: how every stage that reads
/// articles back keeps its cores busy while holding a few batches in memory.
/// Reading and consuming overlap the transform (`BatchOverlap`).
struct RecordStream {
  let file: WorkFileReader
  let jobs: Int
  /// Records per batch.
  var batchSize = CleanStage.batchSize

  /// Calls `consume` with `transform`'s result for each record, in order; `transform`
  /// gets the record's number in the file. A nil result (a record that does not
  /// decode) stops the stream with an error naming the file.
  func run<Output: Sendable>(
    times: inout StageTimes,
    _ transform: @escaping @Sendable (_ index: Int, _ bytes: [UInt8], inout StageTimes) -> Output?,
    consume: (Output) throws -> Void
  ) throws {
    let overlap = BatchOverlap<(Int, [UInt8]), Output?>(jobs: jobs) { transform($0.0, $0.1, &$1) }
    defer { _ = overlap.finish() }
    func take(_ finished: [BatchOverlap<(Int, [UInt8]), Output?>.Done]) throws {
      for (outputs, batchTimes) in finished {
        times.merge(batchTimes)
        for result in outputs {
          guard let result else {
            throw StageError(
              path: file.path, message: "a record does not decode: the file is damaged")
          }
          try consume(result)
        }
      }
    }
    var batch: [(Int, [UInt8])] = []
    var count = 0
    try file.forEachRecord { bytes in
      batch.append((count, Array(bytes)))
      count += 1
      guard batch.count >= batchSize else { return }
      try take(overlap.submit(batch))
      batch.removeAll(keepingCapacity: true)
    }
    if !batch.isEmpty { try take(overlap.submit(batch)) }
    try take(overlap.finish())
  }
}
