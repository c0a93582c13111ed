// The sensitivity estimators on analytic functions whose indices are known exactly (issue 12's
// acceptance figures): Sobol S1 and ST within 0.03 of the analytic values for Ishigami (a = 7,
// b = 0.1) and a G function at N = 8192 base samples; Morris μ* ranks the G function's factors in
// the analytic order; and each estimator fails on a function built to defeat it.

import CoevoExperiments
import CoevoMeasure
import Testing

@Suite struct SensitivityEstimatorTests {
    @Test func analyticIndicesOfIshigamiAreTheKnownValues() {
        let (s1, st) = TestFunction.ishigami().analyticIndices
        // Saltelli et al. (2008), Global Sensitivity Analysis: The Primer, §4.6: S1 = 0.314, 0.442, 0; ST = 0.558, 0.442, 0.244.
        #expect(abs(s1[0] - 0.3139) < 1e-3 && abs(s1[1] - 0.4424) < 1e-3 && s1[2] == 0)
        #expect(abs(st[0] - 0.5576) < 1e-3 && abs(st[1] - 0.4424) < 1e-3 && abs(st[2] - 0.2437) < 1e-3)
    }

    @Test(arguments: [TestFunction.ishigami(a: 7, b: 0.1), TestFunction.sobolG(a: [0, 1, 4.5, 9, 99, 99])])
    func sobolIndicesMatchTheAnalyticValues(_ f: TestFunction) {
        let k = f.dimensions, n = 8192
        let d = SaltelliDesign(base: n, factors: k, seed: 11)
        let y = d.rows.map { f($0) }
        let (first, total) = SobolAnalysis.indices(y, base: n, factors: k, bootstrap: 200, seed: 3)
        let exact = f.analyticIndices
        for i in 0..<k {
            #expect(abs(first[i].estimate - exact.first[i]) < 0.03, "S1[\(i)] \(first[i].estimate) vs \(exact.first[i])")
            #expect(abs(total[i].estimate - exact.total[i]) < 0.03, "ST[\(i)] \(total[i].estimate) vs \(exact.total[i])")
            #expect(first[i].low <= first[i].estimate && first[i].estimate <= first[i].high)
        }
    }

    @Test func morrisMuStarRanksTheGFunctionsFactorsInTheAnalyticOrder() {
        let f = TestFunction.sobolG(a: [0, 1, 4.5, 9, 99, 99])
        let d = MorrisDesign(trajectories: 200, factors: 6, levels: 4, seed: 5)
        let e = MorrisAnalysis.effects(d.rows.map { f($0) }, design: d, bootstrap: 200)
        let star = e.muStar.map(\.estimate)
        // Smaller a_i means more influence: x1 > x2 > x3 > x4 > {x5, x6}.
        #expect(star[0] > star[1] && star[1] > star[2] && star[2] > star[3] && star[3] > star[4] && star[3] > star[5], "\(star)")
        #expect(star[4] < 0.05 * star[0] && star[5] < 0.05 * star[0])
    }

    @Test func morrisEffectsOfALinearFunctionAreItsSlopes() {
        let d = MorrisDesign(trajectories: 10, factors: 3, levels: 4, seed: 9)
        let e = MorrisAnalysis.effects(d.rows.map { 2 * $0[0] - 3 * $0[1] + 0 * $0[2] }, design: d, bootstrap: 0)
        #expect(abs(e.mu[0] - 2) < 1e-12 && abs(e.mu[1] + 3) < 1e-12 && abs(e.mu[2]) < 1e-12)
        #expect(abs(e.muStar[1].estimate - 3) < 1e-12 && e.sigma[0] < 1e-12)
        #expect(d.rows.allSatisfy { $0.allSatisfy { $0 >= -1e-12 && $0 <= 1 + 1e-12 } })
    }

    @Test func sobolEstimatesFailForAnInteractionOnlyFunction() {
        // f = (x1 − ½)(x2 − ½): no first-order effect, all variance in the interaction; an estimator
        // that confused S1 with ST would report ≈ 0.5 for each.
        let d = SaltelliDesign(base: 4096, factors: 2, seed: 2)
        let (first, total) = SobolAnalysis.indices(d.rows.map { ($0[0] - 0.5) * ($0[1] - 0.5) }, base: 4096, factors: 2, bootstrap: 0)
        #expect(abs(first[0].estimate) < 0.03 && abs(first[1].estimate) < 0.03)
        #expect(abs(total[0].estimate - 1) < 0.05 && abs(total[1].estimate - 1) < 0.05)
    }

