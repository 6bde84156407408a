/// Fills the report's histograms as records are added: body length and the quality
/// signals the rules judge most often, each with the thresholds from the configuration,
/// and the similarity of every duplicate pair.
struct HistogramCounter: Sendable {
  /// A histogram and how to read its value from an article's signals.
  private struct Signal: Sendable {
    var histogram: RunReport.Histogram
    var value: @Sendable (QualitySignals) -> Double
  }

  private var signals: [Signal]
  private(set) var similarity: RunReport.Histogram

  init(quality q: QualityConfig, dedupThreshold: Double) {
    let lengths: [Double] = [0, 25, 50, 100, 200, 400, 800, 1600, 3200, 6400, 12800]
    signals = [
      Signal(
        histogram: Self.histogram("body_chars", lengths, ("quality.min_chars", Double(q.minChars))),
        value: { Double($0.chars) }),
      Self.share("letter_share", ("quality.min_letter_share", q.minLetterShare)) { $0.letterShare },
      Self.share("punctuation_share", ("quality.max_punctuation_share", q.maxPunctuationShare)) {
        $0.punctuationShare
      },
      Self.share("markup_share", ("quality.max_markup_share", q.maxMarkupShare)) { $0.markupShare },
      Self.share(
        "duplicate_line_share", ("quality.max_duplicate_line_share", q.maxDuplicateLineShare)
      ) {
        $0.duplicateLineShare
      },
      Self.share("top_2gram_share", ("quality.max_top_2gram_share", q.maxTop2gramShare)) {
        $0.topNgramShares.first ?? 0
      },
      Self.share(
        "duplicate_5gram_share", ("quality.max_duplicate_5gram_share", q.maxDuplicate5gramShare)
      ) {
        $0.duplicateNgramShares.first ?? 0
      },
      Self.share("boilerplate_share", ("quality.max_boilerplate_share", q.maxBoilerplateShare)) {
        $0.boilerplateShare
      },
    ]
    // Verified pairs sit at or above the threshold: start a little below it.
    let low = max(0, ((dedupThreshold - 0.2) * 10).rounded(.down) / 10)
    similarity = Self.histogram(
      "pair_similarity", (0...20).map { low + (1 - low) * Double($0) / 20 },
      ("dedup.threshold", dedupThreshold))
  }

  /// Counts one article's signals.
  mutating func add(_ q: QualitySignals) {
    for i in signals.indices { Self.count(signals[i].value(q), in: &signals[i].histogram) }
  }

  /// Counts one duplicate's similarity to its keeper.
  mutating func addPair(similarity value: Double) { Self.count(value, in: &similarity) }

  var histograms: [RunReport.Histogram] { signals.map(\.histogram) + [similarity] }

  /// The counts of the quality histograms, in order: what a `ReportPart` carries.
  var signalCounts: [[Int]] { signals.map(\.histogram.counts) }

  /// Adds another counter's quality counts (same configuration, so same buckets).
  mutating func add(signalCounts: [[Int]]) {
    for (i, counts) in signalCounts.enumerated() where i < signals.count {
      for (j, n) in counts.enumerated() where j < signals[i].histogram.counts.count {
        signals[i].histogram.counts[j] += n
      }
    }
  }

  /// Adds `value` to the bucket holding it; below the first edge or at and above the
  /// last counts in the end buckets.
  static func count(_ value: Double, in h: inout RunReport.Histogram) {
    guard !h.counts.isEmpty else { return }
    var i = 0
    while i + 1 < h.counts.count && value >= h.edges[i + 1] { i += 1 }
    h.counts[i] += 1
  }

  private static func histogram(
    _ name: String, _ edges: [Double], _ threshold: (String, Double)
  ) -> RunReport.Histogram {
    RunReport.Histogram(
      name: name, edges: edges, counts: Array(repeating: 0, count: edges.count - 1),
      thresholds: [RunReport.Threshold(key: threshold.0, value: threshold.1)])
  }

  /// A share in 20 buckets of 0.05.
  private static func share(
    _ name: String, _ threshold: (String, Double),
    _ value: @escaping @Sendable (QualitySignals) -> Double
  ) -> Signal {
    Signal(
      histogram: histogram(name, (0...20).map { Double($0) / 20 }, threshold), value: value)
  }
}
