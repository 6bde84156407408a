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

  /// The searches done in this process: a few hundred thousand `pow` calls each, and a
  /// one-process run's collide, cluster and write stages each ask for the same one.
  private static let optimalFound = Mutex<[OptimalKey: LSHParameters]>([:])

  private static func search(
    _ threshold: Double, _ signatureLength: Int, _ falseNegativeWeight: Double
  ) -> LSHParameters {
    var best = LSHParameters(bands: 1, rows: 1)
    var smallestError = Double.infinity
    for bands in 1...max(1, signatureLength) {
      for rows in 1...max(1, signatureLength / bands) {
        let candidate = LSHParameters(bands: bands, rows: rows)
        let falsePositives = integrate(from: 0, to: threshold) {
          candidate.candidateProbability(similarity: $0)
        }
        let falseNegatives = integrate(from: threshold, to: 1) {
          1 - candidate.candidateProbability(similarity: $0)
        }
        let error =
          (1 - falseNegativeWeight) * falsePositives + falseNegativeWeight * falseNegatives
        if error < smallestError {
          smallestError = error
          best = candidate
        }
      }
    }
    return best
  }

  /// Composite Simpson's rule over 256 intervals: the integrands are smooth
  /// S-curves, and this agrees with adaptive quadrature (SciPy's `quad`, which
  /// datasketch uses) to well below the differences between neighbouring b, r.
  static func integrate(from a: Double, to b: Double, _ f: (Double) -> Double) -> Double {
    let intervals = 256
    let h = (b - a) / Double(intervals)
    var sum = f(a) + f(b)
    for i in 1..<intervals {
      sum += (i % 2 == 1 ? 4 : 2) * f(a + Double(i) * h)
    }
    return sum * h / 3
  }
}
