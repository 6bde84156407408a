/// Small inline SVG charts for the HTML report, drawn by our own code so the page loads
/// nothing from anywhere else and reads the same in a mail client. Every label passes
/// through `HTMLEscape`.
public enum SVGChart {
  /// One bar of a horizontal bar chart.
  public struct Bar: Sendable, Equatable {
    public var label: String
    public var value: Int
    /// A note after the value, e.g. "−3 read_error".
    public var note: String

    public init(label: String, value: Int, note: String = "") {
      self.label = label
      self.value = value
      self.note = note
    }
  }

  /// One run in a line chart over runs.
  public struct Point: Sendable, Equatable {
    /// Under the axis (the run id), cut to `labelChars`; in full on hover.
    public var label: String
    public var value: Double
    /// The value as the views show it, e.g. "12.5%".
    public var text: String
    /// This run: drawn larger and in another colour.
    public var highlighted: Bool

    public init(label: String, value: Double, text: String, highlighted: Bool = false) {
      self.label = label
      self.value = value
      self.text = text
      self.highlighted = highlighted
    }
  }

  static let width = 560.0
  /// A line chart is narrower: the trend's three charts fit side by side on the page.
  static let lineWidth = 400.0
  /// Characters of a run id under a line chart: enough to tell nights apart, short enough for
  /// 14 runs side by side; the full id is on the dot and in the table.
  static let labelChars = 12

  /// A line over runs, oldest left, from 0 to the largest value (so a small wobble is not drawn
  /// as a cliff): one dot per run with its id and value on hover, ids slanted under the axis so
  /// 14 nights fit in 400 points.
  public static func line(_ points: [Point], title: String) -> String {
    let (left, right, bottom, plotHeight) = (72.0, lineWidth - 12, 120.0, 100.0)
    let slot = (right - left) / Double(max(points.count, 1))
    let top = points.map(\.value).max() ?? 0
    let xy = points.enumerated().map { i, p in
      (x: left + slot * (Double(i) + 0.5), y: bottom - (top > 0 ? plotHeight * p.value / top : 0))
    }
    var out = open(height: bottom + 80, title: title, width: lineWidth)
    let largest = points.max { $0.value < $1.value }?.text ?? ""
    out += text(x: left - 6, y: bottom - plotHeight + 4, largest, anchor: "end")
    out += text(x: left - 6, y: bottom + 4, "0", anchor: "end")
    out += line(x1: left, y1: bottom, x2: right, y2: bottom, cls: "axis")
    out +=
      "<polyline class=\"trend\" points=\"\(xy.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " "))\"/>"
    for (p, at) in zip(points, xy) {
      out += dot(p, x: at.x, y: at.y)
      out += text(x: at.x, y: bottom + 14, short(p.label), anchor: "end", rotate: -50)
    }
    return out + "</svg>"
  }

  /// A run's dot; its full id and value show on hover.
  private static func dot(_ p: Point, x: Double, y: Double) -> String {
    "<circle class=\"\(p.highlighted ? "point current" : "point")\" cx=\"\(f(x))\" cy=\"\(f(y))\" "
      + "r=\"\(p.highlighted ? 5 : 3)\"><title>\(HTMLEscape.text("\(p.label): \(p.text)"))</title></circle>"
  }

  /// `label` cut to `labelChars` characters, marked with "…" when cut.
  static func short(_ label: String) -> String {
    label.count > labelChars ? String(label.prefix(labelChars - 1)) + "…" : label
  }

  /// Horizontal bars, one per row, scaled to the largest value: the stage funnel.
  public static func bars(_ bars: [Bar], title: String) -> String {
    let top = Double(bars.map(\.value).max() ?? 0)
    let rowHeight = 26.0
    let labelWidth = 130.0
    var out = open(height: rowHeight * Double(bars.count) + 8, title: title)
    for (i, bar) in bars.enumerated() {
      let y = 4 + rowHeight * Double(i)
      let w = top > 0 ? (width - labelWidth - 170) * Double(bar.value) / top : 0
      out += text(x: labelWidth - 6, y: y + 16, bar.label, anchor: "end")
      out += rect(x: labelWidth, y: y + 3, w: max(w, 1), h: rowHeight - 8, cls: "bar")
      out += text(x: labelWidth + w + 6, y: y + 16, "\(bar.value) \(bar.note)", anchor: "start")
    }
    return out + "</svg>"
  }

