import Foundation
import Testing

@testable import Winnow

/// Batches come back whole, in submission order, whatever the jobs and the timing,
/// and the caller's thread takes part in the mapping.
@Suite struct BatchOverlapTests {
  /// Uneven work: some inputs take far longer than others, so chunks finish out of order.
  static let transform: @Sendable (Int, inout StageTimes) -> Int = { value, times in
    if value % 7 == 0 { usleep(200) }
    times.add("extract", .zero, articles: 1)
    return value * 2
  }

  @Test(arguments: [1, 2, 3])
  func batchesComeBackInOrder(jobs: Int) {
    let overlap = BatchOverlap<Int, Int>(jobs: jobs, depth: 1, Self.transform)
    var outputs: [Int] = []
    var articles = 0
    func take(_ finished: [BatchOverlap<Int, Int>.Done]) {
      for (batch, times) in finished {
        outputs += batch
        articles += times.articles["extract"] ?? 0
      }
    }
    let inputs = Array(0..<2_000)
    for start in stride(from: 0, to: inputs.count, by: 37) {
      take(overlap.submit(Array(inputs[start..<min(start + 37, inputs.count)])))
    }
    take(overlap.finish())
    #expect(outputs == inputs.map { $0 * 2 })
    #expect(articles == inputs.count, "every chunk's times merged once")
  }

  /// With two jobs the caller maps part of a batch while it waits: the work is shared.
  @Test func theCallerHelpsWhileItWaits() {
    let caller = pthread_self()
    let overlap = BatchOverlap<Int, Bool>(jobs: 2, depth: 1) { _, _ in
      usleep(100)
      return pthread_equal(pthread_self(), caller) != 0
    }
    var onCaller = 0
    for _ in 0..<20 {
      onCaller += overlap.submit(Array(0..<64)).flatMap(\.outputs).filter { $0 }.count
    }
    onCaller += overlap.finish().flatMap(\.outputs).filter { $0 }.count
    #expect(onCaller > 0)
  }
}
