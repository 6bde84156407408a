import Foundation
import Testing

@testable import Winnow

/// Throughput of the Read stage on the THUCNews TSV file: plain, repeated into
/// a larger file, and gzip-compressed. Off by default (it only measures); run
/// with `WINNOW_READ_BENCH=1 swift test -c release -Xswiftc -enable-testing
/// --filter ReadThroughput`, and the figures are printed.
@Suite struct ReadThroughputTests {
  static let enabled =
    ProcessInfo.processInfo.environment["WINNOW_READ_BENCH"] != nil && ReadFixtures.thucnews != nil

  @Test(.enabled(if: enabled))
  func thucnewsThroughput() throws {
    let source = try #require(ReadFixtures.thucnews)
    let bytes = try fileBytes(source)
    let scratch = try ScratchFolder()
    defer { scratch.remove() }
    let big = Array([[UInt8]](repeating: bytes, count: 40).joined())
    let bigPath = try scratch.write("big.tsv", big)
    let gzipPath = try scratch.write("big.tsv.gz", try GzipDeflater.compress(big))

    let jsonl = try jsonLines(bytes)
    let jsonlPath = try scratch.write(
      "big.jsonl", Array([[UInt8]](repeating: jsonl, count: 40).joined()))

    let small = measure(source, bytes: bytes.count, rounds: 20)
    let large = measure(bigPath, bytes: big.count, rounds: 3)
    let gzip = measure(gzipPath, bytes: big.count, rounds: 3)
    let records = measure(jsonlPath, bytes: jsonl.count * 40, rounds: 3)
    let files = try measureWholeFiles(bytes, scratch: scratch)
    print(
      "Read throughput: thucnews-val.tsv \(small), 40x copy \(large), 40x copy gzip \(gzip),"
        + " 40x copy as JSON Lines \(records), one .txt file per article \(files)")
    #expect(files.documents == 1000)
    #expect(small.documents == 1000)
    #expect(large.documents == 40_000)
    #expect(gzip.documents == 40_000)
    #expect(records.documents == 40_000)
  }

  /// Each article as a file of its own (the crawler's layout), listed and read.
  private func measureWholeFiles(_ tsv: [UInt8], scratch: ScratchFolder) throws -> Measurement {
    var total = 0
    for (index, line) in tsv.split(separator: 0x0A).enumerated() {
      let text = Array(line.split(separator: 0x09, maxSplits: 1)[1])
      total += text.count
      try scratch.write("files/\(index).txt", text)
    }
    let reader = Reader(config: ReadConfig())
    var result = Measurement()
    for _ in 0..<5 {
      var documents = 0
      let elapsed = ContinuousClock().measure {
        for file in reader.inputFiles([scratch.path + "/files"]).files {
          reader.read(file) { if case .document = $0 { documents += 1 } }
        }
      }
      let seconds =
        Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
      result.documents = documents
      result.megabytesPerSecond = max(result.megabytesPerSecond, Double(total) / seconds / 1e6)
    }
    return result
  }

  /// The TSV lines as JSON Lines records, written by JSONSerialization.
  private func jsonLines(_ tsv: [UInt8]) throws -> [UInt8] {
    var out: [UInt8] = []
    for line in tsv.split(separator: 0x0A) {
      let columns = line.split(separator: 0x09, maxSplits: 1)
      let record = [
        "label": String(decoding: columns[0], as: UTF8.self),
        "text": String(decoding: columns[1], as: UTF8.self),
      ]
      out += try JSONSerialization.data(withJSONObject: record) + [0x0A]
    }
    return out
  }

  struct Measurement: CustomStringConvertible {
    var documents = 0
    var megabytesPerSecond = 0.0
    var description: String {
      "\(Int(megabytesPerSecond)) MB/s (\(documents) documents)"
    }
  }

  /// Best of `rounds`, in MB (10^6 bytes of decompressed input) per second.
  private func measure(_ path: String, bytes: Int, rounds: Int) -> Measurement {
    let reader = Reader(config: ReadConfig())
    var result = Measurement()
    let clock = ContinuousClock()
    for _ in 0..<rounds {
      var documents = 0
      var contentBytes = 0
      let elapsed = clock.measure {
        reader.read(InputFile(path: path, relativePath: "bench.tsv")) { result in
          if case .document(let document) = result {
            documents += 1
            contentBytes += document.content.utf8.count
          }
        }
      }
      let seconds =
        Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
      result.documents = documents
      result.megabytesPerSecond = max(result.megabytesPerSecond, Double(bytes) / seconds / 1e6)
      #expect(contentBytes > 0)
    }
    return result
  }
}
