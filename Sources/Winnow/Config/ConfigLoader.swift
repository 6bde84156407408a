import Foundation
import Yams

/// Loads a `Config` from YAML.
///
/// The file is laid over the built-in defaults: keys it leaves out keep their
/// default, keys it names replace it (lists are replaced whole), and a key the
/// defaults do not have is an error that names it. Values are then range-checked.
public enum ConfigLoader {
  /// Reads and checks the configuration file at `path`.
  public static func load(path: String) throws(ConfigError) -> Config {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw .unreadable(file: path, message: error.localizedDescription)
    }
    return try load(yaml: text, file: path)
  }

  /// Parses `yaml` (named `file` in errors) over the defaults and checks it.
  public static func load(yaml: String, file: String = "<config>") throws(ConfigError) -> Config {
    let user: Node?
    do {
      user = try Yams.compose(yaml: yaml)
    } catch {
      throw .syntax(file: file, message: "\(error)")
    }
    let config: Config
    do {
      let defaults = try Yams.compose(yaml: YAMLEncoder().encode(Config())) ?? Node.mapping([:])
      let merged = try user.map { try overlay($0, on: defaults, path: "", file: file) } ?? defaults
      config = try YAMLDecoder().decode(Config.self, from: merged)
    } catch let error as ConfigError {
      throw error
    } catch let error as DecodingError {
      throw .invalidValue(key: error.keyPath, message: error.summary)
    } catch {
      throw .syntax(file: file, message: "\(error)")
    }
    try config.validate()
    return config
  }

  /// Lays `user` over `defaults`: mappings merge key by key, anything else replaces.
  private static func overlay(_ user: Node, on defaults: Node, path: String, file: String) throws
    -> Node
  {
    guard case .mapping(let userMap) = user, case .mapping(var merged) = defaults else {
      if case .mapping = defaults, user.scalar?.string == "" || user.null != nil { return defaults }
      return user
    }
    for (key, value) in userMap {
      let name = key.string ?? "\(key)"
      let keyPath = path.isEmpty ? name : "\(path).\(name)"
      guard let current = merged[key] else {
        throw ConfigError.unknownKey(file: file, key: keyPath)
      }
      merged[key] = try overlay(value, on: current, path: keyPath, file: file)
    }
    return .mapping(merged)
  }
}

extension DecodingError {
  /// The dotted path of the key the decoder was at when it failed.
  var keyPath: String {
    let context: Context? =
      switch self {
      case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c),
        .dataCorrupted(let c):
        c
      @unknown default: nil
      }
    var path = context?.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue } ?? []
    if case .keyNotFound(let key, _) = self { path.append(key.stringValue) }
    return path.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
  }

  var summary: String {
    switch self {
    case .typeMismatch(let type, _): "expected a value of type \(type)"
    case .valueNotFound(let type, _): "missing a value of type \(type)"
    case .keyNotFound: "is required"
    case .dataCorrupted(let c): c.debugDescription
    @unknown default: "\(self)"
    }
  }
}
