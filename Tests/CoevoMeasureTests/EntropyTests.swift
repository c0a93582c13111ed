import Testing
@testable import CoevoMeasure

/// Entropy weights under every zero-shift convention, to 1e-7 against numpy
/// (scripts/crosscheck/measure_reference.py), plus a hand-worked two-row case.
@Suite struct EntropyTests {
    @Test func normalisationMatchesNumpy() {
        let x = normalizeMatrix(Ref.rawMatrix, directions: [.positive, .negative, .positive], shift: .none)
        for i in 0..<x.count { for j in 0..<3 { #expect(abs(x[i][j] - Ref.normalizedMatrix[i][j]) < 1e-12) } }
    }

    @Test func weightsForEveryShiftConvention() {
        let cases: [(ZeroShift, [Double])] = [
            (.none, Ref.entropyWeightsNone), (.add(0.0001), Ref.entropyWeightsAdd00001),
            (.add(0.001), Ref.entropyWeightsAdd0001), (.rescale(0.002), Ref.entropyWeightsRescale0002),
            (.minShift(0.01), Ref.entropyWeightsMinShift001),
        ]
        for (shift, ref) in cases {
            let w = entropyWeights(normalized: Ref.normalizedMatrix, shift: shift)
            #expect(abs(w.reduce(0, +) - 1) < 1e-12)
            for j in 0..<3 { #expect(abs(w[j] - ref[j]) < 1e-7, "shift \(shift) column \(j)") }
        }
        // The conventions differ by more than the tolerance, so the test can tell them apart.
        #expect(abs(Ref.entropyWeightsNone[1] - Ref.entropyWeightsAdd00001[1]) > 1e-7)
    }

    @Test func subsystemScoresMatchNumpy() {
        let idx = buildSubsystemIndex(Ref.rawMatrix, directions: [.positive, .negative, .positive], shift: .add(0.0001))
        for j in 0..<3 { #expect(abs(idx.weights[j] - Ref.entropyWeightsAdd00001[j]) < 1e-7) }
        for i in 0..<idx.scores.count { #expect(abs(idx.scores[i] - Ref.scoresAdd00001[i]) < 1e-7) }
    }

    @Test func handWorkedTwoRows() {
        // Column 1 = (0, 1) with shift none: p = (0, 1), e = 0 (0·ln0 = 0), d = 1.
        // Column 2 = (0.5, 0.5): p = (½, ½), e = ln2/ln2 = 1, d = 0. Weights (1, 0).
        let w = entropyWeights(normalized: [[0, 0.5], [1, 0.5]], shift: .none)
        #expect(abs(w[0] - 1) < 1e-15 && abs(w[1]) < 1e-15)
        // All columns constant → equal weights by convention.
        let eq = entropyWeights(normalized: [[0.3, 0.3], [0.3, 0.3], [0.3, 0.3]], shift: .none)
        #expect(eq == [0.5, 0.5])
        // An all-zero column with shift none has Σ = 0: weight 0, no NaN.
        let z = entropyWeights(normalized: [[0, 0.2], [0, 0.9], [0, 0.4]], shift: .none)
        #expect(z[0] == 0 && abs(z[1] - 1) < 1e-15)
    }

    @Test func panelKUsesAllUnitYears() {
        // Two units × three years stacked: k = 1/ln 6. Duplicating every row changes k to 1/ln 12
        // and so changes the weights; pooled stacking is what the contract states.
        let rows = [[0.1, 0.9], [0.4, 0.5], [0.8, 0.6], [0.2, 0.1], [0.5, 0.3], [1.0, 0.2]]
        let w = entropyWeights(normalized: rows, shift: .none)
        var d = [Double]()
        for j in 0..<2 {
            let s = rows.reduce(0) { $0 + $1[j] }
            let h = rows.reduce(0.0) { acc, r in let p = r[j] / s; return acc - p * log(p) }
            d.append(1 - h / log(6.0))
        }
        #expect(abs(w[0] - d[0] / (d[0] + d[1])) < 1e-14)
    }

    @Test func perTimeRanges() {
        // Two units, two years; per-time bounds make each year's best unit 1 and worst 0.
        let v: [[Double]] = [[1], [3], [10], [30]]
        let x = normalizeMatrix(v, directions: [.positive], range: .perTime, times: [2000, 2000, 2001, 2001], shift: .none)
        #expect(x.map { $0[0] } == [0, 1, 0, 1])
        let pooled = normalizeMatrix(v, directions: [.positive], shift: .none)
        #expect(abs(pooled[1][0] - 2.0 / 29) < 1e-15)
    }
}

import Foundation
