/// Diffs two texts the way a reviewer compares a duplicate with its keeper: first by
/// blocks (paragraphs), then, inside each pair of changed blocks, by characters
/// (Unicode scalars). Shared runs are what the report highlights.
///
/// The sequence diff is a shortest edit script, i.e. a longest common subsequence
/// (E. W. Myers, "An O(ND) Difference Algorithm and Its Variations", 1986), after the
/// common prefix and suffix are trimmed. It is bounded: past `maxEdits` edits the middle
/// is reported as one change, so a long text unlike its keeper costs little.
///
/// - Complexity: O((n + m)·D) time and O(D²) space for D ≤ `maxEdits` edits.
public enum TextDiff {
  /// A run of elements in both sequences (`same`), only in the first, or only in the second.
  public enum Edit<Element: Equatable & Sendable>: Equatable, Sendable {
    case same([Element])
    case removed([Element])
    case added([Element])
  }

  /// One row of a side-by-side block diff; `left`/`right` nil where a side has no block.
  public struct BlockRow: Equatable, Sendable {
    public var left: String?
    public var right: String?
    /// For two different blocks facing each other, their character diff.
    public var characters: [Edit<Unicode.Scalar>]?
  }

  /// Most edits a diff looks for before giving up on the middle: 1,500 edits keep the
  /// frontiers under 2.3 million integers; near duplicates differ by far fewer.
  public static let maxEdits = 1500

  /// The edits turning `a` into `b`, runs merged, in order.
  public static func diff<E: Equatable & Sendable>(_ a: [E], _ b: [E], maxEdits: Int = maxEdits)
    -> [Edit<E>]
  {
    var prefix = 0
    while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < a.count - prefix && suffix < b.count - prefix
      && a[a.count - 1 - suffix] == b[b.count - 1 - suffix]
    {
      suffix += 1
    }
    let midA = Array(a[prefix..<(a.count - suffix)])
    let midB = Array(b[prefix..<(b.count - suffix)])
    var edits: [Edit<E>] = [.same(Array(a[..<prefix]))]
    edits += middle(midA, midB, maxEdits: maxEdits)
    edits.append(.same(Array(a[(a.count - suffix)...])))
    return merged(edits)
  }

  /// Side-by-side rows: equal blocks face each other; in a changed stretch, removed and
  /// added blocks are paired in order and diffed by characters, the leftovers stand alone.
  public static func blocks(_ left: String, _ right: String) -> [BlockRow] {
    var rows: [BlockRow] = []
    var removed: [String] = []
    var added: [String] = []
    func flush() {
      for i in 0..<max(removed.count, added.count) {
        let l = i < removed.count ? removed[i] : nil
        let r = i < added.count ? added[i] : nil
        let chars = l.flatMap { l in r.map { characters(l, $0) } }
        rows.append(BlockRow(left: l, right: r, characters: chars))
      }
      removed = []
      added = []
    }
    for edit in diff(paragraphs(left), paragraphs(right)) {
      switch edit {
      case .same(let blocks):
        flush()
        rows += blocks.map { BlockRow(left: $0, right: $0, characters: nil) }
      case .removed(let blocks): removed += blocks
      case .added(let blocks): added += blocks
      }
    }
    flush()
    return rows
  }

  /// The character diff of two blocks.
  public static func characters(_ a: String, _ b: String) -> [Edit<Unicode.Scalar>] {
    diff(Array(a.unicodeScalars), Array(b.unicodeScalars))
  }

  /// Paragraphs as the corpus joins them: blocks separated by a blank line.
  static func paragraphs(_ text: String) -> [String] {
    text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
  }

  /// The shortest edit script of two sequences with no common prefix or suffix (Myers'
  /// greedy algorithm), or one removal and one addition when it needs more than `maxEdits`.
  private static func middle<E: Equatable & Sendable>(_ a: [E], _ b: [E], maxEdits: Int) -> [Edit<
    E
  >] {
    guard !a.isEmpty, !b.isEmpty, let trace = frontiers(a, b, maxEdits: maxEdits) else {
      return [.removed(a), .added(b)]
    }
    return backtrack(a, b, trace)
  }

  /// Myers' forward pass: `trace[d]` is the furthest x on each diagonal k (index k + d)
  /// reached with d − 1 edits, kept so the path can be walked back; nil past `maxEdits`.
  private static func frontiers<E: Equatable & Sendable>(_ a: [E], _ b: [E], maxEdits: Int)
    -> [[Int]]?
  {
    let (n, m) = (a.count, b.count)
    let limit = min(n + m, maxEdits)
    let offset = limit + 1
    var v = [Int](repeating: 0, count: 2 * limit + 3)
    var trace: [[Int]] = []
    for d in 0...limit {
      trace.append(Array(v[(offset - d)...(offset + d)]))
      for k in stride(from: -d, through: d, by: 2) {
        var x =
          k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1] : v[offset + k - 1] + 1
        var y = x - k
        while x < n && y < m && a[x] == b[y] {
          x += 1
          y += 1
        }
        v[offset + k] = x
        if x >= n && y >= m { return trace }
      }
    }
    return nil
  }

  /// Walks the frontiers back from the end, one edit and its diagonal run per step.
  private static func backtrack<E: Equatable & Sendable>(_ a: [E], _ b: [E], _ trace: [[Int]])
    -> [Edit<E>]
  {
    var (x, y) = (a.count, b.count)
    var edits: [Edit<E>] = []
    for d in stride(from: trace.count - 1, to: 0, by: -1) {
      let frontier = { (k: Int) in trace[d][k + d] }
      let k = x - y
      let down = k == -d || (k != d && frontier(k - 1) < frontier(k + 1))
      let previousX = frontier(down ? k + 1 : k - 1)
      let previousY = previousX - (down ? k + 1 : k - 1)
      while x > previousX && y > previousY {
        edits.append(.same([a[x - 1]]))
        x -= 1
        y -= 1
      }
      if down { edits.append(.added([b[y - 1]])) } else { edits.append(.removed([a[x - 1]])) }
      (x, y) = (previousX, previousY)
    }
    while x > 0 && y > 0 {
      edits.append(.same([a[x - 1]]))
      x -= 1
      y -= 1
    }
    return edits.reversed()
  }

  /// Drops empty runs and joins neighbours of the same kind; a removal next to an
  /// addition keeps the removal first.
  private static func merged<E: Equatable & Sendable>(_ edits: [Edit<E>]) -> [Edit<E>] {
    var out: [Edit<E>] = []
    for edit in edits {
      switch (out.last, edit) {
      case (.same(let x)?, .same(let y)): out[out.count - 1] = .same(x + y)
      case (.removed(let x)?, .removed(let y)): out[out.count - 1] = .removed(x + y)
      case (.added(let x)?, .added(let y)): out[out.count - 1] = .added(x + y)
      default:
        switch edit {
        case .same(let x), .removed(let x), .added(let x): if !x.isEmpty { out.append(edit) }
        }
      }
    }
    return out
  }
}
