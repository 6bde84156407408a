import Foundation
import Testing

@testable import Winnow

@Suite struct MetricsReportTests {
  @Test func everySampleBelongsToAFamilyWithHelpAndType() {
    let text = MetricsReport.render(ReportFixture.report())
    var declared: Set<String> = []
    for line in text.split(separator: "\n") {
      let words = line.split(separator: " ")
      if line.hasPrefix("# TYPE ") {
        #expect(["counter", "gauge"].contains(String(words[3])))
        declared.insert(String(words[2]))
      } else if !line.hasPrefix("# HELP ") {
        let name = String(line.prefix { $0 != "{" && $0 != " " })
        #expect(declared.contains(name), "\(line)")
        #expect(name.hasPrefix("winnow_"))
        #expect(Double(words.last ?? "") != nil, "\(line)")
      }
    }
    #expect(text.hasSuffix("\n"))
  }

  @Test func carriesCountsTimesAndTheLastSuccess() {
    let text = MetricsReport.render(ReportFixture.report())
    for line in [
      "winnow_articles_total{decision=\"kept\"} 1",
      "winnow_rejected_articles_total{reason=\"quality\"} 1",
      "winnow_stage_seconds_total{stage=\"read\"} 1.5", "winnow_run_duration_seconds 10",
      "winnow_throughput_bytes_per_second 500000", "winnow_dedup{figure=\"verified_pairs\"} 1",
      "winnow_removed_blocks_total{rule=\"app_prompt\"} 1",
      "winnow_last_success_timestamp_seconds 1795309210",
    ] {
      #expect(text.contains(line + "\n"), "\(line)")
    }
  }

  @Test func escapesLabelValues() {
    #expect(
      MetricsReport.labelText(["a": "x\"y\\z\nw", "0": ""]) == "{0=\"\",a=\"x\\\"y\\\\z\\nw\"}")
  }

  /// Runs `promtool check metrics` when Prometheus' tools are installed (scripts/install-deps).
  @Test func promtoolAcceptsTheFile() throws {
    guard
      let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else { return }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: promtool)
    process.arguments = ["check", "metrics"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = output
    try process.run()
    input.fileHandleForWriting.write(Data(MetricsReport.render(ReportFixture.report()).utf8))
    try input.fileHandleForWriting.close()
    let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(said)")
    #expect(said.isEmpty, "\(said)")
  }
}
