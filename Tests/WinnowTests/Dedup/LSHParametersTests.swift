import Foundation
import Testing

@testable import Winnow

extension DedupTests {
  @Suite struct LSHParametersTests {
    /// (threshold, signature length, false-negative weight) → (bands, rows), as
    /// datasketch's `_optimal_param` gives them (SciPy `quad`, weights 1 − w, w).
    static let datasketchChoices: [(Double, Int, Double, Int, Int)] = [
      (0.8, 128, 0.5, 9, 13), (0.5, 128, 0.5, 25, 5), (0.9, 128, 0.5, 5, 25),
      (0.8, 256, 0.5, 17, 15), (0.7, 64, 0.5, 8, 8), (0.8, 128, 0.9, 14, 9),
      (0.8, 128, 0.99, 18, 7),
      (0.8, 128, 0.1, 6, 21), (0.3, 128, 0.5, 37, 3), (0.95, 128, 0.5, 3, 42),
    ]

    @Test func matchesDatasketchsChoices() {
      for (threshold, length, weight, bands, rows) in Self.datasketchChoices {
        let chosen = LSHParameters.optimal(
          threshold: threshold, signatureLength: length, falseNegativeWeight: weight)
        #expect(
          chosen == LSHParameters(bands: bands, rows: rows),
          "t=\(threshold) L=\(length) w=\(weight)")
      }
    }

    /// At 0.8 / 128 with equal weights (datasketch's default): 9 × 13 = 117 ≤ 128; P(0.8) = 1 − (1 − 0.8^13)^9 ≈ 0.399
    /// (the S-curve's midpoint is (1/9)^(1/13) ≈ 0.845), P(0.5) ≈ 0.0011, P(0.9) ≈ 0.929.
    @Test func candidateProbabilitiesAtEqualWeights() {
      let lsh = LSHParameters.optimal(
        threshold: 0.8, signatureLength: 128, falseNegativeWeight: 0.5)
      #expect(lsh.bands * lsh.rows <= 128)
      #expect(abs(lsh.candidateProbability(similarity: 0.8) - 0.3988) < 0.001)
      #expect(lsh.candidateProbability(similarity: 0.5) < 0.002)
      #expect(lsh.candidateProbability(similarity: 0.9) > 0.92)
      #expect(lsh.candidateProbability(similarity: 0.95) > 0.998)
    }

    /// Weighting misses more buys recall at the threshold for a few more candidates.
    @Test func heavierFalseNegativeWeightRaisesRecallAtTheThreshold() {
      let lsh = LSHParameters.optimal(
        threshold: 0.8, signatureLength: 128, falseNegativeWeight: 0.9)
      #expect(lsh.candidateProbability(similarity: 0.8) > 0.85)
      #expect(lsh.candidateProbability(similarity: 0.5) < 0.03)
    }

    /// A brute-force search with a different quadrature (trapezoid, 4000 steps) picks the same.
    @Test(arguments: [0.5, 0.7, 0.8, 0.9])
    func agreesWithBruteForce(threshold: Double) {
      var best = (error: Double.infinity, bands: 0, rows: 0)
      for bands in 1...64 {
        for rows in 1...(64 / bands) {
          let p = { (s: Double) in 1 - pow(1 - pow(s, Double(rows)), Double(bands)) }
          let error =
            0.5 * trapezoid(0, threshold, p) + 0.5 * trapezoid(threshold, 1) { 1 - p($0) }
          if error < best.error { best = (error, bands, rows) }
        }
      }
      let chosen = LSHParameters.optimal(
        threshold: threshold, signatureLength: 64, falseNegativeWeight: 0.5)
      #expect(chosen == LSHParameters(bands: best.bands, rows: best.rows))
    }

    /// The search multiplies powers up band by band; the plain formula, every candidate's
    /// two integrals with `pow` at each point, picks the same over a grid of settings.
    @Test(arguments: [16, 64, 128])
    func agreesWithThePlainFormula(signatureLength: Int) {
      for threshold in stride(from: 0.05, through: 0.95, by: 0.1) {
        for weight in [0.1, 0.5, 0.9] {
          var best = (error: Double.infinity, bands: 0, rows: 0)
          for bands in 1...signatureLength {
            for rows in 1...(signatureLength / bands) {
              let lsh = LSHParameters(bands: bands, rows: rows)
              let error =
                (1 - weight)
                * simpson(0, threshold) { lsh.candidateProbability(similarity: $0) }
                + weight * simpson(threshold, 1) { 1 - lsh.candidateProbability(similarity: $0) }
              if error < best.error { best = (error, bands, rows) }
            }
          }
          let chosen = LSHParameters.optimal(
            threshold: threshold, signatureLength: signatureLength, falseNegativeWeight: weight)
          #expect(
            chosen == LSHParameters(bands: best.bands, rows: best.rows),
            "t=\(threshold) L=\(signatureLength) w=\(weight)")
        }
      }
    }

    @Test func integratesPolynomialsExactly() {
      #expect(abs(simpson(0, 1) { $0 * $0 } - 1.0 / 3) < 1e-12)
      #expect(abs(simpson(0.2, 0.7) { $0 * $0 * $0 } - 0.059625) < 1e-12)
    }

    /// ∫ f over [a, b] on the search's grid.
    private func simpson(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
      let grid = SimpsonGrid(from: a, to: b)
      return grid.integral { f(grid.points[$0]) }
    }

    private func trapezoid(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
      let steps = 4000
      let h = (b - a) / Double(steps)
      var sum = (f(a) + f(b)) / 2
      for i in 1..<steps { sum += f(a + Double(i) * h) }
      return sum * h
    }
  }
}
