// Variance-based sensitivity (Sobol indices) from the Saltelli design: base matrices A and B (the
// two halves of a 2k-dimensional scrambled Sobol sample), for each factor i the matrix A with
// column i taken from B (AB_i) and, for second-order indices, B with column i taken from A (BA_i).
// First-order indices by Saltelli et al. (2010, Table 2 (b)), total indices by Jansen (1999),
// second-order by Saltelli (2002) as in SALib, all over the variance of f(A) and f(B) together,
// with percentile bootstrap intervals from resampling the N base rows.
//
// Seed noise. A stochastic model gives y = f(x) + ε. Each design row is run R times under common
// random numbers (replication r uses the same seed at every row) and the indices are computed on
// the replication means, with every product of two rows' means replaced by its unbiased estimate
// ū·v̄ − s_uv / R (s_uv the covariance of the two rows' replications). This removes the noise
// from the estimators exactly in expectation whatever the correlation the common seeds induce:
// without it, noise inflates ST (Jansen's squared differences) and the variance, so that every
// index is biased. The signal variance is Var(ȳ) − mean(s²)/R, and the share of a single run's
// variance that is seed noise is mean(s²) / (signal + mean(s²)). With R = 1 nothing can be
// corrected and the estimators are the plain ones. Checked in the tests against the analytic
// indices of the Ishigami and G functions, with and without added noise.

import CoevoMeasure

/// The rows to evaluate: A, B, AB_1 … AB_k and, with second-order indices, BA_1 … BA_k, each N × k
/// on [0, 1). Block b holds rows b·N ..< (b + 1)·N: A is block 0, B block 1, AB_i block 2 + i,
/// BA_i block 2 + k + i. The first M rows of every block form the design of base M (the Sobol
/// sequence is extensible), which the convergence table uses.
public struct SaltelliDesign: Sendable {
    public let base: Int
    public let factors: Int
    public let secondOrder: Bool
    public let rows: [[Double]]

    public init(base n: Int, factors k: Int, secondOrder: Bool = false, seed: UInt64) {
        precondition(n >= 2 && k >= 1 && 2 * k <= SobolSequence.maxDimensions, "SaltelliDesign: N ≥ 2, 1 ≤ k ≤ \(SobolSequence.maxDimensions / 2)")
        base = n; factors = k; self.secondOrder = secondOrder
        let points = SobolSequence(dimensions: 2 * k, scrambleSeed: seed).points(n)
        let a = points.map { Array($0[0..<k]) }, b = points.map { Array($0[k..<(2 * k)]) }
        var rows = a + b
        rows.reserveCapacity(n * SaltelliDesign.blocks(factors: k, secondOrder: secondOrder))
        for i in 0..<k { for j in 0..<n { var r = a[j]; r[i] = b[j][i]; rows.append(r) } }
        if secondOrder { for i in 0..<k { for j in 0..<n { var r = b[j]; r[i] = a[j][i]; rows.append(r) } } }
        self.rows = rows
    }

    /// Blocks of N rows: k + 2, or 2k + 2 with second-order indices.
    public static func blocks(factors k: Int, secondOrder: Bool) -> Int { secondOrder ? 2 * k + 2 : k + 2 }
}

/// An index with its bootstrap interval.
public struct IndexEstimate: Sendable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double
    public init(estimate: Double, low: Double, high: Double) { self.estimate = estimate; self.low = low; self.high = high }
}

/// How much of an outcome's variance is seed noise.
public struct NoiseShare: Sendable, Equatable {
    /// Replications per design row.
    public var replications: Int
    /// Mean within-row variance of single runs (nil with one replication: not estimable).
    public var noiseVariance: Double?
    /// Variance of the outcome across design rows that the factors explain (each row's own noise removed).
    public var signalVariance: Double
    /// Share of a single run's variance that is seed noise: noise / (signal + noise), 1 when the
    /// estimated signal variance is not positive.
    public var share: Double? {
        guard let noiseVariance else { return nil }
        if signalVariance <= 0 { return noiseVariance > 0 ? 1 : nil }
        return noiseVariance / (signalVariance + noiseVariance)
    }
    /// Whether the factors' effect cannot be told from seed noise (no positive signal variance):
    /// the indices are then meaningless.
    public var signalLost: Bool { !(signalVariance > 0) }
}

/// Sobol indices of one outcome.
public struct SobolIndices: Sendable {
    public var first: [IndexEstimate]
    public var total: [IndexEstimate]
    /// Second-order indices S_ij for i < j (empty unless the design has the BA blocks).
    public var second: [(i: Int, j: Int, index: IndexEstimate)]
    public var noise: NoiseShare
}

public enum SobolAnalysis {
    /// S1 and ST for each factor from single outputs `y` in ``SaltelliDesign`` row order.
    public static func indices(_ y: [Double], base n: Int, factors k: Int, bootstrap draws: Int = 1000, seed: UInt64 = 1)
        -> (first: [IndexEstimate], total: [IndexEstimate]) {
        precondition(y.count == n * (k + 2), "SobolAnalysis: expected N·(k + 2) outputs")
        let r = indices(replicated: y.map { [$0] }, base: n, factors: k, secondOrder: false, bootstrap: draws, seed: seed)
        return (r.first, r.total)
    }

