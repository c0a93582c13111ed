// `coevo calibrate` by the method of simulated moments (McFadden 1989; Lee & Ingram 1991): the
// parameters θ minimise L(θ) = e(θ)' W e(θ), e the relative gaps (m̄(θ) − d)/|d| between the
// model's moments, averaged over R common-seed replications, and the data's.
//
// 1. Global stage: scrambled Sobol points over the parameter box, each run R times, ranked by the
//    loss with W = I.
// 2. Weighting: identity, or the inverse of each moment's simulated variance at the best point
//    (diagonal; floored at 1% relative), then the global points are ranked again.
// 3. Local stage: Nelder–Mead in the unit box from the best point, every evaluation with the same
//    seeds (common random numbers make L smooth enough to descend).
// 4. Inference at θ̂: the Jacobian D of e by central differences (CRN), Ω the covariance of a single
//    run's gaps over the final replications, Var θ̂ = (1 + 1/R)(D'WD)⁻¹ D'WΩWD (D'WD)⁻¹ (the MSM
//    sandwich, treating the real series as one draw of the model), 90% intervals ±1.645 se; the J
//    statistic e'((1 + 1/R_f)Ω)⁻¹e against χ²(M − P) when the moments over-identify.
// Every evaluation is a sweep of its points into the plan's store, so a killed calibration reruns
// from the store without repeating a run.

import CoevoMeasure
import CoevoModel
import CoevoStore
import Foundation

public struct CalibrationResult: Sendable {
    public struct Estimate: Sendable { public var key: String; public var value: Double; public var low: Double; public var high: Double; public var se: Double }
    public struct Evaluation: Sendable { public var unit: [Double]; public var values: [Double]; public var loss: Double; public var stage: String }
    public var estimates: [Estimate]
    public var loss: Double
    public var targets: [CalibrationMoments.Target]
    /// Mean model moments at θ̂ over the final replications.
    public var model: [Double]
    public var jStatistic: Double?
    public var jDegrees: Int
    public var jPValue: Double?
    /// R² per data series (levels over ≥ 2 years).
    public var rSquared: [(series: String, value: Double)]
    public var forecast: [(series: String, year: Int, mean: Double, low: Double, high: Double)]
    public var evaluations: [Evaluation]
    public var runs: Int
    public var warnings: [String]
    /// The weighting matrix's diagonal (one weight per moment).
    public var weights: [Double]
    /// θ̂ in the unit box.
    public var unit: [Double]
}

/// Runs batches of parameter points through the sweep store and turns runs into moments.
public struct CalibrationEvaluator: Sendable {
    public let plan: CalibrationPlan
    let store: SweepStore
    let directory: URL
    let options: SweepOptions
    let function: SweepRunFunction
    public init(plan: CalibrationPlan, store: SweepStore, directory: URL, options: SweepOptions, function: @escaping SweepRunFunction = SweepExecution.model) {
        self.plan = plan; self.store = store; self.directory = directory; self.options = options; self.function = function
    }

    public struct Stopped: Error {}

    /// Each point's per-replication moment vectors (points in the unit box).
    public func moments(_ units: [[Double]], replications: Int, periods: Int? = nil) async throws -> [[[Double]]] {
        guard !units.isEmpty else { return [] }
        var sweep = plan.sweep
        sweep.unitRows = units
        sweep.samples = units.count
        sweep.replications = .fixed(replications)
        if let periods { sweep.settings = sweep.settings.filter { !$0.hasPrefix("periods=") } + ["periods=\(periods)"] }
        let design = try SweepDesign(plan: sweep)
        var o = options
        o.summaries = false
        let progress = try await SweepRunner.run(design: design, store: store, directory: directory, options: o, function: function)
        if progress.interrupted { throw Stopped() }
        var out: [[[Double]]] = []
        for point in design.points {
            let runs = (0..<replications).map { design.run(point: point.id, replication: $0) }
            let records = try store.records(keys: runs.map(\.key), withSeries: true, outcomes: [])
            let p = point.scenario.parameters
            out.append(runs.map { run in
                guard let rec = records[run.key], rec.status == "finished" else { return [Double](repeating: .nan, count: plan.momentCount) }
                return CalibrationMoments.model(plan, series: rec.series, startYear: p.startYear, clusterVillages: p.clusterVillages)
            })
        }
        return out
    }

