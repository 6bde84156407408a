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

  public init(reason: RejectReason, message: String) {
    self.reason = reason
    self.message = message
  }
}

extension Rejection {
  /// A duplicate of the kept article `keeper`: "near duplicate of ID (similarity 0.913)".
  static func duplicate(of keeper: String, similarity: Double, exact: Bool) -> Rejection {
    let rounded = similarity.rounded(toPlaces: 3)
    var rejection = Rejection(
      reason: .duplicate,
      message: exact
        ? "exact duplicate of \(keeper)" : "near duplicate of \(keeper) (similarity \(rounded))")
    rejection.duplicateOf = keeper
    rejection.similarity = similarity
    rejection.exact = exact
    return rejection
  }
}

/// What happens to one input article. Every article gets exactly one.
public enum Decision: Sendable, Hashable {
  case keep
  case reject(Rejection)
}
