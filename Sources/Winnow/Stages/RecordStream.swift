/// Streams a work file's records through a transform on `jobs` threads, one batch
/// at a time, and hands the results on in file order: how every stage that reads
/// articles back keeps its cores busy while holding a few batches in memory.
/// Reading and consuming overlap the transform (`BatchOverlap`).
struct RecordStream {
  /// One record as read: its number in the file, where it starts, its bytes.
  struct Record: Sendable {
    var index: Int
    var offset: Int
    var bytes: [UInt8]
  }

  let file: WorkFileReader
  let jobs: Int
  /// Records per batch.
  var batchSize = CleanStage.batchSize

  /// Calls `consume` with `transform`'s result for each record, in order. A nil result
  /// (a record that does not decode) stops the stream with an error naming the file.
  func run<Output: Sendable>(
    times: inout StageTimes,
    _ transform: @escaping @Sendable (Record, inout StageTimes) -> Output?,
    consume: (Output) throws -> Void
  ) throws {
    let overlap = BatchOverlap<Record, Output?>(jobs: jobs, transform)
    defer { _ = overlap.finish() }
    func take(_ finished: [BatchOverlap<Record, Output?>.Done]) throws {
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
    var batch: [Record] = []
    var count = 0
    try file.forEachRecordAndOffset { bytes, offset in
      batch.append(Record(index: count, offset: offset, bytes: Array(bytes)))
      count += 1
      guard batch.count >= batchSize else { return }
      try take(overlap.submit(batch))
      batch.removeAll(keepingCapacity: true)
    }
    if !batch.isEmpty { try take(overlap.submit(batch)) }
    try take(overlap.finish())
  }
}
