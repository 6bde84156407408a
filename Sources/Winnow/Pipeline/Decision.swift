/// Why an article is not in the clean corpus.
public enum RejectReason: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  /// The file or record could not be read or decoded.
  case readError = "read_error"
  /// The markup could not be interpreted (e.g. broken front matter).
  case extractError = "extract_error"
  /// Another article earlier in the run already has this id.
  case duplicateID = "duplicate_id"
  /// A quality rule failed.
  case quality
  /// The same or nearly the same text is kept under another id.
  case duplicate

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// The details of a rejection; which fields are set depends on the reason.
public struct Rejection: Sendable, Hashable {
  public var reason: RejectReason
  /// One line for a person: what is wrong, and where.
  public var message: String
  public var failures: [QualityFailure] = []
  /// The kept article this one duplicates.
  public var duplicateOf: String?
  public var similarity: Double?
  public var exact: Bool?
  /// How `similarity` was measured (`DuplicateCluster.Measure`).
  public var measure: DuplicateCluster.Measure?

  public init(reason: RejectReason, message: String) {
    self.reason = reason
    self.message = message
  }
}

extension Rejection {
  /// A duplicate of the kept article `keeper`: "near duplicate of ID (similarity 0.913)",
  /// "contained in ID (similarity 0.412)" or "exact duplicate of ID".
  static func duplicate(of keeper: String, _ member: DuplicateCluster.Member) -> Rejection {
    let rounded = member.similarity.rounded(toPlaces: 3)
    let message =
      switch member.measure {
      case .identical: "exact duplicate of \(keeper)"
      case .containment: "contained in \(keeper) (similarity \(rounded))"
      case .exact, .estimated: "near duplicate of \(keeper) (similarity \(rounded))"
      }
    var rejection = Rejection(reason: .duplicate, message: message)
    rejection.duplicateOf = keeper
    rejection.similarity = member.similarity
    rejection.exact = member.exact
    rejection.measure = member.measure
    return rejection
  }
}

/// What happens to one input article. Every article gets exactly one.
public enum Decision: Sendable, Hashable {
  case keep
  case reject(Rejection)
}
