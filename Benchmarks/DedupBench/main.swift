// Single-thread speed and memory of Winnow's fingerprint and dedup stages.
//
//   winnow-dedup-bench FILE
//
// FILE is JSON Lines of {"id", "text"} (the scaling runs give it prefixes of one synthesized
// file). Everything runs on the calling thread: the figures are per core. Prints one JSON
// object on stdout; see `Report` for the fields.

import CMalloc
import Foundation
import Glibc
import Winnow

/// What one run measured. Seconds are wall clock on one thread (`…CPUSeconds`: its CPU
/// time); bytes are the UTF-8 of the article texts (not of the JSON lines), so MB/s compare
/// with the anchors, which see texts.
struct Report: Encodable {
  var docs = 0
  /// Records the reader could not turn into an article (none expected).
  var readFailures = 0
  var bytes = 0
  /// Making the fingerprinter (and its first call on a short text) and the deduplicator (its
  /// bands × rows search), apart from the figures below: one-time setup per process, not per
  /// article (normalization and folding tables, the S-curve integrals).
  var setupSeconds = 0.0
  /// Winnow's Read stage (`Reader`: encoding check, JSON Lines parsing, streamed in chunks)
  /// and counting each text's scalars.
  var readSeconds = 0.0
  /// `Fingerprinter.fingerprint`: normalize → shingle → signature (content hash included).
  var fingerprintSeconds = 0.0
  /// `Deduplicator.run`: exact-copy join, LSH banding, verification (signature estimate, then
  /// exact Jaccard on shingle sets recomputed from the texts, as a run does), union-find,
  /// clusters.
  var dedupSeconds = 0.0
  /// Thread CPU seconds of the same three steps (see `Stopwatch`).
  var readCPUSeconds = 0.0
  var fingerprintCPUSeconds = 0.0
  var dedupCPUSeconds = 0.0
  /// VmHWM over the whole run.
  var peakRSS = 0
  /// Live heap held per article by the `DedupItem` array once every text is dropped: the
  /// signature buffers plus the item itself (see `heldHeapPerArticle`).
  var heldBytesPerArticle = 0.0
  /// The rise of resident memory above its level before `Deduplicator.run`, per article:
  /// what the band index, the candidate pairs and the union-find add while dedup runs.
  var dedupTransientBytesPerArticle = 0.0
  var bands = 0
  var rows = 0
  var candidatePairs = 0
  var signatureRejected = 0
  var exactChecked = 0
  var verifiedPairs = 0
  var clusters = 0
  var duplicates = 0
}

extension Report {
  mutating func add(read lap: (wall: Double, cpu: Double)) {
    readSeconds += lap.wall
    readCPUSeconds += lap.cpu
  }

  mutating func add(fingerprint lap: (wall: Double, cpu: Double)) {
    fingerprintSeconds += lap.wall
    fingerprintCPUSeconds += lap.cpu
  }
}

/// Resident-set and heap counters of this process (Linux).
enum Memory {
  /// Bytes of heap in use: small-block arena plus mmapped blocks, per glibc's `mallinfo2`.
  static func heapInUse() -> Int {
    let info = mallinfo2()
    return Int(info.uordblks) + Int(info.hblkhd)
  }

  /// A `/proc/self/status` field given in kB (VmRSS, VmHWM), in bytes.
  static func status(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
      return 0
    }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
      let digits = line.dropFirst(field.count + 1).filter(\.isNumber)
      return (Int(digits) ?? 0) * 1024
    }
    return 0
  }

  /// Returns freed heap to the system and restarts VmHWM from the current RSS, so that the
  /// next peak reading belongs to the step that follows. False when the kernel refused.
  static func restartPeak() -> Bool {
    malloc_trim(0)
    guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? handle.close() }
    return (try? handle.write(contentsOf: Data("5".utf8))) != nil
  }
}

/// The body length `DedupItem` wants, in Unicode scalars: the UTF-8 bytes that do not
/// continue a scalar. Counted with the reading (the pipeline's reader and cleaner know it), not
/// with the fingerprint: `String.unicodeScalars.count` walks scalar by scalar.
func scalarCount(_ text: String) -> Int {
  var text = text
  return text.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
}

/// Wall-clock and thread CPU time since the last lap. CPU time is what "per core" means on
/// a shared host: it leaves out the time this thread waited while other jobs held the cores.
struct Stopwatch {
  private var wall = ContinuousClock.now
  private var cpu = Stopwatch.threadCPU()

  static func threadCPU() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
  }

  /// (wall, CPU) seconds since the previous lap or the start, and restarts.
  mutating func lap() -> (wall: Double, cpu: Double) {
    let (nowWall, nowCPU) = (ContinuousClock.now, Stopwatch.threadCPU())
    let elapsed = nowWall - wall
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    defer { (wall, cpu) = (nowWall, nowCPU) }
    return (seconds, nowCPU - cpu)
  }
}

