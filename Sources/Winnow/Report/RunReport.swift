import Foundation

/// Everything a person or a machine needs to review one run. `report.json`
/// is this model; `report.md`, `report.html` and `metrics.prom` are rendered from it
/// (one model, many views), so `winnow report RUN_DIR` can render them again.
/// Keys are snake_case in JSON; `schemaVersion` changes when fields change meaning
/// (2: `learned_boilerplate`; 4: histograms, sites, texts of the clusters shown in full,
/// failing signals of rejected samples, `finished_at`, `previous`; 5: `trend`). Every field is
/// documented in docs/report-schema.md.
public struct RunReport: Sendable, Equatable, SnakeCaseJSON {
  public struct Bytes: Sendable, Equatable, Codable {
    /// Input bytes after decompression.
    public var input = 0
    /// Compressed bytes of `clean/` and of `rejected/`.
    public var clean = 0
    public var rejected = 0
  }

  public struct FormatCount: Sendable, Equatable, Codable {
    public var format: String
    public var articles = 0
    public var clean = 0
  }

  public struct StageTiming: Sendable, Equatable, Codable {
    public var stage: String
    /// Time spent in the stage, summed over worker threads.
    public var seconds: Double
    public var articles: Int
    /// Input megabytes (10^6 bytes) per second of stage time.
    public var mbPerSecond: Double
  }

  public struct RuleSummary: Sendable, Equatable, Codable {
    public var rule: String
    public var blocks = 0
    public var chars = 0
    public var examples: [String] = []
  }

  /// A block learned as boilerplate: it occurs in `articles` articles of `site` in the run.
  public struct LearnedBlock: Sendable, Equatable, Codable {
    public var site: String
    /// The block's `BlockHash` in hex, as `removed/` records name it.
    public var pattern: String
    public var articles: Int
    /// Blocks removed for it (an article may carry it more than once).
    public var blocks = 0
    /// The block's text from the first article it was removed from.
    public var example = ""
  }

  public struct ArticleRef: Sendable, Equatable, Codable {
    public var id: String
    public var source: String
    public var title: String?
    public var chars: Int
    /// Similarity to the keeper; nil for the keeper itself.
    public var similarity: Double?
    public var exact: Bool?
    /// How `similarity` was measured: `identical`, `exact`, `estimated` or `containment`.
    public var measure: String?
    public var site: String?
    public var date: String?
    /// The clean body, cut to `report.text_chars_in_full`; only in clusters shown in full.
    public var text: String?
  }

  public struct Cluster: Sendable, Equatable, Codable {
    public var keeper: ArticleRef
    /// Up to `report.max_members` members, in the order dedup found them.
    public var members: [ArticleRef]
    public var membersNotShown = 0
  }

  public struct Dedup: Sendable, Equatable, Codable {
    public var stats = DedupStats()
    /// The biggest clusters (up to `report.max_clusters`), biggest first; the first
    /// `report.max_clusters_in_full` carry their texts.
    public var clusters: [Cluster] = []
    public var clustersNotShown = 0
  }

  public struct Example: Sendable, Equatable, Codable {
    public var id: String
    public var source: String
    public var message: String
    public var title: String?
    /// The quality rules the article failed, with value and threshold.
    public var failures: [QualityFailure]?
  }

  /// A threshold drawn on a histogram: the configuration key and its value.
  public struct Threshold: Sendable, Equatable, Codable {
    public var key: String
    public var value: Double
  }

  /// Counts of a value in buckets: bucket `i` holds values in `[edges[i], edges[i+1])`;
  /// values below the first edge count in the first bucket and values at or above the
  /// last edge in the last, so every value is counted once.
  public struct Histogram: Sendable, Equatable, Codable {
    /// What is counted: `body_chars`, a quality signal's key, or `pair_similarity`.
    public var name: String
    public var edges: [Double]
    public var counts: [Int]
    public var thresholds: [Threshold] = []
  }

  /// One site's articles (site as learned boilerplate counts it, see docs/decisions.md).
  public struct SiteRow: Sendable, Equatable, Codable {
    public var site: String
    public var articles = 0
    public var clean = 0
    public var duplicates = 0
    /// Articles that reached the quality stage, and of those the ones the rules passed.
    public var judged = 0
    public var qualityPassed = 0
    /// Mean body characters of the kept articles.
    public var meanChars = 0.0
  }

  /// How many articles one quality rule rejected (an article failing several rules counts for each).
  public struct QualityRuleCount: Sendable, Equatable, Codable {
    public var rule: String
    public var articles = 0
  }

  public struct ReasonSummary: Sendable, Equatable, Codable {
    public var reason: String
    public var count = 0
    public var examples: [Example] = []
  }

  public var schemaVersion = 5
  public var runId = ""
  public var version = Release.version
  /// UTC start and finish times, ISO 8601.
  public var startedAt = ""
  public var finishedAt = ""
  public var seconds = 0.0
  public var inputs: [String] = []
  public var outputFolder = ""
  public var configDigest = ""
  public var files = 0
  public var counts = Manifest.Counts()
  public var bytes = Bytes()
  public var formats: [FormatCount] = []
  public var encodings: [String: Int] = [:]
  public var stages: [StageTiming] = []
  public var cleaning: [RuleSummary] = []
  /// Every block learned as boilerplate in the run, most frequent first.
  public var learnedBoilerplate: [LearnedBlock] = []
  public var dedup = Dedup()
  public var rejections: [ReasonSummary] = []
  /// Quality rules by the number of articles they rejected, most first.
  public var qualityRules: [QualityRuleCount] = []
  public var outputs: [OutputEntry] = []
  /// Body length, quality signals and pair similarity, with their thresholds.
  public var histograms: [Histogram] = []
  /// Sites by articles, most first, up to `report.max_sites`.
  public var sites: [SiteRow] = []
  public var sitesNotShown = 0
  /// The key figures of the previous run in the same reports folder, when there is one.
  public var previous: RunSummary?
  /// The key figures of the last `report.trend_runs` runs in the same reports folder, oldest
  /// first, this run last; empty in reports before schema 5.
  @EmptyWhenMissing public var trend: [TrendPoint] = []

  public init() {}

  /// Input megabytes per second over the whole run.
  public var throughput: Double { seconds > 0 ? Double(bytes.input) / 1e6 / seconds : 0 }
}

extension RunReport {
  /// Takes the counts, sizes and files of what the run wrote from its manifest.
  public mutating func fill(from manifest: Manifest) {
    configDigest = manifest.configDigest
    files = manifest.inputs.files
    counts = manifest.counts
    bytes.input = manifest.inputs.bytes
    bytes.clean = manifest.files.filter { $0.path.hasPrefix("clean/") }.reduce(0) { $0 + $1.bytes }
    bytes.rejected = manifest.files.filter { $0.path.hasPrefix("rejected/") }.reduce(0) {
      $0 + $1.bytes
    }
    outputs = manifest.files
  }
}
