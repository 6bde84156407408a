/// How much decoded text looks like real Chinese, to choose between GB18030
/// and Big5 when the same bytes decode without error in both.
///
/// Real Chinese text spends a large share of its characters on a few very
/// frequent hanzi (the top hundred make up 15–65 % of news text), while GBK
/// bytes read as Big5, or Big5 bytes read as GB18030, come out as rare
/// characters (usually under 2 %). So the share of frequent hanzi is a cheap,
/// dependable score.
enum HanziFrequency {
  /// About 100 of the most frequent Simplified hanzi, in frequency order.
  static let simplified =
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然"
    + "家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无"

  /// The same list written in Traditional characters, as Big5 text has them.
  static let traditional =
    "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然"
    + "家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無"

  private static let common: Set<UInt32> = Set(
    (simplified + traditional).unicodeScalars.map(\.value))

  /// Below this share of frequent hanzi, text with at least `minimumHanzi`
  /// hanzi is taken for mojibake rather than Chinese.
  static let plausibleShare = 0.02
  static let minimumHanzi = 64

  /// Counts of hanzi and of frequent hanzi in UTF-8 text.
  static func count(_ utf8: [UInt8]) -> (hanzi: Int, frequent: Int) {
    var hanzi = 0
    var frequent = 0
    for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars
    where ScalarClass.isCJK(scalar.value) {
      hanzi += 1
      if common.contains(scalar.value) { frequent += 1 }
    }
    return (hanzi, frequent)
  }

  /// Share of frequent hanzi among all hanzi; 0 when there are none.
  static func score(_ utf8: [UInt8]) -> Double {
    let counts = count(utf8)
    return counts.hanzi == 0 ? 0 : Double(counts.frequent) / Double(counts.hanzi)
  }

  /// False when the text has plenty of hanzi but almost none of the frequent
  /// ones: broken UTF-8 that happens to decode as GB18030 looks like that.
  static func isPlausible(_ utf8: [UInt8]) -> Bool {
    let counts = count(utf8)
    guard counts.hanzi >= minimumHanzi else { return true }
    return Double(counts.frequent) >= plausibleShare * Double(counts.hanzi)
  }
}
