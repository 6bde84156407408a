/// Why a document could not become an article (for now: front matter that is
/// not valid YAML). The caller knows the document's location, so the message
/// only says what is wrong inside it.
public struct ExtractFailure: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String

  public init(message: String) {
    self.message = message
  }

  public var description: String { message }
}
