// `coevo decompose`: how much of an outcome each level of external economies accounts for
// (the paper's §2.2 and §3(4): cluster, network, ecosystem, economy-wide), and whether the levels
// reinforce one another. Each level is switched off by a parameter (`external.cluster`,
// `external.network`, `external.ecosystem`, `external.economy`; docs/ODD.md §7.31); all 16 on/off
// combinations are run over common seeds as a grid sweep (so through the sweep store: resumable,
// parallel). For each outcome the 16 seed-mean values define a cooperative game whose Shapley values
// split the total effect (all levels on minus all off) exactly, and whose Möbius dividends measure
// the interactions; intervals are percentile bootstrap intervals over seeds (resampling whole
// seeds keeps the pairing that common random numbers give).

import CoevoMeasure
import CoevoModel
import CoevoStore
import CoevoFiles
import Foundation

/// The four levels of external economies.
public enum ExternalLevel: String, CaseIterable, Sendable {
    case cluster, network, ecosystem, economy
    /// The parameter that switches the level off.
    public var key: String { "external.\(rawValue)" }
}

public struct DecompositionResult: Sendable {
    public struct Estimate: Sendable, Equatable {
        public var value: Double
        public var low: Double
        public var high: Double
    }
    public struct Outcome: Sendable {
        public var name: String
        /// Seed means of the 16 combinations (index: bit i set when level i is on).
        public var game: CoalitionGame
        public var total: Estimate
        public var shapley: [Estimate]
        /// Shapley values as shares of the total effect.
        public var shares: [Estimate]
        /// Dividends of the coalitions of two or more levels (index: mask).
        public var dividends: [Int: Estimate]
        public var synergy: Estimate
        /// Runs in which the outcome was undefined and was censored (stage never reached).
        public var censored: Int
    }
    public var outcomes: [Outcome]
    public var seeds: Int
}

public enum Decomposition {
    /// The outcomes decomposed: the chained fall of average cost and the quarter stage 4 begins.
    public static let outcomes = ["fall.total", "stage_entry.4"]

    /// The grid sweep: the four switches × `seeds` common-seed replications.
    public static func plan(scenario: String, settings: [String], seeds: Int, baseSeed: UInt64) throws(ScenarioError) -> SweepPlan {
        guard (2...SweepPlan.maxReplications).contains(seeds) else {
            throw ScenarioError(source: "--seeds", message: "expected an integer in [2, \(SweepPlan.maxReplications)] (intervals need two seeds), found \(seeds)")
        }
        for s in settings where ExternalLevel.allCases.contains(where: { s.hasPrefix($0.key + "=") }) {
            throw ScenarioError(source: "--set", message: "expected a parameter other than the switches decompose varies, found '\(s)'")
        }
        let factors = ExternalLevel.allCases.map { SweepPlan.Factor(key: $0.key, levels: .values(["true", "false"]), integer: false) }
        return SweepPlan(name: "decompose-\(URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent)", source: "coevo decompose",
                         scenario: scenario, settings: settings, design: .grid, samples: nil, factors: factors,
                         replications: .fixed(seeds), seeds: .common, baseSeed: baseSeed, designSeed: baseSeed,
                         reference: nil, outcomes: outcomes, series: [])
    }

    /// Which levels are on at a point: bit i for `ExternalLevel.allCases[i]`.
    public static func mask(_ point: SweepPoint) -> Int {
        var mask = 0
        for (i, level) in ExternalLevel.allCases.enumerated() where point.values.contains(where: { $0.key == level.key && $0.value == "true" }) {
            mask |= 1 << i
        }
        return mask
    }

    /// The values of every outcome by seed and combination from the store: `values[outcome][seed][mask]`,
    /// an undefined stage entry censored at the horizon (`periods`). Nil when runs are missing.
    public static func collect(design: SweepDesign, store: SweepStore) throws -> (values: [String: [[Double]]], censored: [String: Int])? {
        let seeds = design.plan.replications.maximum
        var values = [String: [[Double]]]()
        var censored = [String: Int]()
        for o in outcomes { values[o] = [[Double]](repeating: [Double](repeating: .nan, count: 16), count: seeds) }
        for point in design.points {
            let m = mask(point)
            let horizon = Double(point.scenario.parameters.periods)
            let runs = (0..<seeds).map { design.run(point: point.id, replication: $0) }
            let records = try store.records(keys: runs.map(\.key), withSeries: false, outcomes: outcomes)
            for run in runs {
                guard let rec = records[run.key], rec.status == "finished" else { return nil }
                for o in outcomes {
                    if let v = rec.outcomes[o] ?? nil, v.isFinite { values[o]![run.replication][m] = v }
                    else { values[o]![run.replication][m] = horizon; censored[o, default: 0] += 1 }
                }
            }
        }
        return (values, censored)
    }

