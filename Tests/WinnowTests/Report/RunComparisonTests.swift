import Testing

@testable import Winnow

@Suite struct RunComparisonTests {
  @Test func compareListsKeyFiguresAndChangedDetails() {
    let old = ReportFixture.report().summary
    var new = old
    new.runId = "run-3"
    new.counts.articles = 6
    new.counts.rejectedByReason["read_error"] = 2
    new.dedup.stats["verified_pairs"] = 4
    new.dedup.stats["future_figure"] = 7
    let text = RunComparison.text(from: old, to: new)
    #expect(text.hasPrefix("winnow: run-2 (finished 2026-11-22T01:00:10Z) → run-3"))
    #expect(text.contains("articles in "))
    #expect(text.contains("3 → 6  ↑ 3 (+100.0%)"))
    #expect(text.contains("rejected: read_error"))
    #expect(text.contains("0 → 2  ↑ 2"))
    #expect(text.contains("dedup verified_pairs"))
    #expect(text.contains("dedup future_figure"))
    #expect(text.contains("–   → 7  new") || text.contains("– → 7  new"))
    #expect(!text.contains("stage read"), "unchanged details are left out")
  }

  @Test func deltasSayDirectionSizeAndShare() {
    let up = RunComparison.Change(name: "kept", kind: .count, old: 4, new: 5)
    #expect(up.delta == "↑ 1 (+25.0%)")
    let down = RunComparison.Change(name: "time", kind: .seconds, old: 2, new: 1.5)
    #expect(down.delta == "↓ 0.50 s (−25.0%)")
    let share = RunComparison.Change(name: "rate", kind: .share, old: 0.1, new: 0.125)
    #expect(share.delta == "↑ 2.5 pp")
    #expect(RunComparison.Change(name: "x", kind: .bytes, old: 1_000, new: 1_001).delta == "=")
    #expect(RunComparison.Change(name: "x", kind: .count, old: nil, new: 1).delta == "new")
  }
}
