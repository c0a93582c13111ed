// Running a sensitivity plan and analysing it: the design rows go through the sweep store as
// points (each row × replication one run, resumable and shardable like any sweep), or, for an
// analytic test function, are evaluated in process. The analysis reads every row's replications,
// computes the indices on replication means corrected for seed noise, a convergence table over
// growing prefixes of the design (the same runs), and the noise share of every outcome.

import CoevoFiles
import CoevoMeasure
import CoevoModel
import CoevoStore
import Foundation

/// The indices of a sensitivity plan.
public struct SensitivityResult: Sendable {
    /// One line of indices.csv (and, with `base`, of convergence.csv).
    public struct Row: Sendable, Equatable {
        public var outcome: String
        /// A factor, or `a|b` for a second-order index.
        public var factor: String
        /// S1, ST, S2, mu, mu_star or sigma.
        public var index: String
        public var estimate: Double
        public var low: Double?
        public var high: Double?
        /// Convergence rows: the base sample size (Sobol) or trajectories (Morris) used.
        public var base: Int?
    }
    public var indices: [Row]
    public var convergence: [Row]
    public var noise: [(outcome: String, noise: NoiseShare)]
    /// Outcomes without indices and why (e.g. a stage never reached in some runs).
    public var skipped: [(outcome: String, reason: String)]
    /// Outcomes whose indices should not be trusted, and why.
    public var warnings: [(outcome: String, reason: String)] = []

    public func index(_ outcome: String, _ factor: String, _ index: String) -> Row? {
        indices.first { $0.outcome == outcome && $0.factor == factor && $0.index == index }
    }
}

public enum SensitivityRunner {
    /// The outputs `y[row][replication]` of every outcome, or nil when the store does not hold
    /// every run yet (a shard, an interrupted sweep, failed runs), with the sweep's counts.
    public struct Evaluation: Sendable {
        public var progress: SweepProgress?
        public var outputs: [String: [[Double]]]?
        /// Why `outputs` is nil.
        public var incomplete: String?
        public var skipped: [(outcome: String, reason: String)]
    }

    /// The sweep design of a model plan: one point per design row.
    public static func design(_ plan: SensitivityPlan) throws(ScenarioError) -> SweepDesign? {
        guard let sweep = plan.sweepWithRows else { return nil }
        return try SweepDesign(plan: sweep)
    }

    /// Runs what the store does not hold yet (model plans), then collects the outputs.
    public static func evaluate(_ plan: SensitivityPlan, design: SweepDesign?, store: SweepStore?, directory: URL,
                                options: SweepOptions, function: @escaping SweepRunFunction = SweepExecution.model) async throws -> Evaluation {
        if let f = plan.analytic { return Evaluation(progress: nil, outputs: ["y": analyticOutputs(plan, f)], incomplete: nil, skipped: []) }
        guard let design, let store else { preconditionFailure("SensitivityRunner: a model plan needs its design and store") }
        let progress = try await SweepRunner.run(design: design, store: store, directory: directory, options: options, function: function)
        if progress.interrupted { return Evaluation(progress: progress, outputs: nil, incomplete: "the sweep was interrupted", skipped: []) }
        if let shard = options.shard, shard.count > 1 {
            return Evaluation(progress: progress, outputs: nil, incomplete: "shard \(shard.index)/\(shard.count) holds part of the runs (merge the shards with coevo merge)", skipped: [])
        }
        return try collect(plan, design: design, store: store, progress: progress)
    }

    /// The outputs of every row and replication from the store.
    public static func collect(_ plan: SensitivityPlan, design: SweepDesign, store: SweepStore, progress: SweepProgress? = nil) throws -> Evaluation {
        let rows = design.points.count, reps = plan.replications
        var values = [String: [[Double]]]()
        for o in plan.outcomes { values[o] = [[Double]](repeating: [Double](repeating: .nan, count: reps), count: rows) }
        var undefined = [String: Int]()
        var missing = 0
        var runs: [SweepRun] = []
        runs.reserveCapacity(rows * reps)
        for p in 0..<rows { for r in 0..<reps { runs.append(design.run(point: p, replication: r)) } }
        for start in stride(from: 0, to: runs.count, by: 500) {
            let batch = Array(runs[start..<min(runs.count, start + 500)])
            let records = try store.records(keys: Array(Set(batch.map(\.key))), withSeries: false, outcomes: plan.outcomes)
            for run in batch {
                guard let rec = records[run.key], rec.status == "finished" else { missing += 1; continue }
                for o in plan.outcomes {
                    if let v = rec.outcomes[o] ?? nil, v.isFinite { values[o]![run.pointID][run.replication] = v } else { undefined[o, default: 0] += 1 }
                }
            }
        }
        if missing > 0 {
            return Evaluation(progress: progress, outputs: nil,
                              incomplete: "\(missing) of \(runs.count) runs are missing or failed (run the command again; --retry-failed reruns failed runs)", skipped: [])
        }
        var skipped: [(outcome: String, reason: String)] = []
        for o in plan.outcomes {
            if let n = undefined[o] {
                skipped.append((o, "undefined in \(n) of \(runs.count) runs (a stage never reached, or a value not defined): no indices"))
                values[o] = nil
            }
        }
        return Evaluation(progress: progress, outputs: values, incomplete: nil, skipped: skipped)
    }

