/// The host of a URL, for `Metadata.site` when nothing names the site.
enum URLHost {
  /// The lower-cased host of an absolute `http(s)://` (or protocol-relative `//`)
  /// URL, without user info or port; nil for anything else.
  static func of(_ url: String) -> String? {
    var rest = Substring(url)
    if let scheme = rest.firstRange(of: "://") {
      let name = rest[..<scheme.lowerBound].lowercased()
      guard name == "http" || name == "https" else { return nil }
      rest = rest[scheme.upperBound...]
    } else if rest.hasPrefix("//") {
      rest = rest.dropFirst(2)
    } else {
      return nil
    }
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    let hostAndPort =
      authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority
    let host = hostAndPort.prefix { $0 != ":" }.lowercased()
    return host.isEmpty ? nil : host
  }
}
