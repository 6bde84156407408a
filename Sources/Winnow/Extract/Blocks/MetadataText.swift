/// Metadata values as they are stored: whitespace folded and trimmed like
/// block text, empty values absent.
enum MetadataText {
  /// `value` with whitespace runs folded to one space (as `policy` says) and
  /// trimmed; nil when nothing visible is left.
  static func clean(_ value: String, policy: SpacePolicy = .keep) -> String? {
    var text = BlockText(policy: policy)
    for scalar in value.unicodeScalars {
      text.append(scalar.value)
    }
    return text.take()
  }
}