  /// A histogram: one bar per bucket, edge labels under the axis, and each threshold as a
  /// dashed red line placed where its value falls inside its bucket.
  public static func histogram(_ h: RunReport.Histogram, title: String) -> String {
    let (left, bottom, plotHeight) = (40.0, 150.0, 120.0)
    let plotWidth = width - left - 10
    let slot = plotWidth / Double(max(h.counts.count, 1))
    let top = Double(h.counts.max() ?? 0)
    var out = open(height: bottom + 34, title: title)
    out += text(x: left - 4, y: bottom - plotHeight + 4, "\(Int(top))", anchor: "end")
    out += line(x1: left, y1: bottom, x2: left + plotWidth, y2: bottom, cls: "axis")
    for (i, count) in h.counts.enumerated() {
      let barHeight = top > 0 ? plotHeight * Double(count) / top : 0
      let x = left + slot * Double(i)
      out += rect(
        x: x + 1, y: bottom - barHeight, w: max(slot - 2, 1), h: barHeight, cls: "bar",
        tip: "\(bucketLabel(h, i)): \(count)")
    }
    out += edgeLabels(h, left: left, slot: slot, y: bottom + 14)
    for threshold in h.thresholds {
      let x = left + slot * position(of: threshold.value, in: h.edges)
      out += line(x1: x, y1: bottom + 2, x2: x, y2: bottom - plotHeight - 4, cls: "threshold")
      // Label on the side with room: right of the line, or left of it near the right edge.
      let onLeft = x > left + plotWidth * 0.6
      out += text(
        x: onLeft ? x - 3 : x + 3, y: bottom - plotHeight + 14,
        "\(threshold.key) \(number(threshold.value))", anchor: onLeft ? "end" : "start",
        cls: "threshold")
    }
    return out + "</svg>"
  }

  /// Where `value` falls on the bucket axis, in buckets from the left (fractional inside a
  /// bucket); clamped to the axis.
  public static func position(of value: Double, in edges: [Double]) -> Double {
    guard edges.count >= 2 else { return 0 }
    if value <= edges[0] { return 0 }
    for i in 0..<(edges.count - 1) where value < edges[i + 1] {
      return Double(i) + (value - edges[i]) / (edges[i + 1] - edges[i])
    }
    return Double(edges.count - 1)
  }

  /// "[0.25, 0.3)" or "≥ 12800" for the last bucket.
  static func bucketLabel(_ h: RunReport.Histogram, _ i: Int) -> String {
    i == h.counts.count - 1
      ? "≥ \(number(h.edges[i]))" : "[\(number(h.edges[i])), \(number(h.edges[i + 1])))"
  }

  /// Edge labels, thinned so they do not overlap (about one per 45 points).
  private static func edgeLabels(_ h: RunReport.Histogram, left: Double, slot: Double, y: Double)
    -> String
  {
    let step = max(1, Int((45 / slot).rounded(.up)))
    var out = ""
    for i in stride(from: 0, to: h.edges.count, by: step) {
      out += text(x: left + slot * Double(i), y: y, number(h.edges[i]), anchor: "middle")
    }
    return out
  }

  /// A number as short as it reads: 0.05, 12800, 0.8.
  static func number(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    return String(value.rounded(toPlaces: 3))
  }

  private static func open(height: Double, title: String, width: Double = width) -> String {
    "<svg class=\"chart\" width=\"\(Int(width))\" "
      + "height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
      + "aria-label=\"\(HTMLEscape.text(title))\"><title>\(HTMLEscape.text(title))</title>"
  }

  /// A rectangle; `tip` shows on hover.
  private static func rect(
    x: Double, y: Double, w: Double, h: Double, cls: String, tip: String? = nil
  ) -> String {
    let open =
      "<rect class=\"\(cls)\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\""
    guard let tip else { return open + "/>" }
    return open + "><title>\(HTMLEscape.text(tip))</title></rect>"
  }

  private static func line(x1: Double, y1: Double, x2: Double, y2: Double, cls: String) -> String {
    "<line class=\"\(cls)\" x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\"/>"
  }

  /// A text; `rotate` turns it by that many degrees about its anchor point.
  private static func text(
    x: Double, y: Double, _ s: String, anchor: String, cls: String = "label", rotate: Double? = nil
  ) -> String {
    let turn = rotate.map { " transform=\"rotate(\(f($0)) \(f(x)) \(f(y)))\"" } ?? ""
    return "<text class=\"\(cls)\" x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\"\(turn)>"
      + "\(HTMLEscape.text(s))</text>"
  }

  /// Coordinates with one decimal: enough for a screen, short in the file.
  private static func f(_ v: Double) -> String { String(v.rounded(toPlaces: 1)) }
}
