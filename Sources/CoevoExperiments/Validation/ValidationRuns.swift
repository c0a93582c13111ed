// The runs behind `coevo validate` (issue 13's table): the built-in scenarios and the
// counterfactuals a referee asks for (no government with its frictions switched off, each lever
// dropped with its budget moved to the other four, a costlier adoption, a smaller economy), over a
// set of seeds at one firm count. Each run keeps its whole series of economy-wide metrics, its
// stage entries and, where the table needs them, the elasticities β_s by stage.

import CoevoMeasure
import CoevoModel
import Foundation

/// One counterfactual the validation runs: a name and its parameters.
public struct ValidationVariant: Sendable {
    public var name: String
    public var parameters: Parameters
    /// Whether the external-economies regression is estimated (point estimates, no bootstrap).
    public var regression: Bool
}

/// One finished validation run.
public struct ValidationRun: Sendable {
    public var variant: String
    public var seed: UInt64
    /// Economy-wide metrics (`Observer.metrics` order), one row per reported quarter.
    public var series: [[Double]]
    public var stageEntry: [Int?]
    public var stageCCDEntry: [Int?]
    /// β_s by stage (0–4) for reachable output and for cluster output alone; absent where the
    /// stage never occurs or the regression was not run.
    public var beta: [Int: Double]
    public var betaCluster: [Int: Double]
    /// Initial firms and firms that exited during the burn-in.
    public var initialFirms: Int
    public var burnInExits: Int
    /// Quarters of the burn-in (`burn_in`).
    public var burnInQuarters: Int
    /// Wall time of the simulation (regression excluded) and the firm-quarters it simulated
    /// (reported quarters only).
    public var simulationSeconds: Double
    public var firmQuarters: Double
    /// Real villages the model's villages stand for (`calendar.cluster_villages`).
    public var clusterVillages: Double

    public func metric(_ name: String, at period: Int) -> Double {
        series[min(max(period, 0), series.count - 1)][Observer.index[name]!]
    }
    public func last(_ name: String) -> Double { metric(name, at: series.count - 1) }
    /// Mean of `name` over `periods` (clamped to the run).
    public func mean(_ name: String, over periods: ClosedRange<Int>) -> Double {
        let lo = max(periods.lowerBound, 0), hi = min(periods.upperBound, series.count - 1)
        guard lo <= hi else { return .nan }
        var s = 0.0
        for t in lo...hi { s += series[t][Observer.index[name]!] }
        return s / Double(hi - lo + 1)
    }
    public func column(_ name: String) -> [Double] { series.map { $0[Observer.index[name]!] } }
}

public enum ValidationRuns {
    /// The variants of the table, built from the built-in scenarios at `firms` initial firms and
    /// `periods` quarters (`smallFirms` for the robustness rows). `overrides` (`key=value`, as
    /// `coevo run --set`) apply to every built-in scenario before its variant's own changes.
    public static func variants(firms: Int, smallFirms: Int, periods: Int, overrides: [String] = []) throws(ScenarioError) -> [ValidationVariant] {
        var cache: [String: Parameters] = [:]
        for name in ["baseline", "no-digital", "no-government"] {
            var s = Scenario.builtIn(named: name)!
            try ScenarioLoader.apply(overrides: overrides + ["firms=\(firms)", "periods=\(periods)"], to: &s)
            s.parameters.bootstrapDraws = 0
            cache[name] = s.parameters
        }
        func scenario(_ name: String) -> Parameters { cache[name]! }
        var list: [ValidationVariant] = []
        list.append(ValidationVariant(name: "baseline", parameters: scenario("baseline"), regression: true))
        list.append(ValidationVariant(name: "no-digital", parameters: scenario("no-digital"), regression: false))
        list.append(ValidationVariant(name: "no-government", parameters: scenario("no-government"), regression: false))
        // No government, with the frictions that public goods remove switched off: logistics
        // congestion, online fraud, and the cross-region barrier.
        var frictionless = scenario("no-government")
        frictionless.congestionWeight = 0; frictionless.fraudHazard = 0; frictionless.regionBarrier = 0
        list.append(ValidationVariant(name: "no-government-frictionless", parameters: frictionless, regression: false))
        // Each lever dropped, its budget moved to the other four.
        let levers: [(String, WritableKeyPath<Parameters, Double>)] = [
            ("reg", \.govReg), ("pub", \.govPub), ("tal", \.govTal), ("inf", \.govInf), ("bar", \.govBar),
        ]
        for (name, key) in levers {
            var p = scenario("baseline")
            let total = p.govReg + p.govPub + p.govTal + p.govInf + p.govBar
            let rest = total - p[keyPath: key]
            for (_, other) in levers { p[keyPath: other] *= rest > 0 ? total / rest : 0 }
            p[keyPath: key] = 0
            list.append(ValidationVariant(name: "drop-\(name)", parameters: p, regression: false))
        }
        // Stage dates respond to parameters: adoption twice as costly.
        var costly = scenario("baseline"); costly.adoptionCost *= 2
        list.append(ValidationVariant(name: "adoption-cost-x2", parameters: costly, regression: false))
        var small = scenario("baseline"); small.firms = smallFirms
        list.append(ValidationVariant(name: "baseline-small", parameters: small, regression: false))
        return list
    }

    /// Runs one variant with one seed.
    public static func run(_ v: ValidationVariant, seed: UInt64) -> ValidationRun {
        let clock = ContinuousClock()
        var rows: [[Double]] = []
        var burnInExits = 0, firmQuarters = 0.0
        let start = clock.now
        let result = Simulation.run(parameters: v.parameters, seed: seed, recordPanel: v.regression, panelCosts: false, keepObservations: false) { o, model in
            if o.period == 0 { burnInExits = model.burnInExits }
            firmQuarters += Double(model.firms.count)
            rows.append(o.all)
        }
        let simulation = (clock.now - start) / .seconds(1)
        var beta: [Int: Double] = [:], betaCluster: [Int: Double] = [:]
        if v.regression {
            let (reach, cluster) = RunPipeline.elasticities(result.panel, draws: 0, seed: seed)
            for (k, i) in reach { if let s = Int(k), let i { beta[s] = i.estimate } }
            for (k, i) in cluster { if let s = Int(k), let i { betaCluster[s] = i.estimate } }
        }
        return ValidationRun(variant: v.name, seed: seed, series: rows, stageEntry: result.stageEntry, stageCCDEntry: result.stageCCDEntry,
                             beta: beta, betaCluster: betaCluster, initialFirms: v.parameters.firms, burnInExits: burnInExits,
                             burnInQuarters: v.parameters.burnIn,
                             simulationSeconds: simulation, firmQuarters: firmQuarters, clusterVillages: v.parameters.clusterVillages)
    }

    /// Runs every variant × seed on `jobs` threads. Each run is deterministic for its seed, so the
    /// results do not depend on `jobs`; they come back in variant-then-seed order.
    public static func runAll(_ variants: [ValidationVariant], seeds: [UInt64], jobs: Int,
                              progress: @Sendable (String) -> Void = { _ in }) -> [ValidationRun] {
        let tasks = variants.flatMap { v in seeds.map { (v, $0) } }
        return parallelMap(count: tasks.count, jobs: jobs) { i in
            let (v, seed) = tasks[i]
            let r = run(v, seed: seed)
            progress("\(v.name) seed \(seed): \(String(format: "%.1f", r.simulationSeconds)) s")
            return r
        }
}
    }
