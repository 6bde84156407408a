import Foundation

/// Renders a `RunReport` as one self-contained HTML page (`report.html`): inline CSS and
/// SVG, no request to anywhere (a Content-Security-Policy says so to the browser too), a
/// small optional filter script the page works without. Everything taken from the report
/// is escaped by `HTMLEscape`: article text is untrusted web content.
///
/// ```swift
/// let page = HTMLReport.render(report)  // write it next to report.json
/// ```
public enum HTMLReport {
  /// The page; the clusters' side-by-side diffs, most of the work, on `jobs` threads.
  public static func render(_ r: RunReport, jobs: Int = 1) -> String {
    var body = [header(r), verdict(r), trend(r), charts(r), stages(r)]
    body += [clusters(r, jobs: jobs), boilerplate(r), rejected(r), sites(r), inputs(r), outputs(r)]
    return """
      <!DOCTYPE html>
      <html lang="zh">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="\(policy)">
      <title>\(e("Winnow run \(r.runId)"))</title>
      <style>\(HTMLPage.style)</style>
      </head>
      <body>
      \(body.joined(separator: "\n"))
      <script>\(HTMLPage.filterScript)</script>
      </body>
      </html>

      """
  }

  /// Nothing may load; styles are inline; only the filter script (by its hash) may run.
  static let policy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '\(HTMLPage.scriptHash)'"

  static func e(_ s: String) -> String { HTMLEscape.text(s) }

  private static func header(_ r: RunReport) -> String {
    let previous = r.previous.map {
      "Compared with the previous run <code>\(e($0.runId))</code> (finished \(e($0.sortKey)))."
    }
    return """
      <header><h1>Winnow run <code>\(e(r.runId))</code></h1>
      <p class="meta">Started \(e(r.startedAt)) · finished \(e(r.finishedAt)) · Winnow \(e(r.version)) · \
      config <code>\(e(String(r.configDigest.prefix(12))))</code> · output <code>\(e(r.outputFolder))</code></p>
      <p class="meta">\(previous ?? "No earlier run in this reports folder to compare with.")</p>
      <p class="filter" id="filter-box" hidden><label>Filter tables: <input id="filter" type="search"></label></p>
      </header>
      """
  }

  /// The verdict at a glance: each key figure with its change against the previous run.
  private static func verdict(_ r: RunReport) -> String {
    let rows = RunComparison.keyFigures(from: r.previous, to: r.summary).map { c in
      let cls = c.delta.hasPrefix("↑") ? "up" : c.delta.hasPrefix("↓") ? "down" : "flat"
      let before =
        r.previous == nil ? "" : "<td>\(e(c.oldText))</td><td class=\"\(cls)\">\(e(c.delta))</td>"
      return "<tr><th>\(e(c.name))</th><td class=\"figure\">\(e(c.newText))</td>\(before)</tr>"
    }
    let head = r.previous == nil ? "" : "<th>previous</th><th>change</th>"
    return """
      <section id="verdict"><h2>Verdict</h2>
      <table class="figures"><tr><th></th><th>this run</th>\(head)</tr>
      \(rows.joined(separator: "\n"))
      </table></section>
      """
  }

  /// The funnel and the histograms, with their thresholds.
  private static func charts(_ r: RunReport) -> String {
    let histograms = r.histograms.map { h in
      "<figure>\(SVGChart.histogram(h, title: h.name))<figcaption>\(e(h.name))</figcaption></figure>"
    }
    return """
      <section id="charts"><h2>Stage funnel</h2>
      \(SVGChart.bars(funnel(r), title: "articles left after each stage"))
      <h2>Distributions</h2>
      <p class="note">Articles that reached the quality stage; pair similarity is each duplicate's \
      similarity to its keeper (a member joined to the cluster through another member can sit \
      below the threshold). Dashed red lines are the configured thresholds; ↑/↓ above are \
      changes, not judgements.</p>
      <div class="grid">\(histograms.joined(separator: "\n"))</div></section>
      """
  }

  /// Articles left after each stage that rejects: read, extract, id check, quality, dedup.
  static func funnel(_ r: RunReport) -> [SVGChart.Bar] {
    let order = ["read_error", "extract_error", "duplicate_id", "quality", "duplicate"]
    let known: [String: String] = [
      "read_error": "read", "extract_error": "extracted", "duplicate_id": "unique ids",
      "quality": "quality passed", "duplicate": "kept (deduped)",
    ]
    let reasons = order + r.counts.rejectedByReason.keys.filter { !order.contains($0) }.sorted()
    var left = r.counts.articles
    var bars = [SVGChart.Bar(label: "articles in", value: left)]
    for reason in reasons {
      let removed = r.counts.rejectedByReason[reason] ?? 0
      guard removed > 0 || known[reason] != nil else { continue }
      left -= removed
      bars.append(
        SVGChart.Bar(
          label: known[reason] ?? "after \(reason)", value: left,
          note: removed > 0 ? "(−\(removed) \(reason))" : ""))
    }
    return bars
  }

  private static func stages(_ r: RunReport) -> String {
    let rows = r.stages.map {
      row([
        $0.stage, MarkdownReport.fixed($0.seconds, 3), "\($0.articles)",
        MarkdownReport.fixed($0.mbPerSecond, 1),
      ])
    }
    return section(
      "stages", "Stages",
      table(["stage", "seconds", "articles", "MB/s"], rows)
        + "<p class=\"note\">Stage seconds are summed over worker threads; the run took \(MarkdownReport.fixed(r.seconds, 2)) s.</p>"
    )
  }

  private static func inputs(_ r: RunReport) -> String {
    let rows = r.formats.map { row([$0.format, "\($0.articles)", "\($0.clean)"]) }
    let encodings = r.encodings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    return section(
      "inputs", "Inputs",
      "<p>\(r.files) files: \(e(r.inputs.joined(separator: ", ")))</p>"
        + table(["format", "articles", "kept"], rows)
        + "<p>Encodings: \(e(encodings.isEmpty ? "none" : encodings.joined(separator: ", ")))</p>")
  }

  private static func outputs(_ r: RunReport) -> String {
    let rows = r.outputs.map {
      row([$0.path, "\($0.bytes)", "\($0.records)", String($0.sha256.prefix(16)) + "…"])
    }
    return section("outputs", "Output files", table(["file", "bytes", "records", "sha256"], rows))
  }

  // MARK: Building blocks

  static func section(_ id: String, _ title: String, _ content: String) -> String {
    "<section id=\"\(id)\"><h2>\(e(title))</h2>\n\(content)\n</section>"
  }

  /// A table whose rows the filter box can hide; `rows` are already rendered `<tr>`s.
  static func table(_ headers: [String], _ rows: [String]) -> String {
    guard !rows.isEmpty else { return "<p class=\"note\">None.</p>" }
    let head = headers.map { "<th>\(e($0))</th>" }.joined()
    return "<table class=\"rows\"><thead><tr>\(head)</tr></thead><tbody>\n"
      + rows.joined(separator: "\n") + "\n</tbody></table>"
  }

  /// A row of plain text cells, each escaped; `cls` marks the row (e.g. this run's).
  static func row(_ cells: [String], cls: String? = nil) -> String {
    "<tr\(cls.map { " class=\"\($0)\"" } ?? "")>" + cells.map { "<td>\(e($0))</td>" }.joined()
      + "</tr>"
  }
}