/// Reads every article with Winnow's `Reader` and fingerprints them a batch at a time, timing
/// reading and fingerprinting apart; each batch's texts are dropped once fingerprinted, so
/// memory holds the signatures, not the corpus.
func fingerprintAll(path: String, into report: inout Report) -> [DedupItem] {
  var watch = Stopwatch()
  let fingerprinter = Fingerprinter(config: FingerprintConfig())
  _ = fingerprinter.fingerprint("預熱：一次性的表格")
  report.setupSeconds = watch.lap().wall
  var items: [DedupItem] = []
  var batch: [(text: String, length: Int)] = []
  /// Fingerprints `batch` and empties it; what came before since the last lap was reading.
  func flush(_ report: inout Report) {
    report.add(read: watch.lap())
    let prints = batch.map { fingerprinter.fingerprint($0.text) }
    report.add(fingerprint: watch.lap())
    for (print, body) in zip(prints, batch) {
      items.append(DedupItem(fingerprint: print, bodyLength: body.length))
      report.bytes += body.text.utf8.count
    }
    report.docs += batch.count
    batch.removeAll(keepingCapacity: true)
    _ = watch.lap()
  }
  var failures = 0
  _ = watch.lap()
  Reader(config: ReadConfig()).read(InputFile(path: path, relativePath: path)) { result in
    guard case .document(let document) = result else {
      failures += 1
      return
    }
    batch.append((document.content, scalarCount(document.content)))
    if batch.count == 4096 { flush(&report) }
  }
  flush(&report)
  report.readFailures = failures
  return items
}

/// Every article's text, in the order `fingerprintAll` saw them.
func readTexts(path: String) -> [String] {
  var texts: [String] = []
  Reader(config: ReadConfig()).read(InputFile(path: path, relativePath: path)) { result in
    if case .document(let document) = result { texts.append(document.content) }
  }
  return texts
}

/// Heap held per article by `items`: the live heap now minus `baseline` (the live heap
/// before any article was read, and before the fingerprinter built its tables, which thus
/// count too: ~0.35 MB in all, 35 B per article at 10k articles), over the item count. Every
/// text and chunk is gone by now, and the array is first copied to its exact size so that
/// growth slack does not count; what remains is each signature buffer (128 × 4 bytes, the
/// array header, malloc's chunk overhead) and the item's stride in the array.
func heldHeapPerArticle(_ items: inout [DedupItem], baseline: Int) -> Double {
  items = items.withUnsafeBufferPointer { Array($0) }
  malloc_trim(0)
  return Double(Memory.heapInUse() - baseline) / Double(max(1, items.count))
}

func main() {
  guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: winnow-dedup-bench FILE\n".utf8))
    exit(2)
  }
  let path = CommandLine.arguments[1]

  var report = Report()
  let baseline = Memory.heapInUse()
  var items = fingerprintAll(path: path, into: &report)
  let fingerprintPeak = Memory.status("VmHWM")
  report.heldBytesPerArticle = heldHeapPerArticle(&items, baseline: baseline)

  var watch = Stopwatch()
  let deduplicator = Deduplicator(config: DedupConfig(), signatureLength: 128)
  let fingerprinter = Fingerprinter(config: FingerprintConfig())
  report.setupSeconds += watch.lap().wall
  // The texts again, untimed and before the transient baseline: a run holds them anyway, and
  // exact verification shingles the ones in candidate pairs again.
  let texts = readTexts(path: path)
  let restarted = Memory.restartPeak()
  let before = Memory.status("VmRSS")
  _ = watch.lap()
  let result = deduplicator.run(items) { fingerprinter.shingleSet(texts[$0]) }
  (report.dedupSeconds, report.dedupCPUSeconds) = watch.lap()
  let dedupPeak = Memory.status("VmHWM")
  if restarted {
    report.dedupTransientBytesPerArticle =
      Double(max(0, dedupPeak - before)) / Double(max(1, items.count))
  }
  report.peakRSS = max(fingerprintPeak, dedupPeak)

  let stats = result.stats
  (report.bands, report.rows) = (stats.bands, stats.rows)
  (report.candidatePairs, report.verifiedPairs) = (stats.candidatePairs, stats.verifiedPairs)
  (report.signatureRejected, report.exactChecked) = (stats.signatureRejected, stats.exactChecked)
  (report.clusters, report.duplicates) = (stats.clusters, stats.duplicates)

  let encoder = JSONEncoder()
  encoder.keyEncodingStrategy = .convertToSnakeCase
  encoder.outputFormatting = .sortedKeys
  guard let json = try? encoder.encode(report) else { exit(1) }
  FileHandle.standardOutput.write(json + Data("\n".utf8))
}

main()