    /// The series of the final runs at a point (for the forecast).
    func finalSeries(_ unit: [Double], replications: Int, periods: Int) async throws -> (series: [[String: [Double]]], parameters: Parameters) {
        var sweep = plan.sweep
        sweep.unitRows = [unit]; sweep.samples = 1; sweep.replications = .fixed(replications)
        sweep.settings = sweep.settings.filter { !$0.hasPrefix("periods=") } + ["periods=\(periods)"]
        let design = try SweepDesign(plan: sweep)
        let runs = (0..<replications).map { design.run(point: 0, replication: $0) }
        let records = try store.records(keys: runs.map(\.key), withSeries: true, outcomes: [])
        return (runs.compactMap { records[$0.key].flatMap { $0.status == "finished" ? $0.series : nil } }, design.points[0].scenario.parameters)
    }
}

public enum Calibration {
    /// A moment's gap relative to the data, (model − data)/|data|, |data| floored at 0.01.
    static func relativeGap(_ model: Double, _ target: CalibrationMoments.Target) -> Double {
        (model - target.data) / max(abs(target.data), 1e-2)
    }

    /// Diagonal inverse-variance weights of the gaps over one point's replications (floored, mean 1).
    static func inverseVarianceWeights(_ reps: [[Double]], _ targets: [CalibrationMoments.Target]) -> [Double] {
        let w = targets.indices.map { j -> Double in
            let xs = reps.map { relativeGap($0[j], targets[j]) }
            let m = xs.reduce(0, +) / Double(xs.count)
            let v = xs.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(xs.count - 1, 1))
            return 1 / max(v.isFinite ? v : 0, 1e-4)
        }
        let norm = w.reduce(0, +) / Double(w.count)
        return w.map { $0 / norm }
    }

    /// The relative gaps of mean moments, × √weight (NaN moments make the loss infinite).
    static func gaps(_ reps: [[Double]], _ targets: [CalibrationMoments.Target]) -> [Double] {
        targets.indices.map { j in
            let m = reps.reduce(0) { $0 + $1[j] } / Double(reps.count)
            return relativeGap(m, targets[j]) * targets[j].weight.squareRoot()
        }
    }
    static func losses(_ points: [[[Double]]], _ targets: [CalibrationMoments.Target], _ w: [Double]) -> [Double] {
        points.map { loss(gaps($0, targets), w) }
    }

    static func loss(_ e: [Double], _ w: [Double]) -> Double {
        var s = 0.0
        for j in e.indices { s += w[j] * e[j] * e[j] }
        return s.isNaN ? .infinity : s
    }

    /// The calibration, stage by stage; `log` sees one line per stage.
    public static func run(_ evaluator: CalibrationEvaluator, log: @Sendable (String) -> Void = { _ in }) async throws -> CalibrationResult {
        let plan = evaluator.plan
        let targets = CalibrationMoments.targets(plan)
        let P = plan.parameters.count, M = targets.count, R = plan.replications
        var evaluations: [CalibrationResult.Evaluation] = []
        var warnings: [String] = []
        var runs = 0
        func values(_ u: [Double]) -> [Double] { zip(u, plan.parameters).map { $1.low + $0 * ($1.high - $1.low) } }

        // 1. Global stage.
        let unitGlobal = SobolSequence(dimensions: P, scrambleSeed: plan.baseSeed).points(plan.globalPoints)
        let global = try await evaluator.moments(unitGlobal, replications: R)
        runs += global.count * R
        var weights = [Double](repeating: 1, count: M)
        var bestIndex = (0..<global.count).min { loss(gaps(global[$0], targets), weights) < loss(gaps(global[$1], targets), weights) }!
        guard losses(global, targets, weights).contains(where: { $0.isFinite }) else {
            throw ScenarioError(source: plan.source, message: "no global point gives every moment (runs failed, or a metric is not defined at the data years): the loss is infinite everywhere")
        }
        // 2. Weighting from the best point's variances over the final replications' seeds.
        if plan.weighting == .inverseVariance {
            let reps = try await evaluator.moments([unitGlobal[bestIndex]], replications: plan.finalReplications)[0]
            runs += plan.finalReplications
            weights = inverseVarianceWeights(reps.filter { $0.allSatisfy(\.isFinite) }, targets)
            bestIndex = (0..<global.count).min { loss(gaps(global[$0], targets), weights) < loss(gaps(global[$1], targets), weights) }!
        }
        for (i, u) in unitGlobal.enumerated() {
            evaluations.append(.init(unit: u, values: values(u), loss: loss(gaps(global[i], targets), weights), stage: "global"))
        }
        log("global stage: \(plan.globalPoints) points × \(R) replications; best loss \(String(format: "%.4g", evaluations[bestIndex].loss))")

        // 3. Local stage: Nelder–Mead in the unit box.
        var cache: [[Double]: Double] = [:]
        func f(_ u: [Double]) async throws -> Double {
            let x = u.map { min(1, max(0, $0)) }
            if let v = cache[x] { return v }
            let reps = try await evaluator.moments([x], replications: R)[0]
            runs += R
            let l = loss(gaps(reps, targets), weights)
            cache[x] = l
            evaluations.append(.init(unit: x, values: values(x), loss: l, stage: "local"))
            return l
        }
        var best = unitGlobal[bestIndex], bestLoss = evaluations[bestIndex].loss
        cache[best] = bestLoss
        if plan.localEvaluations > 0 {
            var simplex: [[Double]] = [best]
            for i in 0..<P {
                var v = best
                v[i] = best[i] + 0.1 <= 1 ? best[i] + 0.1 : best[i] - 0.1
                simplex.append(v)
            }
            var fs: [Double] = []
            for v in simplex { fs.append(try await f(v)) }
            var used = P
            while used < plan.localEvaluations {
                let order = fs.indices.sorted { fs[$0] < fs[$1] }
                simplex = order.map { simplex[$0] }; fs = order.map { fs[$0] }
                if let first = fs.first, let worst = fs.last, abs(worst - first) <= 1e-6 * max(abs(first), 1e-12) { break }
                let centroid = (0..<P).map { i in simplex.dropLast().reduce(0) { $0 + $1[i] } / Double(P) }
                // A step that leaves the box is reflected back into it (clamping would let the
                // simplex collapse onto a face it then cannot leave).
                func inside(_ x: Double) -> Double { x < 0 ? min(1, -x) : x > 1 ? max(0, 2 - x) : x }
                func along(_ t: Double) -> [Double] { (0..<P).map { inside(centroid[$0] + t * (simplex[P][$0] - centroid[$0])) } }
                let xr = along(-1), fr = try await f(xr); used += 1
                if fr < fs[0] {
                    let xe = along(-2), fe = try await f(xe); used += 1
                    if fe < fr { simplex[P] = xe; fs[P] = fe } else { simplex[P] = xr; fs[P] = fr }
                } else if fr < fs[P - 1] {
                    simplex[P] = xr; fs[P] = fr
                } else {
                    let xc = fr < fs[P] ? along(-0.5) : along(0.5)
                    let fc = try await f(xc); used += 1
                    if fc < min(fr, fs[P]) { simplex[P] = xc; fs[P] = fc }
                    else {
                        for i in 1...P where used < plan.localEvaluations {
                            simplex[i] = (0..<P).map { simplex[0][$0] + 0.5 * (simplex[i][$0] - simplex[0][$0]) }
                            fs[i] = try await f(simplex[i]); used += 1
                        }
                    }
                }
            }
            if let i = fs.indices.min(by: { fs[$0] < fs[$1] }), fs[i] < bestLoss { best = simplex[i]; bestLoss = fs[i] }
            log("local stage: \(used) Nelder–Mead evaluations; loss \(String(format: "%.4g", bestLoss))")
        }

        // 4. Inference at θ̂: Jacobian by central differences under common seeds.
        let h = 0.05
        var columns: [[Double]] = []
        var probes: [[Double]] = []
        for i in 0..<P {
            var up = best, down = best
            up[i] = min(1, best[i] + h); down[i] = max(0, best[i] - h)
            probes.append(up); probes.append(down)
        }
        let probeMoments = try await evaluator.moments(probes, replications: R)
        runs += probes.count * R
        for i in 0..<P {
            let eu = gaps(probeMoments[2 * i], targets), ed = gaps(probeMoments[2 * i + 1], targets)
            let du = (probes[2 * i][i] - probes[2 * i + 1][i]) * (plan.parameters[i].high - plan.parameters[i].low)
            columns.append((0..<M).map { (eu[$0] - ed[$0]) / du })
        }
        let fin = try await finalStage(evaluator, unit: best, targets: targets)
        runs += fin.runs
        if fin.dropped > 0 { warnings.append("\(fin.dropped) of \(plan.finalReplications) final runs failed or lacked a moment and were left out") }
        let e = fin.e, omega = fin.omega, modelMean = fin.modelMean, r2 = fin.rSquared, forecast = fin.forecast
        // Sandwich.
        var dwd = [[Double]](repeating: [Double](repeating: 0, count: P), count: P)
        for a in 0..<P { for b in 0..<P { for j in 0..<M { dwd[a][b] += columns[a][j] * weights[j] * columns[b][j] } } }
        var estimates: [CalibrationResult.Estimate] = []
        let theta = values(best)
        if let bread = DenseLinearAlgebra.spdInverse(dwd) {
            var meat = [[Double]](repeating: [Double](repeating: 0, count: P), count: P)
            for a in 0..<P { for b in 0..<P {
                var s = 0.0
                for j in 0..<M { for k in 0..<M { s += columns[a][j] * weights[j] * omega[j][k] * weights[k] * columns[b][k] } }
                meat[a][b] = s
            } }
            let v = DenseLinearAlgebra.multiply(DenseLinearAlgebra.multiply(bread, meat), bread)
            for i in 0..<P {
                let se = ((1 + 1 / Double(R)) * max(v[i][i], 0)).squareRoot()
                estimates.append(.init(key: plan.parameters[i].key, value: theta[i], low: theta[i] - 1.645 * se, high: theta[i] + 1.645 * se, se: se))
            }
        } else {
            warnings.append("the moments do not identify the parameters at the estimate (D'WD singular): no intervals")
            for i in 0..<P { estimates.append(.init(key: plan.parameters[i].key, value: theta[i], low: .nan, high: .nan, se: .nan)) }
        }
        // J test with the full Ω when the final replications can estimate it.
        var j: Double?, p: Double?
        let df = M - P
        let rf = Double(fin.replications)
        if df > 0, fin.replications >= 3 * M, let inv = DenseLinearAlgebra.spdInverse(omega.map { $0.map { $0 * (1 + 1 / rf) } }) {
            var s = 0.0
            for a in 0..<M { for b in 0..<M { s += e[a] * inv[a][b] * e[b] } }
            // Ω is estimated from R_f runs: scale by (R_f − M)/(R_f − 1) (Hotelling) before χ².
            let scaled = s * (rf - Double(M)) / (rf - 1)
            if scaled.isFinite {
                j = scaled
                p = ChiSquared.survival(scaled, degreesOfFreedom: Double(df))
            }
            warnings.append("J is evaluated with Ω⁻¹ at an estimate found with a diagonal weighting: its χ² p-value is approximate (too small rather than too large)")
        } else if df > 0 {
            warnings.append("J test not computed: it needs at least 3 × \(M) final replications that finished (found \(fin.replications)) and an invertible Ω")
        }
        log("estimate: loss \(String(format: "%.4g", loss(e, weights))) over \(plan.finalReplications) final replications")
        return CalibrationResult(estimates: estimates, loss: loss(e, weights), targets: targets, model: modelMean, jStatistic: j, jDegrees: df,
                                 jPValue: p, rSquared: r2, forecast: forecast, evaluations: evaluations, runs: runs, warnings: warnings,
                                 weights: weights, unit: best)
    }
    /// What the final replications at an estimate give: the runs' moments, the gaps of their mean,
    /// Ω (covariance of a single run's gaps), R² per series and the forecast.
    struct FinalStage {
        var e: [Double]
        var omega: [[Double]]
        var modelMean: [Double]
        var rSquared: [(series: String, value: Double)]
        var forecast: [(series: String, year: Int, mean: Double, low: Double, high: Double)]
        var runs: Int
        /// Final runs that finished with every moment defined.
        var replications: Int
        var dropped: Int
    }

    static func finalStage(_ evaluator: CalibrationEvaluator, unit best: [Double], targets: [CalibrationMoments.Target]) async throws -> FinalStage {
        let plan = evaluator.plan, M = targets.count
        // Final replications at θ̂, over the forecast horizon (causal: the moments' years are unchanged).
        let startYear = try plan.startYear
        let basePeriods = (try? SweepDesign(plan: { var s = plan.sweep; s.unitRows = [best]; return s }()).points[0].scenario.parameters.periods) ?? 80
        let periods = max(basePeriods, 4 * (plan.forecastTo - startYear + 1))
        let all = try await evaluator.moments([best], replications: plan.finalReplications, periods: periods)[0]
        let final = all.filter { $0.allSatisfy(\.isFinite) }
        guard final.count >= 2 else {
            throw ScenarioError(source: plan.source, message: "at the estimate \(final.count) of \(plan.finalReplications) final runs give every moment: nothing to infer from")
        }
        let single = final.map { run in (0..<M).map { j in relativeGap(run[j], targets[j]) * targets[j].weight.squareRoot() } }
        let e = gaps(final, targets)
        let meanSingle = (0..<M).map { j in single.reduce(0) { $0 + $1[j] } / Double(single.count) }
        var omega = [[Double]](repeating: [Double](repeating: 0, count: M), count: M)
        for run in single { for a in 0..<M { for b in 0..<M { omega[a][b] += (run[a] - meanSingle[a]) * (run[b] - meanSingle[b]) / Double(single.count - 1) } } }
        // Fit: R² per series over its level (or growth) moments.
        let modelMean = (0..<M).map { j in final.reduce(0) { $0 + $1[j] } / Double(final.count) }
        var r2: [(series: String, value: Double)] = []
        for (i, spec) in plan.moments.enumerated() where spec.kind != .elasticity {
            let idx = targets.indices.filter { targets[$0].spec == i }
            guard idx.count >= 2 else { continue }
            let d = idx.map { targets[$0].data }, m = idx.map { modelMean[$0] }
            let dm = d.reduce(0, +) / Double(d.count)
            let ssTot = d.reduce(0) { $0 + ($1 - dm) * ($1 - dm) }, ssRes = zip(d, m).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            r2.append((spec.series + (spec.kind == .growth ? ":growth" : ""), ssTot > 0 ? 1 - ssRes / ssTot : .nan))
        }
        // Forecast: 90% band over the final runs.
        let (finalSeries, parameters) = try await evaluator.finalSeries(best, replications: plan.finalReplications, periods: periods)
        var bySeriesYear: [String: [Int: [Double]]] = [:]
        var order: [String] = []
        for spec in plan.moments {
            for s in finalSeries {
                for (name, year, v) in CalibrationMoments.forecast(spec, data: plan.data, series: s, startYear: parameters.startYear,
                                                                  clusterVillages: parameters.clusterVillages, to: plan.forecastTo) {
                    if bySeriesYear[name] == nil { order.append(name) }
                    bySeriesYear[name, default: [:]][year, default: []].append(v)
                }
            }
        }
        var forecast: [(series: String, year: Int, mean: Double, low: Double, high: Double)] = []
        for name in order {
            for (year, xs) in bySeriesYear[name]!.sorted(by: { $0.key < $1.key }) {
                // Every run adds one value per spec mapping the series: the band pools them.
                let s = xs.sorted()
                forecast.append((name, year, xs.reduce(0, +) / Double(xs.count), quantile(s, 0.05), quantile(s, 0.95)))
            }
        }
        return FinalStage(e: e, omega: omega, modelMean: modelMean, rSquared: r2, forecast: forecast, runs: plan.finalReplications,
                          replications: final.count, dropped: all.count - final.count)
    }
}
