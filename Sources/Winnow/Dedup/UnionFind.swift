/// Disjoint sets over 0..<count: which items have been joined, directly or
/// through others.
///
/// Galler & Fischer (1964) with Tarjan's analysis (1975): union by size and
/// path compression make any sequence of m operations take O(m · α(n)).
/// Indices are stored as `UInt32` to keep 8 bytes per item.
///
/// - Complexity: O(α(n)) amortized per `find` and `union`; 8 bytes per item.
struct UnionFind {
  private var parent: [UInt32]
  private var sizes: [UInt32]

  init(count: Int) {
    precondition(count <= Int(UInt32.max), "at most 2^32 − 1 items")
    parent = (0..<count).map { UInt32(truncatingIfNeeded: $0) }
    sizes = [UInt32](repeating: 1, count: count)
  }

  /// The representative of the set that holds `item`.
  mutating func find(_ item: Int) -> Int {
    var root = item
    while Int(parent[root]) != root { root = Int(parent[root]) }
    var node = item
    while node != root {
      let next = Int(parent[node])
      parent[node] = UInt32(truncatingIfNeeded: root)
      node = next
    }
    return root
  }

  /// Joins the sets of `a` and `b`; false when they were already one set.
  @discardableResult
  mutating func union(_ a: Int, _ b: Int) -> Bool {
    var rootA = find(a)
    var rootB = find(b)
    guard rootA != rootB else { return false }
    if sizes[rootA] < sizes[rootB] { swap(&rootA, &rootB) }
    parent[rootB] = UInt32(truncatingIfNeeded: rootA)
    sizes[rootA] += sizes[rootB]
    return true
  }

  /// Number of items, joined or not.
  var count: Int { parent.count }

  /// Number of items in the set that holds `item`.
  mutating func size(of item: Int) -> Int { Int(sizes[find(item)]) }
}