    /// Shapley values, shares, dividends and synergy of each outcome with bootstrap intervals over seeds.
    public static func analyse(_ values: [String: [[Double]]], censored: [String: Int] = [:], draws: Int = 2000, seed: UInt64 = 1) -> DecompositionResult {
        var result: [DecompositionResult.Outcome] = []
        var seedCount = 0
        for name in outcomes {
            guard let bySeed = values[name] else { continue }
            seedCount = bySeed.count
            func game(_ sample: [Int]) -> CoalitionGame {
                var v = [Double](repeating: 0, count: 16)
                for r in sample { for m in 0..<16 { v[m] += bySeed[r][m] } }
                return CoalitionGame(players: 4, values: v.map { $0 / Double(sample.count) })
            }
            /// total, φ×4, share×4, dividends (11 coalitions of ≥ 2 levels), synergy
            let coalitions = (0..<16).filter { $0.nonzeroBitCount >= 2 }
            func statistics(_ g: CoalitionGame) -> [Double] {
                let phi = g.shapley, total = g.totalEffect, d = g.dividends
                return [total] + phi + phi.map { $0 / total } + coalitions.map { d[$0] } + [g.synergy]
            }
            let full = statistics(game(Array(0..<bySeed.count)))
            var rng = SplitMix64(seed: seed)
            var samples = [[Double]](repeating: [], count: full.count)
            for _ in 0..<draws {
                let s = (0..<bySeed.count).map { _ in rng.nextInt(below: bySeed.count) }
                for (i, x) in statistics(game(s)).enumerated() where x.isFinite { samples[i].append(x) }
            }
            func estimate(_ i: Int) -> DecompositionResult.Estimate {
                let s = samples[i].sorted()
                guard !s.isEmpty else { return .init(value: full[i], low: .nan, high: .nan) }
                return .init(value: full[i], low: quantile(s, 0.025), high: quantile(s, 0.975))
            }
            var dividends: [Int: DecompositionResult.Estimate] = [:]
            for (j, c) in coalitions.enumerated() { dividends[c] = estimate(9 + j) }
            result.append(.init(name: name, game: game(Array(0..<bySeed.count)), total: estimate(0),
                                shapley: (1...4).map(estimate), shares: (5...8).map(estimate), dividends: dividends,
                                synergy: estimate(9 + coalitions.count), censored: censored[name] ?? 0))
        }
        return DecompositionResult(outcomes: result, seeds: seedCount)
    }

    /// A coalition as text: its levels joined by `+` (`none` for the empty one).
    public static func label(_ mask: Int) -> String {
        let names = ExternalLevel.allCases.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element.rawValue)
        return names.isEmpty ? "none" : names.joined(separator: "+")
    }

    /// The files, in the order written (shapley.csv last: its presence means the analysis is complete).
    public static let resultFiles = ["combinations.csv", "interactions.csv", "summary.json", "shapley.csv"]

    public static func removeResults(in directory: URL) {
        for f in resultFiles + ["report.html"] { try? FileManager.default.removeItem(at: directory.appendingPathComponent(f)) }
    }

    /// combinations.csv, interactions.csv, summary.json and shapley.csv, each written atomically.
    public static func write(_ r: DecompositionResult, scenario: String, settings: [String], to directory: URL) throws {
        func num(_ x: Double) -> String { x.isFinite ? CSVFormat.number(x) : "" }
        func json(_ x: Double) -> String { x.isFinite ? CSVFormat.number(x) : "null" }
        var shapley = "outcome,level,value,ci_low,ci_high,share,share_ci_low,share_ci_high\n"
        var interactions = "outcome,coalition,dividend,ci_low,ci_high\n"
        var combinations = "outcome,coalition,\(ExternalLevel.allCases.map(\.rawValue).joined(separator: ",")),mean\n"
        var outcomeJSON: [String] = []
        for o in r.outcomes {
            for (i, level) in ExternalLevel.allCases.enumerated() {
                let v = o.shapley[i], s = o.shares[i]
                shapley += "\(o.name),\(level.rawValue),\(num(v.value)),\(num(v.low)),\(num(v.high)),\(num(s.value)),\(num(s.low)),\(num(s.high))\n"
            }
            for c in o.dividends.keys.sorted(by: { ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1) }) {
                let d = o.dividends[c]!
                interactions += "\(o.name),\(label(c)),\(num(d.value)),\(num(d.low)),\(num(d.high))\n"
            }
            interactions += "\(o.name),synergy,\(num(o.synergy.value)),\(num(o.synergy.low)),\(num(o.synergy.high))\n"
            for m in 0..<16 {
                let on = (0..<4).map { m & (1 << $0) != 0 ? "true" : "false" }.joined(separator: ",")
                combinations += "\(o.name),\(label(m)),\(on),\(num(o.game.values[m]))\n"
            }
            let shares = ExternalLevel.allCases.enumerated().map { i, l in "\(JSONText.quoted(l.rawValue)): \(json(o.shares[i].value))" }.joined(separator: ", ")
            outcomeJSON.append("\(JSONText.quoted(o.name)): {\"total\": \(json(o.total.value)), \"total_ci\": [\(json(o.total.low)), \(json(o.total.high))], "
                + "\"shares\": {\(shares)}, \"synergy\": \(json(o.synergy.value)), \"synergy_ci\": [\(json(o.synergy.low)), \(json(o.synergy.high))], "
                + "\"censored_runs\": \(o.censored)}")
        }
        let summary = "{\n  \"scenario\": \(JSONText.quoted(scenario)),\n  \"set\": [\(settings.map { JSONText.quoted($0) }.joined(separator: ", "))],\n"
            + "  \"seeds\": \(r.seeds),\n  \"runs\": \(16 * r.seeds),\n  \"outcomes\": {\n    " + outcomeJSON.joined(separator: ",\n    ") + "\n  }\n}\n"
        try AtomicFile.write(combinations, to: directory.appendingPathComponent("combinations.csv"))
        try AtomicFile.write(interactions, to: directory.appendingPathComponent("interactions.csv"))
        try AtomicFile.write(summary, to: directory.appendingPathComponent("summary.json"))
        try AtomicFile.write(shapley, to: directory.appendingPathComponent("shapley.csv"))
    }
}
