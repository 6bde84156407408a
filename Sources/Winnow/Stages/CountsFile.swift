/// Block counts per site as a work file: one record per site, sites and block
/// hashes in ascending order, so equal counts make equal files.
extension BoilerplateCounts {
  static let workKind = "counts"

  static func write(_ counts: BoilerplateCounts, to path: String, _ plan: RunPlan) throws {
    let file = try plan.writer(path, kind: workKind)
    for (name, site) in counts.sites.sorted(by: { $0.key < $1.key }) {
      var out = BinaryWriter()
      out.write(name)
      out.write(site.articles)
      out.write(site.blocks.count)
      for (hash, count) in site.blocks.sorted(by: { $0.key < $1.key }) {
        out.write(hash)
        out.write(count)
      }
      file.append(out.bytes)
    }
    try file.commit()
  }

  /// Adds the counts in the file at `path` to these.
  mutating func merge(file path: String, _ plan: RunPlan) throws {
    let file = try plan.reader(path, kind: Self.workKind)
    var read = BoilerplateCounts()
    try file.forEachRecord { bytes in
      var input = BinaryReader(bytes)
      let name = try input.read(String.self)
      var site = Site()
      site.articles = try input.read(Int.self)
      let count = try input.read(Int.self)
      site.blocks.reserveCapacity(count)
      for _ in 0..<count {
        let hash = try input.read(UInt64.self)
        site.blocks[hash] = try input.read(Int.self)
      }
      read.sites[name] = site
    }
    merge(read)
  }
}
