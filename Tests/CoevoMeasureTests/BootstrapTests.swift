import Testing
@testable import CoevoMeasure

/// The PRNG against the reference stream, quantiles against numpy, and the coverage of the
/// bootstrap's 95% percentile intervals.
@Suite struct BootstrapTests {
    @Test func splitMixReferenceStream() {
        var g = SplitMix64(seed: 1234567)
        for v in Ref.splitMix1234567 { #expect(g.next() == v) }
        var h = SplitMix64(seed: 9)
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0..<30_000 { counts[h.nextInt(below: 3)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })     // ±4 s.d.
    }

    @Test func quantileMatchesNumpy() {
        let s = Ref.quantileData.sorted()
        #expect(abs(quantile(s, 0.025) - Ref.quantileReference[0]) < 1e-12)
        #expect(abs(quantile(s, 0.5) - Ref.quantileReference[1]) < 1e-12)
        #expect(abs(quantile(s, 0.975) - Ref.quantileReference[2]) < 1e-12)
    }

    @Test func blocksAreConsecutiveAndSeedReproduces() {
        let b = Bootstrap(draws: 10, seed: 5, blockLength: 3)
        var rng = SplitMix64(seed: 5)
        let idx = b.resample(count: 10, rng: &rng)
        #expect(idx.count == 10)
        for k in stride(from: 0, to: 9, by: 3) where k + 2 < 10 {
            #expect(idx[k + 1] == idx[k] + 1 && idx[k + 2] == idx[k] + 2)
        }
        let stat: ([Int]) -> [Double]? = { i in [Double(i.reduce(0, +))] }
        #expect(b.run(count: 10, statistic: stat)!.intervals == b.run(count: 10, statistic: stat)!.intervals)
    }

    @Test func coverageOfHakenCoefficient() {
        // 300 data sets of a Haken system with noise; a percentile interval for the coefficient b
        // (199 resamples of transitions) should contain the truth in ~95%. With 300 sets the
        // binomial s.d. is 1.3%; accept 89%–99%.
        let (g1, g2, a, b) = (-0.04, 0.5, 0.2, 0.6)
        var rng = SplitMix64(seed: 2024)
        var covered = 0
        let sets = 300
        for s in 0..<sets {
            var q1 = [0.1 + 0.05 * rng.nextDouble()], q2 = [0.05]
            for _ in 1..<40 {
                let n1 = (1 - g1) * q1.last! - a * q1.last! * q2.last! + 0.004 * rng.nextGaussian()
                let n2 = (1 - g2) * q2.last! + b * q1.last! * q1.last! + 0.004 * rng.nextGaussian()
                q1.append(n1)
                q2.append(n2)
            }
            let tr = Transition.of(x: q1, y: q2)
            let boot = Bootstrap(draws: 199, seed: UInt64(s) &+ 11, blockLength: 1)
            guard let r = boot.run(count: tr.count, statistic: { idx in Haken.fit(idx.map { tr[$0] }).map { [$0.b] } }) else { continue }
            if r.intervals[0].low <= b && b <= r.intervals[0].high { covered += 1 }
        }
        let rate = Double(covered) / Double(sets)
        #expect(rate > 0.89 && rate < 0.99, "coverage \(rate)")
    }

    @Test func coverageOfLotkaVolterraTheta() throws {
        // 60 data sets (3 units × 20 periods) of an LV system; 95% intervals for θ12 by resampling
        // units (99 draws, warm start from the full-sample fit). Binomial s.d. 2.8%: accept ≥ 85%.
        let truth = LotkaVolterraParameters(r1: 0.4, K1: 1.0, theta12: 0.5, r2: 0.3, K2: 0.7, theta21: -0.3)
        var rng = SplitMix64(seed: 99)
        var covered = 0
        let sets = 60
        for s in 0..<sets {
            var units: [[Transition]] = []
            for u in 0..<3 {
                let sim = DynamicsTests.simulateLV(truth, periods: 20, noise: 0.004, rng: &rng, x0: 0.05 + 0.04 * Double(u), y0: 0.06)
                units.append(Transition.of(x: sim.x, y: sim.y))
            }
            let all = units.flatMap { $0 }
            let full = try #require(LotkaVolterra.fit(all))
            // Resample transitions (iid errors), as the CLI does for a single series with block 1.
            let boot = Bootstrap(draws: 99, seed: UInt64(s) &+ 1, blockLength: 1)
            let opts = LMOptions(maxIterations: 50, relativeTolerance: 1e-10)
            let r = try #require(boot.run(count: all.count) { idx in
                LotkaVolterra.fit(idx.map { all[$0] }, start: full.parameters, options: opts).map { [$0.parameters.theta12] }
            })
            if r.intervals[0].low <= truth.theta12 && truth.theta12 <= r.intervals[0].high { covered += 1 }
        }
        let rate = Double(covered) / Double(sets)
        #expect(rate >= 0.85, "coverage \(rate)")
    }
}
