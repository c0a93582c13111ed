// Morris's elementary effects (Morris 1991; μ* by Campolongo, Cariboni & Saltelli 2007): r
// trajectories of k + 1 points on a p-level grid, each step moving one factor by Δ = p / (2(p − 1));
// per factor the mean μ, the mean absolute μ* and the standard deviation σ of its r effects, with
// a bootstrap interval on μ* over trajectories.

import CoevoMeasure

public struct MorrisDesign: Sendable {
    public let trajectories: Int
    public let factors: Int
    public let levels: Int
    /// r·(k + 1) rows on [0, 1]; trajectory t is rows t(k+1) ..< (t+1)(k+1).
    public let rows: [[Double]]
    /// For each trajectory, the factor moved at each of its k steps and the signed step (±Δ).
    public let moves: [[(factor: Int, step: Double)]]

    public init(trajectories r: Int, factors k: Int, levels p: Int = 4, seed: UInt64) {
        precondition(r >= 2 && k >= 1 && p >= 2 && p % 2 == 0, "MorrisDesign: r ≥ 2, k ≥ 1, even p ≥ 2")
        trajectories = r; factors = k; levels = p
        let delta = Double(p) / (2 * Double(p - 1))
        var rng = SplitMix64(seed: seed)
        var rows: [[Double]] = [], moves: [[(factor: Int, step: Double)]] = []
        for _ in 0..<r {
            // A random start among the levels that leave room for +Δ, random directions, random order.
            var x = (0..<k).map { _ in Double(rng.nextInt(below: p / 2)) / Double(p - 1) }
            var order = Array(0..<k)
            for i in stride(from: k - 1, to: 0, by: -1) { order.swapAt(i, rng.nextInt(below: i + 1)) }
            var up = (0..<k).map { _ in rng.nextInt(below: 2) == 1 }
            for i in 0..<k where !up[i] { x[i] += delta }   // start high when stepping down
            rows.append(x)
            var steps: [(factor: Int, step: Double)] = []
            for i in order {
                let s = up[i] ? delta : -delta
                x[i] += s
                rows.append(x)
                steps.append((i, s))
                up[i] = !up[i]
            }
            moves.append(steps)
        }
        self.rows = rows
        self.moves = moves
    }
}

public struct MorrisEffects: Sendable {
    public var mu: [Double]
    public var muStar: [IndexEstimate]
    /// The standard deviation of the effects; with replications, net of the seed noise of the
    /// effects (0 when the noise accounts for all of their spread).
    public var sigma: [Double]
    /// Seed noise of the outcome at the design rows (replications ≥ 2), else its replications only.
    public var noise: NoiseShare
}

public enum MorrisAnalysis {
    /// μ, μ* (with bootstrap interval) and σ per factor from outputs `y` in ``MorrisDesign`` row order.
    public static func effects(_ y: [Double], design d: MorrisDesign, bootstrap draws: Int = 1000, seed: UInt64 = 1) -> MorrisEffects {
        effects(replicated: y.map { [$0] }, design: d, bootstrap: draws, seed: seed)
    }

    /// The effects from `y[row][replication]` (R ≥ 1 per row, common random numbers), computed on
    /// the replication means, over the first `trajectories` trajectories (default all). With R ≥ 2,
    /// σ² is corrected by the noise variance of the effects, mean over effects of s²_d / (R Δ²),
    /// s²_d the variance over replications of the step's difference; μ is unbiased as it is, and μ*
    /// keeps a noise floor of about √(2/π) times the effects' noise standard deviation.
    public static func effects(replicated y: [[Double]], design d: MorrisDesign, trajectories t: Int? = nil,
                               bootstrap draws: Int = 1000, seed: UInt64 = 1) -> MorrisEffects {
        precondition(y.count == d.rows.count, "MorrisAnalysis: one output row per design row")
        let reps = y[0].count
        precondition(reps >= 1 && y.allSatisfy { $0.count == reps }, "MorrisAnalysis: the same number of replications in every row")
        let trajectories = t ?? d.trajectories
        precondition(trajectories >= 2 && trajectories <= d.trajectories, "MorrisAnalysis: 2 ≤ trajectories ≤ r")
        let k = d.factors, rr = Double(reps)
        let means = y.map { $0.reduce(0, +) / rr }
        var ee = [[Double]](repeating: [], count: k)   // ee[i][t]
        var eeNoise = [Double](repeating: 0, count: k) // Σ over t of the effect's noise variance
        var within = 0.0, rowsUsed = 0
        for t in 0..<trajectories {
            let base = t * (k + 1)
            for (s, move) in d.moves[t].enumerated() {
                ee[move.factor].append((means[base + s + 1] - means[base + s]) / move.step)
                if reps > 1 {
                    let diff = (0..<reps).map { y[base + s + 1][$0] - y[base + s][$0] }
                    let m = diff.reduce(0, +) / rr
                    let v = diff.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (rr - 1)
                    eeNoise[move.factor] += v / rr / (move.step * move.step)
                }
            }
            if reps > 1 {
                for row in base...(base + k) {
                    let m = means[row]
                    within += y[row].reduce(0) { $0 + ($1 - m) * ($1 - m) } / (rr - 1)
                    rowsUsed += 1
                }
            }
        }
        let r = Double(trajectories)
        let mu = ee.map { $0.reduce(0, +) / r }
        let star = ee.map { $0.reduce(0) { $0 + abs($1) } / r }
        let sigma = ee.indices.map { i -> Double in
            let v = ee[i].reduce(0) { $0 + ($1 - mu[i]) * ($1 - mu[i]) } / (r - 1) - eeNoise[i] / r
            return max(0, v).squareRoot()
        }
        var rng = SplitMix64(seed: seed)
        var samples = [[Double]](repeating: [], count: k)
        for _ in 0..<draws {
            let sample = (0..<trajectories).map { _ in rng.nextInt(below: trajectories) }
            for i in 0..<k { samples[i].append(sample.reduce(0) { $0 + abs(ee[i][$1]) } / r) }
        }
        let muStar = (0..<k).map { i -> IndexEstimate in
            guard draws > 0 else { return IndexEstimate(estimate: star[i], low: .nan, high: .nan) }
            let s = samples[i].sorted()
            return IndexEstimate(estimate: star[i], low: quantile(s, 0.025), high: quantile(s, 0.975))
        }
        // The signal variance across the rows used: the variance of the means net of each row's own
        // noise (replications centred on their mean over the rows: a shift common to all rows of a
        // replication does not add to the variance across rows).
        let used = trajectories * (k + 1)
        let usedMeans = Array(means[0..<used])
        let mm = usedMeans.reduce(0, +) / Double(usedMeans.count)
        let noiseVariance = reps > 1 ? within / Double(rowsUsed) : nil
        var ownNoise = 0.0
        if reps > 1 {
            let centre = (0..<reps).map { r in (0..<used).reduce(0) { $0 + y[$1][r] } / Double(used) }
            for row in 0..<used {
                let z = (0..<reps).map { y[row][$0] - centre[$0] }
                let m = z.reduce(0, +) / rr
                ownNoise += z.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (rr - 1)
            }
            ownNoise /= Double(used)
        }
        let signal = usedMeans.reduce(0) { $0 + ($1 - mm) * ($1 - mm) } / Double(usedMeans.count - 1) - ownNoise / rr
        return MorrisEffects(mu: mu, muStar: muStar, sigma: sigma,
                             noise: NoiseShare(replications: reps, noiseVariance: noiseVariance, signalVariance: signal))
    }
}
