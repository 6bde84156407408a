import Foundation

/// The default run id: the UTC date and a digest of what the run reads
/// (input paths and sizes, and the configuration), so a rerun of the same
/// night on the same input gets the same id.
enum RunIdentity {
  static func derive(files: [InputFile], configDigest: String, date: Date) -> String {
    var text = configDigest + "\n"
    for file in files {
      let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? -1
      text += "\(file.relativePath)\t\(size)\n"
    }
    let digest = Hex.string(SHA256Digest.of(Array(text.utf8)).prefix(4))
    let day = ISO8601DateFormatter.string(
      from: date, timeZone: .gmt, formatOptions: [.withFullDate])
    return "\(day)-\(digest)"
  }
}
