/// Numbers as the reports and records show them.
extension Double {
  /// The value rounded to `places` decimal places: shares and similarities people read
  /// (and the records store) need no more, and fewer digits keep outputs stable to compare.
  func rounded(toPlaces places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (self * scale).rounded() / scale
  }
}

extension Duration {
  /// The duration in seconds, for timings summed and divided into throughputs.
  var inSeconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
