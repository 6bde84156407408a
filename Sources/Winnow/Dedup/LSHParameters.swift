import Foundation
import Synchronization

/// How MinHash signatures are cut for locality-sensitive hashing: `bands`
/// groups of `rows` consecutive values.
///
/// LSH banding (Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*,
/// ch. 3.4): two items are candidates when all `rows` values of at least one
/// band agree, which for Jaccard similarity s happens with probability
/// P(s) = 1 − (1 − s^r)^b, an S-curve around (1/b)^(1/r).
///
/// ```swift
/// let lsh = LSHParameters.optimal(threshold: 0.8, signatureLength: 128, falseNegativeWeight: 0.5)
/// // lsh.bands == 9, lsh.rows == 13
/// ```
public struct LSHParameters: Sendable, Equatable, CustomStringConvertible {
  public var bands: Int
  public var rows: Int

  public init(bands: Int, rows: Int) {
    self.bands = bands
    self.rows = rows
  }

  public var description: String { "\(bands) bands × \(rows) rows" }

  /// P(candidate | s): the probability that two sets of Jaccard similarity `s`
  /// share at least one band.
  public func candidateProbability(similarity s: Double) -> Double {
    1 - pow(1 - pow(s, Double(rows)), Double(bands))
  }

  /// datasketch's method (`MinHashLSH._optimal_param`): the bands × rows, with
  /// b·r ≤ `signatureLength`, that minimise
  /// w_fp · ∫₀ᵗ P(s) ds + w_fn · ∫ₜ¹ (1 − P(s)) ds, with w_fp = 1 − w_fn.
  /// Among equal errors the first found wins: fewest bands, then fewest rows.
  ///
  /// - Complexity: O(L log L · m) for signature length L and m integration points.
  public static func optimal(
    threshold: Double, signatureLength: Int, falseNegativeWeight: Double
  ) -> LSHParameters {
    let key = OptimalKey(
      threshold: threshold, signatureLength: signatureLength, weight: falseNegativeWeight)
    if let known = optimalFound.withLock({ $0[key] }) { return known }
    let best = search(threshold, signatureLength, falseNegativeWeight)
    optimalFound.withLock { $0[key] = best }
    return best
  }

  private struct OptimalKey: Hashable {
    var threshold: Double
    var signatureLength: Int
    var weight: Double
  }

  /// The searches done in this process (about a millisecond each at length 128): a
  /// one-process run's collide, cluster and write stages each ask for the same one.
  private static let optimalFound = Mutex<[OptimalKey: LSHParameters]>([:])

  /// Walks rows outermost so that each band count's miss probability (1 − s^r)^b is the
  /// previous one times (1 − s^r): one `pow` per row count and point instead of two per
  /// candidate and point (a run's fixed cost: 15 ms → under 1 ms at length 128).
  private static func search(
    _ threshold: Double, _ signatureLength: Int, _ falseNegativeWeight: Double
  ) -> LSHParameters {
    let below = SimpsonGrid(from: 0, to: threshold)
    let above = SimpsonGrid(from: threshold, to: 1)
    let length = max(1, signatureLength)
    var best = (error: Double.infinity, bands: 1, rows: 1)
    for rows in 1...length {
      var missBelow = below.points.map { 1 - pow($0, Double(rows)) }
      var missAbove = above.points.map { 1 - pow($0, Double(rows)) }
      let stepBelow = missBelow
      let stepAbove = missAbove
      for bands in 1...(length / rows) {
        if bands > 1 {
          for i in missBelow.indices { missBelow[i] *= stepBelow[i] }
          for i in missAbove.indices { missAbove[i] *= stepAbove[i] }
        }
        // False positives: P(s) = 1 − miss below the threshold; false negatives: miss above.
        let error =
          (1 - falseNegativeWeight) * below.integral { 1 - missBelow[$0] }
          + falseNegativeWeight * above.integral { missAbove[$0] }
        if (error, bands, rows) < best { best = (error, bands, rows) }
      }
    }
    return LSHParameters(bands: best.bands, rows: best.rows)
  }
}

/// The points of composite Simpson's rule over 256 intervals of [a, b], for integrating
/// several functions known only at those points. The integrands of the LSH search are
/// smooth S-curves, and this agrees with adaptive quadrature (SciPy's `quad`, which
/// datasketch uses) to well below the differences between neighbouring b, r.
struct SimpsonGrid {
  static let intervals = 256
  let points: [Double]
  private let step: Double

  init(from a: Double, to b: Double) {
    let step = (b - a) / Double(Self.intervals)
    self.step = step
    points = (0...Self.intervals).map { $0 == Self.intervals ? b : a + Double($0) * step }
  }

  /// ∫ f over [a, b], given f at point i as `value(i)`.
  func integral(_ value: (Int) -> Double) -> Double {
    var sum = value(0) + value(Self.intervals)
    for i in 1..<Self.intervals {
      sum += (i % 2 == 1 ? 4 : 2) * value(i)
    }
    return sum * step / 3
  }
}
