import Testing

@testable import Winnow

@Suite struct ConcurrentMapTests {
  /// Every input once, results in input order, whether the inputs fill the last chunk or not.
  @Test(arguments: [0, 1, 255, 256, 257, 1000])
  func chunksKeepInputOrder(count: Int) {
    let inputs = Array(0..<count)
    for jobs in [1, 3] {
      #expect(ConcurrentMap.map(inputs, jobs: jobs, chunk: 256) { $0 * 2 } == inputs.map { $0 * 2 })
    }
  }
}
