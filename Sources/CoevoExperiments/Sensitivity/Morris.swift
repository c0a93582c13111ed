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
    public var sigma: [Double]
}

public enum MorrisAnalysis {
    /// μ, μ* (with bootstrap interval) and σ per factor from outputs `y` in ``MorrisDesign`` row order.
    public static func effects(_ y: [Double], design d: MorrisDesign, bootstrap draws: Int = 1000, seed: UInt64 = 1) -> MorrisEffects {
        precondition(y.count == d.rows.count, "MorrisAnalysis: one output per design row")
        let k = d.factors
        var ee = [[Double]](repeating: [], count: k)   // ee[i][t]
        for t in 0..<d.trajectories {
            let base = t * (k + 1)
            for (s, move) in d.moves[t].enumerated() {
                ee[move.factor].append((y[base + s + 1] - y[base + s]) / move.step)
            }
        }
        let r = Double(d.trajectories)
        let mu = ee.map { $0.reduce(0, +) / r }
        let star = ee.map { $0.reduce(0) { $0 + abs($1) } / r }
        let sigma = ee.indices.map { i in (ee[i].reduce(0) { $0 + ($1 - mu[i]) * ($1 - mu[i]) } / (r - 1)).squareRoot() }
        var rng = SplitMix64(seed: seed)
        var reps = [[Double]](repeating: [], count: k)
        for _ in 0..<draws {
            let sample = (0..<d.trajectories).map { _ in rng.nextInt(below: d.trajectories) }
            for i in 0..<k { reps[i].append(sample.reduce(0) { $0 + abs(ee[i][$1]) } / r) }
        }
        let muStar = (0..<k).map { i -> IndexEstimate in
            guard draws > 0 else { return IndexEstimate(estimate: star[i], low: .nan, high: .nan) }
            let s = reps[i].sorted()
            return IndexEstimate(estimate: star[i], low: quantile(s, 0.025), high: quantile(s, 0.975))
        }
        return MorrisEffects(mu: mu, muStar: muStar, sigma: sigma)
    }
}