    @Test func secondOrderIndicesOfIshigamiAreTheKnownInteraction() {
        // Ishigami's only interaction is x1·x3: S13 = V13 / V = 0.2437 (= ST3), S12 = S23 = 0.
        let f = TestFunction.ishigami()
        let d = SaltelliDesign(base: 8192, factors: 3, secondOrder: true, seed: 4)
        let r = SobolAnalysis.indices(replicated: d.rows.map { [f($0)] }, base: 8192, factors: 3, secondOrder: true, bootstrap: 100)
        let s2 = Dictionary(uniqueKeysWithValues: r.second.map { ("\($0.i)\($0.j)", $0.index.estimate) })
        #expect(abs(s2["02"]! - f.analyticIndices.total[2]) < 0.03, "S13 \(s2["02"]!)")
        #expect(abs(s2["01"]!) < 0.03 && abs(s2["12"]!) < 0.03, "\(s2)")
        // The first-order and total indices are those of the design without the BA blocks.
        for i in 0..<3 { #expect(abs(r.total[i].estimate - f.analyticIndices.total[i]) < 0.03) }
    }

    /// The G function plus seed noise (sd 0.5: a third of a single run's variance), `reps`
    /// replications per row, half of the noise common to every row of a replication.
    static func noisyG(reps: Int, seed: UInt64 = 1) -> (y: [[Double]], f: TestFunction) {
        let f = TestFunction.sobolG(a: [0, 1, 4.5, 9, 99, 99])
        let d = SaltelliDesign(base: 4096, factors: 6, seed: 7)
        let y = d.rows.enumerated().map { row, u in
            (0..<reps).map { r -> Double in
                var common = SplitMix64(seed: seed &+ UInt64(r)), own = SplitMix64(seed: (seed &+ UInt64(r)) ^ (UInt64(row + 1) &* 0x9E37_79B9_7F4A_7C15))
                return f(u) + 0.5 * (common.nextGaussian() + own.nextGaussian()) / 2.0.squareRoot()
            }
        }
        return (y, f)
    }

    @Test func seedNoiseIsRemovedFromTheIndicesAndItsShareMeasured() {
        let (y, f) = Self.noisyG(reps: 8)
        let exact = f.analyticIndices
        let r = SobolAnalysis.indices(replicated: y, base: 4096, factors: 6, secondOrder: false, bootstrap: 100)
        for i in 0..<6 {
            #expect(abs(r.first[i].estimate - exact.first[i]) < 0.03, "S1[\(i)] \(r.first[i].estimate) vs \(exact.first[i])")
            #expect(abs(r.total[i].estimate - exact.total[i]) < 0.03, "ST[\(i)] \(r.total[i].estimate) vs \(exact.total[i])")
        }
        // The two unimportant factors: corrected ST stays near 0.0001.
        #expect(abs(r.total[4].estimate) < 0.005 && abs(r.total[5].estimate) < 0.005, "\(r.total[4].estimate), \(r.total[5].estimate)")
        // Noise variance 0.25 against the G function's variance V = Π(1 + V_i) − 1 ≈ 0.45.
        let partial: [Double] = [0.0, 1, 4.5, 9, 99, 99].map { (a: Double) -> Double in 1 / (3 * (1 + a) * (1 + a)) }
        let v: Double = partial.reduce(1.0) { (p: Double, vi: Double) -> Double in p * (1 + vi) } - 1
        #expect(abs(r.noise.signalVariance - v) < 0.05 * v, "signal \(r.noise.signalVariance) vs \(v)")
        // The noise's common half is the same 8 draws at every row: its within-row variance is
        // their sample variance, the other half's is about 1 (per unit of 0.25).
        let common = (0..<8).map { r -> Double in var g = SplitMix64(seed: 1 &+ UInt64(r)); return g.nextGaussian() }
        let cm = common.reduce(0, +) / 8
        let expected = 0.25 * (common.reduce(0) { $0 + ($1 - cm) * ($1 - cm) } / 7 + 1) / 2
        #expect(abs(r.noise.noiseVariance! - expected) < 0.1 * expected, "noise \(r.noise.noiseVariance!) vs \(expected)")
        #expect(abs(r.noise.share! - expected / (expected + v)) < 0.03)

        // Without the correction (the plain estimators on the same replication means) the noise of
        // the differences inflates ST of the unimportant factors tenfold and more.
        let plain = SobolAnalysis.indices(y.map { $0.reduce(0, +) / 8 }, base: 4096, factors: 6, bootstrap: 0)
        #expect(plain.total[4].estimate > 0.01 && plain.total[5].estimate > 0.01, "\(plain.total[4].estimate)")
        // With one replication nothing is corrected and the noise share is unknown.
        let single = SobolAnalysis.indices(replicated: y.map { [$0[0]] }, base: 4096, factors: 6, secondOrder: false, bootstrap: 0)
        #expect(single.noise.noiseVariance == nil && single.noise.share == nil && single.total[4].estimate > 0.05)
    }

    @Test func morrisSigmaIsNetOfSeedNoise() {
        // A linear function has effects with no spread: σ = 0 once the noise of the effects is removed.
        let d = MorrisDesign(trajectories: 400, factors: 3, levels: 4, seed: 9)
        let y = d.rows.enumerated().map { row, u in
            (0..<6).map { r -> Double in
                var g = SplitMix64(seed: UInt64(r) &* 1_000_003 &+ UInt64(row))
                return 2 * u[0] - 3 * u[1] + 0.3 * g.nextGaussian()
            }
        }
        let e = MorrisAnalysis.effects(replicated: y, design: d, bootstrap: 0)
        let raw = MorrisAnalysis.effects(y.map { $0.reduce(0, +) / 6 }, design: d, bootstrap: 0)
        #expect(abs(e.mu[0] - 2) < 0.15 && abs(e.mu[1] + 3) < 0.15)
        #expect(raw.sigma[0] > 0.2, "uncorrected σ \(raw.sigma[0])")
        // σ² net of the noise: the spread left is sampling error of two variance estimates (≈ 10% each at 400 trajectories).
        for i in 0..<3 { #expect(e.sigma[i] * e.sigma[i] < 0.3 * raw.sigma[i] * raw.sigma[i], "σ \(e.sigma) vs \(raw.sigma)") }
        #expect(abs(e.noise.noiseVariance! - 0.09) < 0.02)
    }

    @Test func convergencePrefixesUseTheFirstRowsOfEveryBlock() {
        // Using the first M rows equals analysing a design of base M built from the same sequence.
        let f = TestFunction.ishigami()
        let big = SaltelliDesign(base: 1024, factors: 3, seed: 5), small = SaltelliDesign(base: 256, factors: 3, seed: 5)
        let a = SobolAnalysis.indices(replicated: big.rows.map { [f($0)] }, base: 1024, factors: 3, secondOrder: false, using: 256, bootstrap: 0)
        let b = SobolAnalysis.indices(replicated: small.rows.map { [f($0)] }, base: 256, factors: 3, secondOrder: false, bootstrap: 0)
        for i in 0..<3 { #expect(a.first[i].estimate == b.first[i].estimate && a.total[i].estimate == b.total[i].estimate) }
    }

    @Test func noiseCommonToEveryRowOfAReplicationLeavesTheIndicesAlone() {
        // y = f(x) + 2η_r: a shift common to every row of replication r cancels in every numerator
        // and adds nothing to the variance across rows, so the indices are the noiseless ones and
        // the signal variance is not reduced (subtracting the whole within-row variance would make
        // it V − 4/R, here negative).
        let f = TestFunction.ishigami()
        let d = SaltelliDesign(base: 2048, factors: 3, seed: 3)
        let shifts = (0..<4).map { r -> Double in var g = SplitMix64(seed: 77 &+ UInt64(r)); return 2 * g.nextGaussian() }
        let y = d.rows.map { u in shifts.map { f(u) + $0 } }
        let r = SobolAnalysis.indices(replicated: y, base: 2048, factors: 3, secondOrder: false, bootstrap: 0)
        let plain = SobolAnalysis.indices(d.rows.map { f($0) }, base: 2048, factors: 3, bootstrap: 0)
        for i in 0..<3 {
            // ST and the variance are exactly the noiseless ones; S1 moves by s̄·mean(f(AB_i) − f(A))/V only.
            #expect(abs(r.total[i].estimate - plain.total[i].estimate) < 1e-9)
            #expect(abs(r.first[i].estimate - plain.first[i].estimate) < 0.02)
        }
        #expect(r.noise.signalVariance > 10, "\(r.noise.signalVariance)")
    }
}