    /// The indices from `y[row][replication]` (R ≥ 1 replications per row, the same R for every
    /// row, common random numbers) in ``SaltelliDesign`` row order for base `n`, using the first
    /// `m` rows of every block (default all: `m` = n), corrected for seed noise when R ≥ 2.
    public static func indices(replicated y: [[Double]], base n: Int, factors k: Int, secondOrder: Bool, using m: Int? = nil,
                               bootstrap draws: Int = 1000, seed: UInt64 = 1) -> SobolIndices {
        let blocks = SaltelliDesign.blocks(factors: k, secondOrder: secondOrder)
        precondition(y.count == n * blocks, "SobolAnalysis: expected N·\(blocks) rows of outputs")
        let m = m ?? n
        precondition(m >= 2 && m <= n, "SobolAnalysis: 2 ≤ M ≤ N")
        let reps = y[0].count
        precondition(reps >= 1 && y.allSatisfy { $0.count == reps }, "SobolAnalysis: the same number of replications in every row")
        let rr = Double(reps)

        // Per base row j: the means of A and B, their within-row variances, and every term's
        // unbiased contribution; an estimate over a multiset of rows is then a few sums.
        func mean(_ u: [Double]) -> Double { u.reduce(0, +) / rr }
        /// Unbiased estimate of E[U]·E[V] from paired replications.
        func cross(_ u: [Double], _ v: [Double]) -> Double {
            let mu = mean(u), mv = mean(v)
            guard reps > 1 else { return mu * mv }
            var c = 0.0
            for r in 0..<reps { c += (u[r] - mu) * (v[r] - mv) }
            return mu * mv - c / (rr - 1) / rr
        }
        func within(_ u: [Double]) -> Double {
            guard reps > 1 else { return 0 }
            let mu = mean(u)
            return u.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / (rr - 1)
        }
        let pairs: [(Int, Int)] = secondOrder ? (0..<k).flatMap { i in ((i + 1)..<k).map { (i, $0) } } : []
        // Noise of the row means net of what all rows of a replication share: under common seeds a
        // shift common to every row of replication r leaves the variance across rows unchanged, so
        // only each row's own noise (its replications centred on their replication's mean over the
        // A and B rows) is removed from the denominator; `noise` (for the share) keeps all of it.
        var replicationMean = [Double](repeating: 0, count: reps)
        for j in 0..<m { for r in 0..<reps { replicationMean[r] += (y[j][r] + y[n + j][r]) / Double(2 * m) } }
        var meanA = [Double](repeating: 0, count: m), meanB = meanA, noise = meanA, ownNoise = meanA
        var firstTerm = [[Double]](repeating: [Double](repeating: 0, count: m), count: k), totalTerm = firstTerm
        var secondTerm = [[Double]](repeating: [Double](repeating: 0, count: m), count: pairs.count)
        for j in 0..<m {
            let a = y[j], b = y[n + j]
            meanA[j] = mean(a); meanB[j] = mean(b)
            noise[j] = (within(a) + within(b)) / 2
            ownNoise[j] = (within(zip(a, replicationMean).map { $0 - $1 }) + within(zip(b, replicationMean).map { $0 - $1 })) / 2
            for i in 0..<k {
                let ab = y[(2 + i) * n + j]
                let diff = (0..<reps).map { ab[$0] - a[$0] }
                firstTerm[i][j] = cross(b, diff)
                totalTerm[i][j] = cross(diff, diff) / 2
            }
            if secondOrder {
                let ab0 = cross(a, b)
                for (p, (i, l)) in pairs.enumerated() { secondTerm[p][j] = cross(y[(2 + k + i) * n + j], y[(2 + l) * n + j]) - ab0 }
            }
        }

        // Estimates over rows `rows` (with repetition for the bootstrap): S1…, ST…, S2…, variance.
        func estimate(_ rows: [Int]) -> (values: [Double], signal: Double) {
            let c = Double(rows.count)
            var s = 0.0, s2 = 0.0, nz = 0.0
            for j in rows { s += meanA[j] + meanB[j]; s2 += meanA[j] * meanA[j] + meanB[j] * meanB[j]; nz += ownNoise[j] }
            let all = 2 * c
            let variance = (s2 - s * s / all) / (all - 1) - nz / c / rr
            var out: [Double] = []
            out.reserveCapacity(2 * k + pairs.count)
            var first = [Double](repeating: 0, count: k)
            for i in 0..<k {
                var f = 0.0, t = 0.0
                for j in rows { f += firstTerm[i][j]; t += totalTerm[i][j] }
                first[i] = f / c / variance
                out.append(first[i]); out.append(t / c / variance)
            }
            for (p, (i, l)) in pairs.enumerated() {
                var v = 0.0
                for j in rows { v += secondTerm[p][j] }
                out.append(v / c / variance - first[i] - first[l])
            }
            return (out, variance)
        }
        let full = estimate(Array(0..<m))
        var draws_ = [[Double]](repeating: [], count: full.values.count)
        var rng = SplitMix64(seed: seed)
        var sample = [Int](repeating: 0, count: m)
        for _ in 0..<draws {
            for j in 0..<m { sample[j] = rng.nextInt(below: m) }
            for (i, v) in estimate(sample).values.enumerated() { draws_[i].append(v) }
        }
        func interval(_ i: Int) -> IndexEstimate {
            guard draws > 0 else { return IndexEstimate(estimate: full.values[i], low: .nan, high: .nan) }
            let s = draws_[i].filter { !$0.isNaN }.sorted()
            guard !s.isEmpty else { return IndexEstimate(estimate: full.values[i], low: .nan, high: .nan) }
            return IndexEstimate(estimate: full.values[i], low: quantile(s, 0.025), high: quantile(s, 0.975))
        }
        let noiseVariance = reps > 1 ? noise.reduce(0, +) / Double(m) : nil
        return SobolIndices(first: (0..<k).map { interval(2 * $0) }, total: (0..<k).map { interval(2 * $0 + 1) },
                            second: pairs.enumerated().map { p, ij in (ij.0, ij.1, interval(2 * k + p)) },
                            noise: NoiseShare(replications: reps, noiseVariance: noiseVariance, signalVariance: full.signal))
    }
}
