/// One article's fingerprint and the facts the keeper choice needs, in input order.
public struct DedupItem: Sendable {
  public var fingerprint: Fingerprint
  /// Length of the clean body in Unicode scalars: the longest body is kept.
  public var bodyLength: Int

  public init(fingerprint: Fingerprint, bodyLength: Int) {
    self.fingerprint = fingerprint
    self.bodyLength = bodyLength
  }
}

/// A group of articles that are the same text: one keeper, the rest duplicates.
/// Indices refer to the `DedupItem` array given to the deduplicator.
public struct DuplicateCluster: Sendable, Equatable {
  /// How a member's similarity to the keeper was measured.
  public enum Measure: String, Sendable, Codable {
    /// The normalized bodies are identical (similarity 1).
    case identical
    /// Exact Jaccard of the shingle sets.
    case exact
    /// Estimated from the signatures: no exact check was affordable, or the member
    /// joined the cluster through another member rather than a pair with the keeper.
    case estimated
    /// The member lies inside the keeper (`containment_threshold`); similarity is Jaccard.
    case containment
  }

  public struct Member: Sendable, Equatable {
    public var index: Int
    /// Jaccard similarity to the keeper (1 for identical copies).
    public var similarity: Double
    public var measure: Measure

    /// True when the normalized bodies are identical.
    public var exact: Bool { measure == .identical }

    public init(index: Int, similarity: Double, measure: Measure) {
      self.index = index
      self.similarity = similarity
      self.measure = measure
    }
  }

  public var keeper: Int
  /// The duplicates, in input order; never contains the keeper.
  public var members: [Member]

  public init(keeper: Int, members: [Member]) {
    self.keeper = keeper
    self.members = members
  }
}

/// Counts that show how much work each dedup step did: the verification funnel
/// is candidates − signature rejections − exact rejections = verified pairs.
public struct DedupStats: Sendable, Equatable, Codable {
  public var bands = 0
  public var rows = 0
  /// Members whose normalized body is identical to their keeper's (exact keeper–member links);
  /// `duplicates − exactPairs` members are near duplicates.
  public var exactPairs = 0
  /// Distinct pairs that shared at least one LSH band key.
  public var candidatePairs = 0
  /// Pairs proposed by the containment index (0 when containment is off).
  public var containmentCandidates = 0
  /// Candidates whose signature estimate fell short (of the threshold, or of the
  /// threshold less `signature_margin` when an exact check followed).
  public var signatureRejected = 0
  /// Pairs compared on their exact shingle sets, and how many of those fell short.
  public var exactChecked = 0
  public var exactRejected = 0
  /// Pairs accepted as duplicates (by any evidence), and of those by containment alone.
  public var verifiedPairs = 0
  public var containmentPairs = 0
  public var clusters = 0
  public var duplicates = 0
  /// Articles of earlier runs matched against, how many collided with a new one,
  /// and how many new articles were rejected as their duplicates.
  public var earlierArticles = 0
  public var earlierCandidates = 0
  public var earlierDuplicates = 0

  public init(
    bands: Int = 0, rows: Int = 0, exactPairs: Int = 0, candidatePairs: Int = 0,
    verifiedPairs: Int = 0, clusters: Int = 0, duplicates: Int = 0
  ) {
    self.bands = bands
    self.rows = rows
    self.exactPairs = exactPairs
    self.candidatePairs = candidatePairs
    self.verifiedPairs = verifiedPairs
    self.clusters = clusters
    self.duplicates = duplicates
  }
}

/// What the dedup stage decides for a whole run.
public struct DedupResult: Sendable, Equatable {
  public var clusters: [DuplicateCluster]
  /// Every pair of the run's own articles accepted as duplicates, sorted: the
  /// evidence behind the clusters.
  public var pairs: [VerifiedPair]
  /// New articles that duplicate an article an earlier run kept (policy `earliest`).
  public var earlierDuplicates: [EarlierDuplicate] = []
  /// History rows that this run's keepers replace (policy `newest`).
  public var superseded: [Int64] = []
  public var stats: DedupStats

  public init(clusters: [DuplicateCluster], pairs: [VerifiedPair] = [], stats: DedupStats) {
    self.clusters = clusters
    self.pairs = pairs
    self.stats = stats
  }
}