    /// An analytic function at every row, plus Gaussian noise of standard deviation `plan.noise`
    /// per replication: half of its variance common to all rows of a replication (as common seeds
    /// make runs alike), half the row's own.
    static func analyticOutputs(_ plan: SensitivityPlan, _ f: TestFunction) -> [[Double]] {
        plan.unitRows.enumerated().map { row, u in
            let fx = f(u)
            return (0..<plan.replications).map { r in
                guard plan.noise > 0 else { return fx }
                let seed = plan.baseSeed &+ UInt64(r)
                var common = SplitMix64(seed: seed), own = SplitMix64(seed: seed ^ (UInt64(row + 1) &* 0x9E37_79B9_7F4A_7C15))
                return fx + plan.noise * (common.nextGaussian() + own.nextGaussian()) / 2.0.squareRoot()
            }
        }
    }

    /// The indices of every outcome, the convergence table and the noise shares.
    public static func analyse(_ plan: SensitivityPlan, outputs: [String: [[Double]]], skipped: [(outcome: String, reason: String)] = []) -> SensitivityResult {
        var result = SensitivityResult(indices: [], convergence: [], noise: [], skipped: skipped)
        let names = plan.factorNames, k = names.count
        for outcome in plan.outcomes {
            guard let y = outputs[outcome] else { continue }
            switch plan.method {
            case .sobol:
                func rows(_ s: SobolIndices, base: Int?) -> [SensitivityResult.Row] {
                    func row(_ f: String, _ i: String, _ e: IndexEstimate) -> SensitivityResult.Row {
                        .init(outcome: outcome, factor: f, index: i, estimate: e.estimate, low: e.low.isNaN ? nil : e.low, high: e.high.isNaN ? nil : e.high, base: base)
                    }
                    return (0..<k).map { row(names[$0], "S1", s.first[$0]) } + (0..<k).map { row(names[$0], "ST", s.total[$0]) }
                        + s.second.map { row("\(names[$0.i])|\(names[$0.j])", "S2", $0.index) }
                }
                let full = SobolAnalysis.indices(replicated: y, base: plan.samples, factors: k, secondOrder: plan.secondOrder,
                                                 bootstrap: plan.bootstrap, seed: plan.designSeed)
                result.indices += rows(full, base: nil)
                result.noise.append((outcome, full.noise))
                for m in convergenceSizes(plan.samples, minimum: 4) {
                    let s = m == plan.samples ? full : SobolAnalysis.indices(replicated: y, base: plan.samples, factors: k, secondOrder: plan.secondOrder,
                                                                             using: m, bootstrap: plan.bootstrap, seed: plan.designSeed)
                    result.convergence += rows(s, base: m)
                }
            case .morris:
                let design = MorrisDesign(trajectories: plan.samples, factors: k, levels: plan.levels, seed: plan.designSeed)
                func rows(_ e: MorrisEffects, base: Int?) -> [SensitivityResult.Row] {
                    (0..<k).flatMap { i -> [SensitivityResult.Row] in
                        let s = e.muStar[i]
                        return [.init(outcome: outcome, factor: names[i], index: "mu", estimate: e.mu[i], low: nil, high: nil, base: base),
                                .init(outcome: outcome, factor: names[i], index: "mu_star", estimate: s.estimate,
                                      low: s.low.isNaN ? nil : s.low, high: s.high.isNaN ? nil : s.high, base: base),
                                .init(outcome: outcome, factor: names[i], index: "sigma", estimate: e.sigma[i], low: nil, high: nil, base: base)]
                    }
                }
                let full = MorrisAnalysis.effects(replicated: y, design: design, bootstrap: plan.bootstrap, seed: plan.designSeed)
                result.indices += rows(full, base: nil)
                result.noise.append((outcome, full.noise))
                for t in convergenceSizes(plan.samples, minimum: 2) {
                    let e = t == plan.samples ? full : MorrisAnalysis.effects(replicated: y, design: design, trajectories: t,
                                                                              bootstrap: plan.bootstrap, seed: plan.designSeed)
                    result.convergence += rows(e, base: t)
                }
            }
        }
        for (o, n) in result.noise where n.signalLost {
            result.warnings.append((o, "the factors' effect cannot be told from seed noise (signal variance \(CSVFormat.number(n.signalVariance)) after removing the noise): use more replications or a larger design; these indices are not meaningful"))
        }
        return result
    }

