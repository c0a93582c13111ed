// A sensitivity plan (REFERENCE.md "Sensitivity"): the sweep plan's scenario, fixed settings,
// factor ranges, replications, seeds and outcomes, plus the method (Sobol indices on a Saltelli
// design, or Morris elementary effects), its sample size and options. Its design rows become the
// points of a sweep, so the runs go through the sweep store (resumable, shardable, SLURM).
// `model: ishigami | sobol-g` replaces the model by an analytic test function (factors x1…xk,
// outcome y, optional Gaussian seed noise) so that a user can check the estimators against exact
// indices.

import CoevoFiles
import CoevoMeasure
import CoevoModel
import Foundation
import Yams

/// A validated sensitivity plan.
public struct SensitivityPlan: Sendable {
    public enum Method: String, Sendable { case sobol, morris }

    public var name: String
    public var source: String
    public var method: Method
    /// Sobol: the base sample size N (rows N·(k + 2), or N·(2k + 2) with second order); Morris:
    /// the number of trajectories r (rows r·(k + 1)).
    public var samples: Int
    /// Morris: grid levels p (even).
    public var levels: Int
    /// Sobol: also the second-order indices S_ij.
    public var secondOrder: Bool
    /// Bootstrap draws for the intervals.
    public var bootstrap: Int
    /// Replications per design row (common random numbers across rows).
    public var replications: Int
    public var baseSeed: UInt64
    public var designSeed: UInt64
    public var factorNames: [String]
    public var outcomes: [String]
    /// The model's runs as a sweep whose points are the design rows (nil for an analytic model).
    public var sweep: SweepPlan?
    /// An analytic test function instead of the model.
    public var analytic: TestFunction?
    /// Analytic model: standard deviation of the Gaussian seed noise added to y.
    public var noise: Double

    /// The design rows on the unit hypercube.
    public var unitRows: [[Double]] {
        switch method {
        case .sobol: SaltelliDesign(base: samples, factors: factorNames.count, secondOrder: secondOrder, seed: designSeed).rows
        case .morris: MorrisDesign(trajectories: samples, factors: factorNames.count, levels: levels, seed: designSeed).rows
        }
    }

    /// Rows of the design: N·(k + 2), N·(2k + 2) or r·(k + 1).
    public var rowCount: Int {
        let k = factorNames.count
        switch method {
        case .sobol: return samples * SaltelliDesign.blocks(factors: k, secondOrder: secondOrder)
        case .morris: return samples * (k + 1)
        }
    }

    /// The sweep plan with the design rows as its points.
    public var sweepWithRows: SweepPlan? {
        guard var s = sweep else { return nil }
        s.unitRows = unitRows
        s.samples = rowCount
        return s
    }

    static let ownKeys = ["method", "samples", "levels", "second_order", "bootstrap"]
    static let analyticKeys = ["model", "a", "b", "noise"]
}

extension SensitivityPlan {
    public static func load(path: String) throws(ScenarioError) -> SensitivityPlan {
        try parse(yaml: try SweepPlan.readPlanText(path: path, what: "sensitivity plan"), source: path)
    }

