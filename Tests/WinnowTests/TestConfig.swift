@testable import Winnow

extension Config {
  /// The defaults without a history: a test's runs must not read or write
  /// `state/history.sqlite` in the working folder, where other tests' runs would
  /// show up as earlier copies.
  static var noHistory: Config {
    var config = Config()
    config.history.path = ""
    return config
  }
}
