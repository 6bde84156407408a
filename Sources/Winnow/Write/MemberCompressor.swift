import Dispatch

/// Compresses chunks of a part file on worker threads, each chunk as its own
/// gzip member, and hands the members back in submission order.
///
/// Compression is the slowest step of a run on a single thread; independent
/// members let every core compress while the writer goes on encoding JSON. A
/// file of concatenated members is one valid gzip stream (RFC 1952 §2.2): `zcat`,
/// Python's `gzip`, Go and Java read it whole. Chunk boundaries depend only on the
/// records, so the output stays byte-identical from run to run.
final class MemberCompressor {
  /// One chunk on its way through a worker. `done` is signalled after `result`
  /// is set, and `result` is read only after waiting on `done`: the semaphore
  /// orders the two threads' accesses, hence `@unchecked Sendable`.
  private final class Pending: @unchecked Sendable {
    var result: Result<[UInt8], GzipError> = .success([])
    var duration = Duration.zero
    let done = DispatchSemaphore(value: 0)
  }

  private let compressor: GzipCompressor
  private let level: Int
  private let jobs: Int
  private let maxInFlight: Int
  private var queue: [Pending] = []
  /// Time spent compressing the members handed back so far, summed over threads.
  private(set) var duration = Duration.zero

  /// With `jobs` 1 every chunk is compressed at once on the caller's thread: one job
  /// is one thread of work, which is what `--jobs 1` promises.
  init(compressor: GzipCompressor, level: Int, jobs: Int = System.coreCount) {
    self.compressor = compressor
    self.level = level
    self.jobs = max(1, jobs)
    maxInFlight = 2 * self.jobs
  }

  /// Compresses `chunk` into one gzip member with `compressor` at `level`.
  ///
  /// A libdeflate or ISA-L compressor is made for each chunk rather than kept
  /// per thread: at every level that costs nothing measurable beside
  /// compressing 1 MiB (docs/benchmarks.md), and no state is shared between
  /// workers.
  static func member(_ chunk: [UInt8], compressor: GzipCompressor, level: Int) throws(GzipError)
    -> [UInt8]
  {
    switch compressor {
    case .libdeflate: try LibdeflateGzip(level: level).compress(chunk)
    case .isal: try IsalGzip(level: level).compress(chunk)
    case .zlib: try GzipDeflater.compress(chunk, level: level)
    }
  }

  /// Starts compressing `chunk`; returns the members finished so far, in order,
  /// waiting for the oldest while too many are in flight.
  func submit(_ chunk: [UInt8]) throws(GzipError) -> [[UInt8]] {
    if jobs == 1 {
      let clock = ContinuousClock()
      let start = clock.now
      defer { duration += clock.now - start }
      return [try Self.member(chunk, compressor: compressor, level: level)]
    }
    let pending = Pending()
    let (compressor, level) = (compressor, level)
    DispatchQueue.global().async {
      let clock = ContinuousClock()
      let start = clock.now
      pending.result = Result { () throws(GzipError) in
        try Self.member(chunk, compressor: compressor, level: level)
      }
      pending.duration = clock.now - start
      pending.done.signal()
    }
    queue.append(pending)
    var ready: [[UInt8]] = []
    while let head = queue.first {
      if queue.count > maxInFlight {
        head.done.wait()
      } else if head.done.wait(timeout: .now()) != .success {
        break
      }
      queue.removeFirst()
      duration += head.duration
      ready.append(try head.result.get())
    }
    return ready
  }

  /// Waits for every chunk still in flight and returns their members in order.
  func drain() throws(GzipError) -> [[UInt8]] {
    var ready: [[UInt8]] = []
    for pending in queue {
      pending.done.wait()
      duration += pending.duration
      ready.append(try pending.result.get())
    }
    queue.removeAll()
    return ready
  }
}
