/// What one run adds to the history when its outputs are committed.
public struct RecordedRun: Sendable {
  public var runId: String
  /// The run's own learned-boilerplate counts.
  public var counts: BoilerplateCounts
  /// Every article the run kept, read while the history's transaction is open.
  public var kept: KeptArticles
  /// History rows the run's keepers replace (keeper policy `newest`).
  public var superseded: [Int64]
  /// `FingerprintConfig.historyKey`: what the signatures were made with.
  public var fingerprint: String
  /// The bands × rows the keys were cut with.
  public var bands: LSHParameters

  public init(
    runId: String, counts: BoilerplateCounts, kept: KeptArticles = [], superseded: [Int64] = [],
    fingerprint: String, bands: LSHParameters
  ) {
    self.runId = runId
    self.counts = counts
    self.kept = kept
    self.superseded = superseded
    self.fingerprint = fingerprint
    self.bands = bands
  }
}

/// The articles a run kept, handed to the history one at a time inside its write
/// transaction rather than as one array: a backfill keeps millions of articles at
/// about 700 B each, which would all be in memory at once.
public struct KeptArticles: Sendable, ExpressibleByArrayLiteral {
  /// Calls `body` with each article in order; throws when the articles cannot be read.
  public typealias Source = @Sendable (_ body: (KeptArticle) throws -> Void) throws -> Void

  private let source: Source

  /// The articles `source` reads, e.g. from the files a run's write stage left.
  public init(reading source: @escaping Source) {
    self.source = source
  }

  /// Articles already in memory: a rebuild's, a test's.
  public init(_ articles: [KeptArticle]) {
    self.init { body in try articles.forEach(body) }
  }

  public init(arrayLiteral articles: KeptArticle...) {
    self.init(articles)
  }

  /// Why the articles could not be read (the source's own error, which names its
  /// file): told apart from the database errors of what `forEach`'s body does with them.
  struct Unreadable: Error {
    let underlying: any Error
  }

  /// Calls `body` with each article in order. `body`'s errors pass through unchanged;
  /// the source's come as `Unreadable`.
  func forEach(_ body: (KeptArticle) throws -> Void) throws {
    var bodyError: (any Error)?
    do {
      try source { article in
        do {
          try body(article)
        } catch {
          bodyError = error
          throw error
        }
      }
    } catch {
      throw bodyError ?? Unreadable(underlying: error)
    }
  }
}
