/// The review sections of the HTML report: duplicate clusters (with the texts side by
/// side), boilerplate, rejected samples and the per-site table.
extension HTMLReport {
  static func clusters(_ r: RunReport, jobs: Int) -> String {
    let stats = DedupFigures.numbers(r.dedup.stats).map {
      row([$0.key, SVGChart.number($0.value)])
    }
    let full = r.dedup.clusters.filter { $0.keeper.text != nil }
    let rest = r.dedup.clusters.filter { $0.keeper.text == nil }
    var content = table(["dedup figure", "value"], stats)
    content += ConcurrentMap.map(Array(full.indices), jobs: jobs) {
      fullCluster(full[$0], number: $0 + 1)
    }.joined()
    if !rest.isEmpty {
      content += "<h3>More clusters</h3>" + clusterRows(rest, first: full.count + 1)
    }
    if r.dedup.clustersNotShown > 0 {
      content += "<p class=\"note\">\(r.dedup.clustersNotShown) smaller clusters not listed.</p>"
    }
    return section("clusters", "Duplicate clusters (\(r.dedup.stats.clusters))", content)
  }

  /// A collapsible cluster: keeper and members, then each member's text beside the keeper's.
  private static func fullCluster(_ c: RunReport.Cluster, number: Int) -> String {
    let title = c.keeper.title.map { " " + e($0) } ?? ""
    let refs = ([c.keeper] + c.members).map { ref in
      row([
        ref.similarity == nil ? "keeper" : "member" + (ref.measure.map { " (\($0))" } ?? ""),
        ref.id, ref.site ?? "", ref.date ?? "", ref.source, "\(ref.chars)",
        ref.similarity.map { MarkdownReport.fixed($0, 3) } ?? "",
      ])
    }
    var out = "<details class=\"cluster\"\(number == 1 ? " open" : "")><summary>#\(number) kept "
    out +=
      "<code>\(e(c.keeper.id))</code>\(title) — \(c.members.count + c.membersNotShown) duplicates</summary>"
    out += table(["role", "id", "site", "date", "source", "chars", "similarity"], refs)
    if c.membersNotShown > 0 { out += "<p class=\"note\">\(c.membersNotShown) more members.</p>" }
    for member in c.members {
      out += sideBySide(keeper: c.keeper, member: member)
    }
    return out + "</details>\n"
  }

  /// The keeper's text (left) beside a member's (right): shared passages highlighted,
  /// differing ones marked; blocks first, characters inside changed blocks.
  static func sideBySide(keeper: RunReport.ArticleRef, member: RunReport.ArticleRef) -> String {
    guard let left = keeper.text, let right = member.text else { return "" }
    let rows = TextDiff.blocks(left, right).map { row in
      guard let chars = row.characters else {
        let shared = row.left != nil && row.right != nil
        return "<tr><td\(shared ? " class=\"same\"" : "")>\(e(row.left ?? ""))</td>"
          + "<td\(shared ? " class=\"same\"" : "")>\(e(row.right ?? ""))</td></tr>"
      }
      return
        "<tr><td>\(marked(chars, side: .left))</td><td>\(marked(chars, side: .right))</td></tr>"
    }
    return "<table class=\"diff\"><tr><th>kept <code>\(e(keeper.id))</code></th>"
      + "<th><code>\(e(member.id))</code></th></tr>\n\(rows.joined(separator: "\n"))</table>\n"
  }

  enum Side { case left, right }

  /// One side of a character diff: shared runs in `<mark>`, its own runs in `<del>`/`<ins>`.
  static func marked(_ edits: [TextDiff.Edit<Unicode.Scalar>], side: Side) -> String {
    var out = ""
    for edit in edits {
      switch (edit, side) {
      case (.same(let s), _): out += "<mark>\(e(scalars(s)))</mark>"
      case (.removed(let s), .left): out += "<del>\(e(scalars(s)))</del>"
      case (.added(let s), .right): out += "<ins>\(e(scalars(s)))</ins>"
      default: break
      }
    }
    return out
  }

  private static func scalars(_ s: [Unicode.Scalar]) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: s)
    return String(view)
  }

  /// Clusters beyond the ones shown in full, one row each.
  private static func clusterRows(_ clusters: [RunReport.Cluster], first: Int) -> String {
    let rows = clusters.enumerated().map { n, c in
      let lowest = c.members.compactMap(\.similarity).min()
      return row([
        "\(first + n)", c.keeper.id, c.keeper.title ?? "", c.keeper.site ?? "", c.keeper.source,
        "\(c.members.count + c.membersNotShown)", lowest.map { MarkdownReport.fixed($0, 3) } ?? "",
      ])
    }
    return table(["#", "kept", "title", "site", "source", "duplicates", "lowest similarity"], rows)
  }

  static func boilerplate(_ r: RunReport) -> String {
    let rules = r.cleaning.map { rule in
      row([
        rule.rule, "\(rule.blocks)", "\(rule.chars)",
        rule.examples.map { "«\($0)»" }.joined(separator: " "),
      ])
    }
    let learned = r.learnedBoilerplate.map {
      row([$0.site, "\($0.articles)", "\($0.blocks)", $0.pattern, "«\($0.example)»"])
    }
    return section(
      "boilerplate", "Boilerplate",
      "<h3>Blocks removed per rule</h3>" + table(["rule", "blocks", "chars", "examples"], rules)
        + "<h3>Boilerplate learned from the run</h3>"
        + table(["site", "articles", "blocks", "pattern", "example"], learned))
  }

  static func rejected(_ r: RunReport) -> String {
    var content = ""
    if !r.qualityRules.isEmpty {
      content +=
        "<h3>Quality rules</h3>"
        + table(["rule", "articles"], r.qualityRules.map { row([$0.rule, "\($0.articles)"]) })
    }
    for reason in r.rejections {
      let rows = reason.examples.map { x in
        let failures = (x.failures ?? []).map(\.description).joined(separator: "; ")
        return row([x.id, x.title ?? "", x.source, x.message, failures])
      }
      content +=
        "<h3>\(e(reason.reason)) (\(reason.count))</h3>"
        + table(["id", "title", "source", "why", "failing signals"], rows)
      if reason.count > reason.examples.count {
        content += "<p class=\"note\">\(reason.count - reason.examples.count) more not shown.</p>"
      }
    }
    return section(
      "rejected", "Rejected articles", content.isEmpty ? "<p>Nothing was rejected.</p>" : content)
  }

  static func sites(_ r: RunReport) -> String {
    let rows = r.sites.map { s in
      row([
        s.site, "\(s.articles)", "\(s.clean)",
        MarkdownReport.percent(s.articles > 0 ? Double(s.duplicates) / Double(s.articles) : 0),
        s.judged > 0 ? MarkdownReport.percent(Double(s.qualityPassed) / Double(s.judged)) : "–",
        MarkdownReport.fixed(s.meanChars, 1),
      ])
    }
    var content = table(
      ["site", "articles", "kept", "duplicate rate", "quality pass rate", "mean chars kept"], rows)
    if r.sitesNotShown > 0 {
      content += "<p class=\"note\">\(r.sitesNotShown) smaller sites not listed.</p>"
    }
    return section("sites", "Sites", content)
  }
}