    /// N/8, N/4, N/2 and N (those at least `minimum`, distinct).
    static func convergenceSizes(_ n: Int, minimum: Int) -> [Int] {
        var sizes: [Int] = []
        for d in [8, 4, 2, 1] where n / d >= minimum && !sizes.contains(n / d) { sizes.append(n / d) }
        return sizes
    }

    /// The files an analysis writes, in the order written (indices.csv last: it marks completion).
    public static let resultFiles = ["convergence.csv", "noise.csv", "summary.json", "indices.csv"]

    /// Removes an earlier analysis's files, so that none is left beside a new, unfinished one.
    public static func removeResults(in directory: URL) {
        for f in resultFiles + ["report.html"] { try? FileManager.default.removeItem(at: directory.appendingPathComponent(f)) }
    }

    /// Writes convergence.csv, noise.csv, summary.json and indices.csv (each atomically).
    public static func write(_ result: SensitivityResult, plan: SensitivityPlan, runs: Int, seconds: Double, to directory: URL) throws {
        func num(_ x: Double?) -> String { x.map(CSVFormat.number) ?? "" }
        func csvRow(_ r: SensitivityResult.Row, base: Bool) -> String {
            var fields = [CSVFormat.field(r.outcome), CSVFormat.field(r.factor), r.index]
            if base { fields.append(String(r.base ?? 0)) }
            fields += [num(r.estimate), num(r.low), num(r.high)]
            return fields.joined(separator: ",") + "\n"
        }
        var convergence = "outcome,factor,index,base,estimate,ci_low,ci_high\n"
        for r in result.convergence { convergence += csvRow(r, base: true) }
        var noise = "outcome,replications,noise_variance,signal_variance,noise_share\n"
        for (o, n) in result.noise {
            noise += "\(CSVFormat.field(o)),\(n.replications),\(num(n.noiseVariance)),\(num(n.signalVariance)),\(num(n.share))\n"
        }
        var indices = "outcome,factor,index,estimate,ci_low,ci_high\n"
        for r in result.indices { indices += csvRow(r, base: false) }

        func json(_ x: Double?) -> String { guard let x, x.isFinite else { return "null" }; return CSVFormat.number(x) }
        func list(_ xs: [String]) -> String { "[" + xs.map { JSONText.quoted($0) }.joined(separator: ", ") + "]" }
        var lines: [String] = [
            "\"name\": \(JSONText.quoted(plan.name))",
            "\"method\": \(JSONText.quoted(plan.method.rawValue))",
            "\"model\": \(plan.analytic.map { JSONText.quoted($0.name) } ?? JSONText.quoted("coevo"))",
            "\"samples\": \(plan.samples)",
            "\"rows\": \(plan.rowCount)",
            "\"replications\": \(plan.replications)",
            "\"runs\": \(runs)",
            "\"seconds\": \(json(seconds))",
            "\"factors\": \(list(plan.factorNames))",
            "\"outcomes\": \(list(plan.outcomes))",
            "\"noise_share\": {" + result.noise.map { "\(JSONText.quoted($0.outcome)): \(json($0.noise.share))" }.joined(separator: ", ") + "}",
            "\"warnings\": {" + result.warnings.map { "\(JSONText.quoted($0.outcome)): \(JSONText.quoted($0.reason))" }.joined(separator: ", ") + "}",
            "\"skipped\": {" + result.skipped.map { "\(JSONText.quoted($0.outcome)): \(JSONText.quoted($0.reason))" }.joined(separator: ", ") + "}",
        ]
        if let f = plan.analytic, plan.method == .sobol {
            let exact = f.analyticIndices
            lines.append("\"analytic\": {\"S1\": [\(exact.first.map { json($0) }.joined(separator: ", "))], \"ST\": [\(exact.total.map { json($0) }.joined(separator: ", "))]}")
        }
        let summary = "{\n  " + lines.joined(separator: ",\n  ") + "\n}\n"
        try AtomicFile.write(convergence, to: directory.appendingPathComponent("convergence.csv"))
        try AtomicFile.write(noise, to: directory.appendingPathComponent("noise.csv"))
        try AtomicFile.write(summary, to: directory.appendingPathComponent("summary.json"))
        try AtomicFile.write(indices, to: directory.appendingPathComponent("indices.csv"))
    }
}

extension TestFunction {
    /// The plan's name of the function.
    public var name: String { switch self { case .ishigami: "ishigami"; case .sobolG: "sobol-g" } }
}
