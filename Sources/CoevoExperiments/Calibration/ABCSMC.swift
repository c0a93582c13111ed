// ABC-SMC, the second calibration method (Toni et al. 2009; Beaumont et al. 2009; the algorithm of
// pyabc): a population of parameter particles moves from the prior (uniform on the plan's box)
// towards the posterior through generations with falling tolerances. Generation 0 draws from the
// prior; generation t proposes by picking a particle of t − 1 by weight and perturbing it with a
// Gaussian kernel of twice the population's weighted covariance, keeps it when its distance to the
// data is at most ε_t, and weights it prior / Σ_j w_j K(θ | θ_j). The distance is the square root of
// the plan's loss (the weighted relative gaps of the moments, mean over the replications); ε_t is
// the median of generation t − 1's distances (adaptive, as pyabc's default). Proposals are
// evaluated in batches through the sweep store (resumable) and are deterministic for a base seed.

import CoevoMeasure
import Foundation

public struct ABCResult: Sendable {
    public struct Particle: Sendable { public var values: [Double]; public var weight: Double; public var distance: Double }
    /// Each generation's tolerance and accepted particles (weights sum to 1).
    public var generations: [(epsilon: Double, particles: [Particle], proposals: Int)]
    public var runs: Int
    /// The loss's weights (one per moment).
    public var weights: [Double]
}