    public static func parse(yaml text: String, source: String) throws(ScenarioError) -> SensitivityPlan {
        var method: Method?, samples: Int?, levels = 4, secondOrder = false, bootstrap = 1000
        var model: String?, a: [Double]?, b: Double?, noise = 0.0
        var modelNode: Node?
        func own(_ key: String, _ v: Node, _ reader: inout PlanReader) throws(ScenarioError) {
            switch key {
            case "method":
                let t = try reader.scalar(v, key)
                guard let m = Method(rawValue: t) else { throw reader.error(v, "key 'method': expected sobol or morris, found '\(t)'") }
                method = m
            case "samples": samples = try reader.integer(v, key, in: 2...SweepPlan.maxPoints)
            case "levels":
                levels = try reader.integer(v, key, in: 2...100)
                guard levels % 2 == 0 else { throw reader.error(v, "key 'levels': expected an even number of grid levels, found \(levels)") }
            case "second_order": secondOrder = try reader.boolean(v, key)
            case "bootstrap": bootstrap = try reader.integer(v, key, in: 0...100_000)
            case "model":
                modelNode = v
                model = try reader.scalar(v, key)
                guard ["ishigami", "sobol-g"].contains(model!) else { throw reader.error(v, "key 'model': expected ishigami or sobol-g, found '\(model!)'") }
            case "a":
                if let seq = v.sequence {
                    guard !seq.isEmpty, seq.count <= SobolSequence.maxDimensions / 2 else {
                        throw reader.error(v, "key 'a': expected 1 to \(SobolSequence.maxDimensions / 2) numbers, found \(seq.count)")
                    }
                    var xs: [Double] = []
                    for item in seq {
                        let x = try reader.number(item, "a")
                        guard x >= 0 else { throw reader.error(item, "key 'a': expected numbers ≥ 0, found \(x)") }
                        xs.append(x)
                    }
                    a = xs
                } else {
                    let x = try reader.number(v, key)
                    guard x >= 0 else { throw reader.error(v, "key 'a': expected numbers ≥ 0, found \(x)") }
                    a = [x]
                }
            case "b": b = try reader.number(v, key)
            case "noise":
                noise = try reader.number(v, key)
                guard noise >= 0 else { throw reader.error(v, "key 'noise': expected a standard deviation ≥ 0, found \(noise)") }
            default: break
            }
        }

        // Anchors and aliases can make a tiny file expand exponentially (as in scenario files).
        if let (line, token) = YAMLGuard.firstAnchorOrAlias(text) {
            throw ScenarioError(source: source, line: line, message: "expected plain YAML without anchors or aliases, found '\(token)' (quote the text if it is not one)")
        }
        // Which kind: the model (a sweep) or an analytic function.
        let isAnalytic: Bool = {
            guard let root = try? Yams.compose(yaml: text), let m = root.mapping else { return false }
            return m.contains { $0.key.string == "model" }
        }()
        var plan: SensitivityPlan
        if isAnalytic {
            var (reader, top) = try PlanReader.open(text, source: source)
            var name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
            var replications = 1, baseSeed: UInt64 = 1, designSeed: UInt64?, outcomes = ["y"]
            var seen = Set<String>()
            let allowed = ["name", "description", "replications", "base_seed", "design_seed", "outcomes"] + ownKeys + analyticKeys
            for (k, v) in top {
                let key = try reader.uniqueKey(k, &seen)
                switch key {
                case "name": name = try reader.scalar(v, key)
                case "description": _ = try reader.scalar(v, key)
                case "replications": replications = try reader.integer(v, key, in: 1...SweepPlan.maxReplications)
                case "base_seed": baseSeed = try reader.seed(v, key)
                case "design_seed": designSeed = try reader.seed(v, key)
                case "outcomes":
                    outcomes = try reader.names(v, key, allowed: ["y"], what: "the analytic model's outcome y")
                case _ where ownKeys.contains(key) || analyticKeys.contains(key): try own(key, v, &reader)
                default:
                    throw reader.error(k, "unknown key '\(key)' in a plan with 'model' (an analytic function: factors x1…xk, outcome y); expected one of \(allowed.joined(separator: ", "))")
                }
            }
            let function: TestFunction
            if model == "ishigami" {
                if let a, a.count != 1 { throw reader.error(modelNode!, "key 'a': expected one number for ishigami, found \(a.count)") }
                function = .ishigami(a: a?.first ?? 7, b: b ?? 0.1)
            } else {
                guard let a else { throw reader.error(modelNode!, "key 'a': model sobol-g expected a list of a_i (one per factor), found none") }
                if b != nil { throw reader.error(modelNode!, "key 'b': expected only with ishigami, found it with sobol-g") }
                function = .sobolG(a: a)
            }
            plan = SensitivityPlan(name: name, source: source, method: .sobol, samples: 0, levels: levels, secondOrder: secondOrder,
                                   bootstrap: bootstrap, replications: replications, baseSeed: baseSeed, designSeed: designSeed ?? baseSeed,
                                   factorNames: (1...function.dimensions).map { "x\($0)" }, outcomes: outcomes, sweep: nil,
                                   analytic: function, noise: noise)
        } else {
            let ext = SweepPlan.Extension(kind: "sensitivity", keys: ownKeys + analyticKeys, refused: ["design", "reference", "series"],
                                          design: .sobol, consume: own)
            let sweep = try SweepPlan.parse(yaml: text, source: source, extension: ext)
            for key in analyticKeys where key != "model" {
                let used: Bool = key == "a" ? a != nil : key == "b" ? b != nil : noise != 0
                if used { throw ScenarioError(source: source, message: "key '\(key)': expected only with 'model' (an analytic function), found it without") }
            }
            if sweep.seeds == .independent {
                throw ScenarioError(source: source, message: "key 'seeds': expected common in a sensitivity plan (the noise correction and the design's pairing assume the same seeds at every row), found independent")
            }
            guard !sweep.factors.isEmpty else { throw ScenarioError(source: source, message: "key 'factors': expected at least one factor with a range {low, high}, found none") }
            if let f = sweep.factors.first(where: { $0.key == "scenario" }) {
                throw ScenarioError(source: source, message: "factor '\(f.key)': expected parameter ranges in a sensitivity plan, found the scenario as a factor")
            }
            plan = SensitivityPlan(name: sweep.name, source: source, method: .sobol, samples: 0, levels: levels, secondOrder: secondOrder,
                                   bootstrap: bootstrap, replications: sweep.replications.initial, baseSeed: sweep.baseSeed,
                                   designSeed: sweep.designSeed, factorNames: sweep.factors.map(\.key), outcomes: sweep.outcomes,
                                   sweep: sweep, analytic: nil, noise: 0)
        }
        guard let method else { throw ScenarioError(source: source, message: "key 'method': expected sobol or morris, found none") }
        guard let samples else {
            throw ScenarioError(source: source, message: "key 'samples': expected the \(method == .sobol ? "base sample size N" : "number of trajectories r"), found none")
        }
        plan.method = method
        plan.samples = samples
        let k = plan.factorNames.count
        if method == .sobol, 2 * k > SobolSequence.maxDimensions {
            throw ScenarioError(source: source, message: "key 'factors': method sobol expected at most \(SobolSequence.maxDimensions / 2) factors, found \(k)")
        }
        if method == .morris, secondOrder { throw ScenarioError(source: source, message: "key 'second_order': expected only with method sobol, found it with morris") }
        if method == .sobol, samples < 4 { throw ScenarioError(source: source, message: "key 'samples': method sobol expected a base sample size of at least 4, found \(samples)") }
        let rows = plan.rowCount
        guard rows <= SweepPlan.maxPoints else {
            throw ScenarioError(source: source, message: "key 'samples': expected at most \(SweepPlan.maxPoints) design rows, found \(samples) × \(rows / samples) = \(rows)")
        }
        // The analysis's own work: bootstrap draws × base rows × indices, for each convergence size.
        let indices = method == .sobol ? 2 * k + (secondOrder ? k * (k - 1) / 2 : 0) : k
        let analysis = Double(bootstrap) * Double(samples) * Double(indices) * 2
        guard analysis <= 2e9 else {
            throw ScenarioError(source: source, message: "key 'bootstrap': expected bootstrap × samples × indices of at most 1e9 (the analysis's work), found \(bootstrap) × \(samples) × \(indices)")
        }
        guard rows * plan.replications <= SweepPlan.maxRuns else {
            throw ScenarioError(source: source, message: "key 'replications': expected at most \(SweepPlan.maxRuns) runs in all, found \(rows) rows × \(plan.replications)")
        }
        return plan
    }
}
