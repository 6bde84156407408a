/// Renders a `RunReport` as Markdown: the verdict first, then the details a
/// reviewer checks (rejections, duplicate clusters, cleaning rules, files).
public enum MarkdownReport {
  public static func render(_ r: RunReport) -> String {
    var out: [String] = []
    out += summary(r)
    out += trend(r)
    out += inputs(r)
    out += stages(r)
    out += rejections(r)
    out += clusters(r)
    out += cleaning(r)
    out += learned(r)
    out += outputs(r)
    return out.joined(separator: "\n") + "\n"
  }

  private static func summary(_ r: RunReport) -> [String] {
    let reasons = r.counts.rejectedByReason.sorted { $0.key < $1.key }.map {
      "\($0.key) \($0.value)"
    }
    let dupRate =
      r.counts.articles > 0 ? Double(r.dedup.stats.duplicates) / Double(r.counts.articles) : 0
    return [
      "# Winnow run \(r.runId)", "",
      "**\(r.counts.articles) articles in · \(r.counts.clean) kept · \(r.counts.rejected) rejected**"
        + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))")
        + " · duplicate rate \(percent(dupRate))", "",
      "- Input: \(r.files) files, \(megabytes(r.bytes.input)) in \(fixed(r.seconds, 2)) s"
        + " (\(fixed(r.throughput, 2)) MB/s)",
      "- Output: `\(r.outputFolder)` — clean \(megabytes(r.bytes.clean)), rejected \(megabytes(r.bytes.rejected))"
        + " (gzip)",
      "- Started \(r.startedAt) · Winnow \(r.version) · config `\(r.configDigest.prefix(12))`",
    ] + previous(r) + [""]
  }

  /// The figures that changed since the previous run, on one line.
  private static func previous(_ r: RunReport) -> [String] {
    guard let p = r.previous else { return [] }
    let changes = RunComparison.keyFigures(from: p, to: r.summary).filter { $0.delta != "=" }
    let text = changes.map { "\($0.name) \($0.oldText) → \($0.newText) \($0.delta)" }
    return [
      "- Since run `\(p.runId)`: " + (text.isEmpty ? "no change" : text.joined(separator: "; "))
    ]
  }

  /// The recorded runs, oldest first, so the mail shows a drift across nights too.
  private static func trend(_ r: RunReport) -> [String] {
    guard !r.trend.isEmpty else { return [] }
    var out = [
      "## Trend", "",
      "| run | finished | articles in | kept | rejected | duplicate rate | MB/s | seconds |",
      "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    out += r.trend.map { p in
      let run = cell(p.runId) + (p.runId == r.runId ? " (this run)" : "")
      return
        "| \(run) | \(cell(p.finishedAt)) | \(p.articles) | \(p.kept) | \(cell(p.rejectedText)) | "
        + "\(percent(p.duplicateRate)) | \(fixed(p.mbPerSecond, 2)) | \(fixed(p.seconds, 2)) |"
    }
    return out + [""]
  }

  private static func inputs(_ r: RunReport) -> [String] {
    var out = ["## Inputs", "", "| format | articles | kept |", "| --- | ---: | ---: |"]
    out += r.formats.map { "| \($0.format) | \($0.articles) | \($0.clean) |" }
    let encodings = r.encodings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
    out += [
      "", "Encodings: " + (encodings.isEmpty ? "none" : encodings.joined(separator: ", ")), "",
    ]
    return out
  }

  private static func stages(_ r: RunReport) -> [String] {
    var out = [
      "## Stages", "", "| stage | seconds | articles | MB/s |", "| --- | ---: | ---: | ---: |",
    ]
    out += r.stages.map {
      "| \($0.stage) | \(fixed($0.seconds, 3)) | \($0.articles) | \(fixed($0.mbPerSecond, 1)) |"
    }
    return out + [""]
  }

  private static func rejections(_ r: RunReport) -> [String] {
    guard !r.rejections.isEmpty else { return ["## Rejected", "", "Nothing was rejected.", ""] }
    var out = ["## Rejected", ""]
    if !r.qualityRules.isEmpty {
      out += ["Quality rules that rejected articles:", "", "| rule | articles |", "| --- | ---: |"]
      out += r.qualityRules.map { "| \($0.rule) | \($0.articles) |" } + [""]
    }
    for reason in r.rejections {
      out += [
        "### \(reason.reason) (\(reason.count))", "", "| id | source | why |",
        "| --- | --- | --- |",
      ]
      out += reason.examples.map { "| `\($0.id)` | \(cell($0.source)) | \(cell($0.message)) |" }
      if reason.count > reason.examples.count {
        out.append("| … | \(reason.count - reason.examples.count) more | |")
      }
      out.append("")
    }
    return out
  }

  private static func clusters(_ r: RunReport) -> [String] {
    let s = r.dedup.stats
    var out = [
      "## Duplicate clusters", "",
      "\(s.clusters) clusters, \(s.duplicates) duplicates (\(s.exactPairs) identical copies) · LSH "
        + "\(s.bands) bands × \(s.rows) rows",
      "",
      "Verification: \(s.candidatePairs) candidate pairs"
        + (s.containmentCandidates > 0 ? " + \(s.containmentCandidates) from containment" : "")
        + " → \(s.signatureRejected) dropped on signatures → \(s.exactChecked) checked exactly, "
        + "\(s.exactRejected) dropped → \(s.verifiedPairs) accepted"
        + (s.containmentPairs > 0 ? " (\(s.containmentPairs) by containment)" : ""),
      "",
    ]
    for (n, cluster) in r.dedup.clusters.enumerated() {
      let k = cluster.keeper
      let title = k.title.map { " \(cell($0))" } ?? ""
      out.append("\(n + 1). kept `\(k.id)`\(title) — \(cell(k.source)), \(k.chars) chars")
      for m in cluster.members {
        let how = m.exact == true ? "exact copy" : "similarity \(fixed(m.similarity ?? 0, 3))"
        out.append("   - `\(m.id)` \(how) — \(cell(m.source)), \(m.chars) chars")
      }
    }
    if r.dedup.clustersNotShown > 0 {
      out += ["", "\(r.dedup.clustersNotShown) smaller clusters not shown."]
    }
    return out + [""]
  }

  private static func cleaning(_ r: RunReport) -> [String] {
    var out = ["## Cleaning: blocks removed per rule", ""]
    guard !r.cleaning.isEmpty else { return out + ["No block was removed.", ""] }
    out += ["| rule | blocks | chars | examples |", "| --- | ---: | ---: | --- |"]
    out += r.cleaning.map { rule in
      "| \(rule.rule) | \(rule.blocks) | \(rule.chars) | \(rule.examples.map { "«\(cell($0))»" }.joined(separator: " ")) |"
    }
    return out + [""]
  }

  private static func learned(_ r: RunReport) -> [String] {
    var out = ["## Cleaning: boilerplate learned from the run", ""]
    guard !r.learnedBoilerplate.isEmpty else { return out + ["No block was learned.", ""] }
    out += ["| site | articles | blocks | pattern | text |", "| --- | ---: | ---: | --- | --- |"]
    out += r.learnedBoilerplate.map {
      "| \(cell($0.site)) | \($0.articles) | \($0.blocks) | `\($0.pattern)` | «\(cell($0.example))» |"
    }
    return out + [""]
  }

  private static func outputs(_ r: RunReport) -> [String] {
    var out = [
      "## Output files", "", "| file | bytes | records | sha256 |", "| --- | ---: | ---: | --- |",
    ]
    out += r.outputs.map {
      "| \($0.path) | \($0.bytes) | \($0.records) | `\($0.sha256.prefix(16))…` |"
    }
    return out
  }

  /// Text made safe for one Markdown table cell: `|` cannot end the cell, and a `<` that
  /// could open an HTML tag (before a letter, `/`, `!` or `?`) is escaped, so a Markdown
  /// renderer shows article markup (`<script>`) as text; "0 < 50" stays as it reads.
  static func cell(_ text: String) -> String {
    var out = ""
    var scalars = text.unicodeScalars.makeIterator()
    var next = scalars.next()
    while let scalar = next {
      next = scalars.next()
      switch scalar {
      case "|": out += "\\|"
      case "\n": out += " "
      case "<" where next.map(opensTag) ?? false: out += "\\<"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether `<` followed by `scalar` could open an HTML tag, comment or declaration.
  private static func opensTag(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
      || "/!?".unicodeScalars.contains(scalar)
  }

  static func fixed(_ value: Double, _ digits: Int) -> String {
    let rounded = value.rounded(toPlaces: digits)
    let text = String(rounded)
    let decimals = text.split(separator: ".").last?.count ?? 0
    return text + String(repeating: "0", count: max(0, digits - decimals))
  }

  static func percent(_ share: Double) -> String { fixed(share * 100, 1) + "%" }

  static func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1e6, 2) + " MB" }
}