extension Calibration {
    /// ABC-SMC with `population` particles for `generations` generations (or until the proposal
    /// budget `maxProposals` is spent). Weights W of the loss: identity, or the inverse variances at
    /// the prior population's best particle (as MSM's two-step weighting).
    public static func abcSMC(_ evaluator: CalibrationEvaluator, population: Int, generations: Int, maxProposals: Int,
                              log: @Sendable (String) -> Void = { _ in }) async throws -> ABCResult {
        let plan = evaluator.plan
        let targets = CalibrationMoments.targets(plan)
        let P = plan.parameters.count, M = targets.count, R = plan.replications
        var rng = SplitMix64(seed: plan.baseSeed ^ 0xABC5_3C00)
        var runs = 0, proposals = 0
        let batch = max(population, 8)
        func values(_ u: [Double]) -> [Double] { zip(u, plan.parameters).map { $1.low + $0 * ($1.high - $1.low) } }

        // Generation 0: the prior (uniform on the unit box), all accepted (ε_0 = ∞).
        var units = (0..<population).map { _ in (0..<P).map { _ in rng.nextDouble() } }
        let moments0 = try await evaluator.moments(units, replications: R)
        runs += population * R; proposals += population
        var weightsW = [Double](repeating: 1, count: M)
        if plan.weighting == .inverseVariance {
            let best = (0..<population).min { loss(gaps(moments0[$0], targets), weightsW) < loss(gaps(moments0[$1], targets), weightsW) }!
            weightsW = inverseVarianceWeights(moments0[best], targets)
        }
        var distances = moments0.map { loss(gaps($0, targets), weightsW).squareRoot() }
        var w = [Double](repeating: 1 / Double(population), count: population)
        var result: [(epsilon: Double, particles: [ABCResult.Particle], proposals: Int)] = [
            (.infinity, (0..<population).map { ABCResult.Particle(values: values(units[$0]), weight: w[$0], distance: distances[$0]) }, population)]
        log("ABC-SMC generation 0 (prior): \(population) particles; median distance \(String(format: "%.4g", median(distances)))")

        for t in 1...max(1, generations) {
            let finite = distances.filter(\.isFinite)
            guard !finite.isEmpty else { break }
            let epsilon = median(finite)
            // Kernel: twice the weighted covariance (diagonal floor so a collapsed coordinate can move).
            var mean = [Double](repeating: 0, count: P)
            for i in 0..<population { for d in 0..<P { mean[d] += w[i] * units[i][d] } }
            var cov = [[Double]](repeating: [Double](repeating: 0, count: P), count: P)
            for i in 0..<population { for a in 0..<P { for b in 0..<P { cov[a][b] += 2 * w[i] * (units[i][a] - mean[a]) * (units[i][b] - mean[b]) } } }
            for d in 0..<P { cov[d][d] = max(cov[d][d], 1e-6) }
            guard let chol = DenseLinearAlgebra.cholesky(cov), let covInv = DenseLinearAlgebra.spdInverse(cov) else { break }
            let logDet = 2 * (0..<P).reduce(0.0) { $0 + Foundation.log(chol[$1][$1]) }
            func kernel(_ x: [Double], _ c: [Double]) -> Double {
                var q = 0.0
                for a in 0..<P { for b in 0..<P { q += (x[a] - c[a]) * covInv[a][b] * (x[b] - c[b]) } }
                return exp(-0.5 * q - 0.5 * logDet)
            }
            var accepted: [(unit: [Double], distance: Double)] = []
            var tried = 0
            while accepted.count < population && proposals < maxProposals {
                // A batch of proposals inside the box.
                var batchUnits: [[Double]] = []
                while batchUnits.count < min(batch, maxProposals - proposals) {
                    var r = rng.nextDouble(), pick = 0
                    while pick < population - 1 && r > w[pick] { r -= w[pick]; pick += 1 }
                    let z = (0..<P).map { _ in rng.nextGaussian() }
                    let x = (0..<P).map { a in units[pick][a] + (0...a).reduce(0) { $0 + chol[a][$1] * z[$1] } }
                    if x.allSatisfy({ $0 >= 0 && $0 <= 1 }) { batchUnits.append(x) }
                }
                let ms = try await evaluator.moments(batchUnits, replications: R)
                runs += batchUnits.count * R; proposals += batchUnits.count; tried += batchUnits.count
                for (x, m) in zip(batchUnits, ms) where accepted.count < population {
                    let d = loss(gaps(m, targets), weightsW).squareRoot()
                    if d <= epsilon { accepted.append((x, d)) }
                }
            }
            guard accepted.count == population else {
                log("ABC-SMC generation \(t): stopped, the proposal budget (\(maxProposals)) ran out with \(accepted.count) of \(population) accepted")
                break
            }
            // Importance weights (uniform prior): 1 / Σ_j w_j K(x | x_j).
            var nw = accepted.map { a in 1 / (0..<population).reduce(0) { $0 + w[$1] * kernel(a.unit, units[$1]) } }
            let total = nw.reduce(0, +)
            nw = nw.map { $0 / total }
            units = accepted.map(\.unit); distances = accepted.map(\.distance); w = nw
            result.append((epsilon, (0..<population).map { ABCResult.Particle(values: values(units[$0]), weight: w[$0], distance: distances[$0]) }, tried))
            log("ABC-SMC generation \(t): ε = \(String(format: "%.4g", epsilon)), acceptance \(String(format: "%.2f", Double(population) / Double(tried)))")
        }
        return ABCResult(generations: result, runs: runs, weights: weightsW)
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Weighted quantile of one coordinate of a population.
    public static func weightedQuantile(_ values: [Double], _ weights: [Double], _ q: Double) -> Double {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var c = 0.0
        for i in order { c += weights[i]; if c >= q { return values[i] } }
        return values[order.last!]
    }

    /// ABC-SMC, then the final replications at the posterior mean: estimates are the weighted
    /// posterior means with 90% credible intervals (weighted 5% and 95% quantiles), se the posterior sd.
    public static func runABC(_ evaluator: CalibrationEvaluator, log: @Sendable (String) -> Void = { _ in }) async throws -> (CalibrationResult, ABCResult) {
        let plan = evaluator.plan
        let abc = try await abcSMC(evaluator, population: plan.population, generations: plan.generations, maxProposals: plan.maxProposals, log: log)
        let last = abc.generations.last!.particles
        let w = last.map(\.weight)
        var estimates: [CalibrationResult.Estimate] = []
        var unit: [Double] = []
        for (i, p) in plan.parameters.enumerated() {
            let xs = last.map { $0.values[i] }
            let mean = zip(xs, w).reduce(0) { $0 + $1.0 * $1.1 }
            let sd = zip(xs, w).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) }.squareRoot()
            estimates.append(.init(key: p.key, value: mean, low: weightedQuantile(xs, w, 0.05), high: weightedQuantile(xs, w, 0.95), se: sd))
            unit.append((mean - p.low) / (p.high - p.low))
        }
        let targets = CalibrationMoments.targets(plan)
        let fin = try await finalStage(evaluator, unit: unit, targets: targets)
        log("posterior mean: loss \(String(format: "%.4g", loss(fin.e, abc.weights))) over \(plan.finalReplications) final replications")
        let result = CalibrationResult(estimates: estimates, loss: loss(fin.e, abc.weights), targets: targets, model: fin.modelMean,
                                       jStatistic: nil, jDegrees: targets.count - plan.parameters.count, jPValue: nil, rSquared: fin.rSquared,
                                       forecast: fin.forecast, evaluations: [], runs: abc.runs + fin.runs, warnings: [], weights: abc.weights, unit: unit)
        return (result, abc)
    }
}
