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
  public struct Member: Sendable, Equatable {
    public var index: Int
    /// Jaccard similarity to the keeper, estimated from the signatures (1 for exact copies).
    public var similarity: Double
    /// True when the normalized bodies are identical.
    public var exact: Bool

    public init(index: Int, similarity: Double, exact: Bool) {
      self.index = index
      self.similarity = similarity
      self.exact = exact
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

/// Counts that show how much work each dedup step did.
public struct DedupStats: Sendable, Equatable, Codable {
  public var bands: Int
  public var rows: Int
  /// Members whose normalized body is identical to their keeper's (exact keeper–member links);
  /// `duplicates − exactPairs` members are near duplicates.
  public var exactPairs: Int
  /// Distinct pairs that shared at least one LSH band key.
  public var candidatePairs: Int
  /// Candidates whose signature similarity reached the threshold.
  public var verifiedPairs: Int
  public var clusters: Int
  public var duplicates: Int

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
  public var stats: DedupStats

  public init(clusters: [DuplicateCluster], stats: DedupStats) {
    self.clusters = clusters
    self.stats = stats
  }
}
