import Foundation

/// Writes `winnow run --pairs FILE`: every pair dedup accepted, one per line as
/// `id<TAB>id<TAB>similarity<TAB>measure`, under a header. The clusters
/// are the connected components of these pairs; the file shows the evidence
/// behind each (for threshold tuning and for scoring against a known truth).
enum PairsFile {
  static func write(_ pairs: [VerifiedPair], ids: (Int) -> String, to path: String) throws {
    var text = "first\tsecond\tsimilarity\tmeasure\n"
    for pair in pairs {
      let similarity = pair.similarity.rounded(toPlaces: 4)
      text += "\(ids(pair.first))\t\(ids(pair.second))\t\(similarity)\t\(pair.measure.rawValue)\n"
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw OutputError(
        path: path, message: "cannot write the pairs: \(error.localizedDescription)")
    }
  }
}
