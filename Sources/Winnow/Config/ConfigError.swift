/// A configuration that cannot be used. Every case names the key at fault as
/// a dotted path (`dedup.threshold`), so the user can find it in the file.
public enum ConfigError: Error, Equatable, CustomStringConvertible {
  case unreadable(file: String, message: String)
  case syntax(file: String, message: String)
  case unknownKey(file: String, key: String)
  case invalidValue(key: String, message: String)

  public var description: String {
    switch self {
    case .unreadable(let file, let message): "\(file): cannot read the configuration: \(message)"
    case .syntax(let file, let message): "\(file): not valid YAML: \(message)"
    case .unknownKey(let file, let key): "\(file): unknown key '\(key)'"
    case .invalidValue(let key, let message): "configuration key '\(key)': \(message)"
    }
  }
}

/// Range checks shared by the stage configurations.
enum Check {
  static func range<T: Comparable>(_ value: T, _ range: ClosedRange<T>, key: String)
    throws(ConfigError)
  {
    guard range.contains(value) else {
      throw .invalidValue(
        key: key, message: "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
    }
  }

  static func nonEmpty(_ value: String, key: String) throws(ConfigError) {
    guard !value.isEmpty else { throw .invalidValue(key: key, message: "must not be empty") }
  }
}
