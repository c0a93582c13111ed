// From a plan to the runs it asks for: the design points (grid, Latin hypercube or scrambled
// Sobol), each a fully resolved and validated scenario, and their replications with seeds
// (common random numbers: replication r uses the same seed at every point). Each run is keyed by
// a hash of the model version, the resolved parameters and the seed, so a store recognises a run
// it already holds whatever plan asks for it again.

import CoevoFiles
import CoevoMeasure
import CoevoModel
import Foundation

/// One design point.
public struct SweepPoint: Sendable {
    public var id: Int
    /// Factor values as text, in the plan's factor order.
    public var values: [(key: String, value: String)]
    public var scenario: Scenario
    /// The factor values as a JSON object (sorted keys; numbers as numbers).
    public var factorsJSON: String
    /// The parameters as JSON (registry order), part of the run key.
    public var parametersJSON: String
    /// Work of one replication: simulated firm-quarters (initial firms × (burn-in + periods)).
    public var cost: Double
}

/// One run of the plan.
public struct SweepRun: Sendable, Hashable {
    public var key: String
    public var pointID: Int
    public var replication: Int
    public var seed: UInt64
}

/// The design of a plan: points and how to make their runs.
public struct SweepDesign: Sendable {
    public let plan: SweepPlan
    public let points: [SweepPoint]
    /// The reference point's id, if the plan names one.
    public let referencePoint: Int?

    /// Builds and validates every point. Throws the first point whose combination of settings is
    /// invalid, naming the point's factor values.
    public init(plan: SweepPlan) throws(ScenarioError) {
        self.plan = plan
        var base: [String: Scenario] = [:]
        func resolve(_ name: String) throws(ScenarioError) -> Scenario {
            if let s = base[name] { return s }
            let s = try ScenarioLoader.resolve(name)
            base[name] = s
            return s
        }
        let rows = SweepDesign.factorRows(plan)
        var points: [SweepPoint] = []
        points.reserveCapacity(rows.count)
        for (id, values) in rows.enumerated() {
            var scenario = try resolve(values.first { $0.key == "scenario" }?.value ?? plan.scenario)
            let overrides = plan.settings + values.filter { $0.key != "scenario" }.map { "\($0.key)=\($0.value)" }
            do { try ScenarioLoader.apply(overrides: overrides, to: &scenario) }
            catch {
                let where_ = values.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                throw ScenarioError(source: plan.source, message: "point \(id) (\(where_.isEmpty ? "no factors" : where_)): \(error.message)")
            }
            let p = scenario.parameters
            points.append(SweepPoint(id: id, values: values, scenario: scenario, factorsJSON: SweepDesign.json(values),
                                     parametersJSON: RunPipeline.parametersJSON(p),
                                     cost: Double(p.firms) * Double(p.burnIn + p.periods)))
        }
        self.points = points
        if let ref = plan.reference {
            let matches = points.filter { point in ref.allSatisfy { r in point.values.contains { $0.key == r.key && SweepDesign.same($0.value, r.value) } } }
            guard matches.count == 1 else {
                let text = ref.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                throw ScenarioError(source: plan.source, message: "key 'reference': expected exactly one point with \(text), found \(matches.count)")
            }
            referencePoint = matches[0].id
        } else {
            referencePoint = nil
        }
    }

    /// For each point, the earlier point whose runs have the same keys (same resolved parameters,
    /// and the same seeds: always under common seeds, with the same factor values under independent
    /// ones), or nil.
    public var twins: [Int?] {
        var first: [String: Int] = [:]
        return points.map { p in
            let identity = plan.seeds == .common ? p.parametersJSON : p.parametersJSON + "\u{0}" + p.factorsJSON
            if let f = first[identity] { return f }
            first[identity] = p.id
            return nil
        }
    }

    /// Replication `r`'s run at `point`.
    public func run(point: Int, replication r: Int) -> SweepRun {
        let pt = points[point]
        let seed: UInt64
        switch plan.seeds {
        case .common: seed = plan.baseSeed &+ UInt64(r)
        case .independent:
            // A stream per point, fixed by its factor values (so extending a plan keeps it).
            var h = SplitMix64(seed: plan.baseSeed ^ SweepDesign.fnv1a(pt.factorsJSON))
            seed = h.next() &+ UInt64(r)
        }
        return SweepRun(key: SweepDesign.runKey(parametersJSON: pt.parametersJSON, seed: seed), pointID: point, replication: r, seed: seed)
    }

    /// The content address of a run: SHA-256 of the model version, the resolved parameters and the seed.
    public static func runKey(parametersJSON: String, seed: UInt64) -> String {
        SHA256.hex("coevo-run\n\(ModelVersion.current)\n\(parametersJSON)\n\(seed)")
    }

    /// The factor values of every point, in point order.
    static func factorRows(_ plan: SweepPlan) -> [[(key: String, value: String)]] {
        // 12 significant digits: clean text for grid steps (0.2 + 0.4 is 0.6000000000000001).
        func text(_ f: SweepPlan.Factor, _ x: Double) -> String {
            f.integer ? String(Int(x.rounded())) : "\(Double(String(format: "%.12g", x))!)"
        }
        switch plan.design {
        case .grid:
            var rows: [[(key: String, value: String)]] = [[]]
            for f in plan.factors {
                let levels: [String]
                switch f.levels {
                case .values(let v): levels = v
                case .range(let low, let high, let steps):
                    let n = steps!
                    var seen: [String] = []
                    for i in 0..<n {
                        let w = Double(i) / Double(n - 1)
                        let t = text(f, low * (1 - w) + high * w)
                        if !seen.contains(t) { seen.append(t) }
                    }
                    levels = seen
                }
                rows = rows.flatMap { row in levels.map { row + [(f.key, $0)] } }
            }
            return rows
        case .lhs, .sobol:
            let n = plan.samples!
            let d = plan.factors.count
            let unit = plan.unitRows ?? (plan.design == .lhs
                ? latinHypercube(count: n, dimensions: d, seed: plan.designSeed)
                : SobolSequence(dimensions: d, scrambleSeed: plan.designSeed).points(n))
            return unit.map { u in
                plan.factors.enumerated().map { j, f in
                    guard case .range(let low, let high, _) = f.levels else { fatalError("validated: lhs/sobol factors are ranges") }
                    if f.integer {
                        // Every integer in [low, high] equally likely.
                        let lo = low.rounded(.up), hi = high.rounded(.down)
                        return (f.key, String(Int(min(hi, (lo + (u[j] * (hi - lo + 1)).rounded(.down))))))
                    }
                    return (f.key, text(f, low + (high - low) * u[j]))
                }
            }
        }
    }

    static func same(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        if let x = Double(a), let y = Double(b) { return x == y }
        return a.lowercased() == b.lowercased()
    }

    /// The factor values as a JSON object with sorted keys; numbers and booleans unquoted.
    static func json(_ values: [(key: String, value: String)]) -> String {
        let body = values.sorted { $0.key < $1.key }.map { kv -> String in
            let v: String
            if let x = Double(kv.value), x.isFinite, kv.value.first.map({ $0.isNumber || $0 == "-" }) == true { v = "\(x)" }
            else if ["true", "false"].contains(kv.value.lowercased()) { v = kv.value.lowercased() }
            else { v = jsonString(kv.value) }
            return "\(jsonString(kv.key)):\(v)"
        }
        return "{" + body.joined(separator: ",") + "}"
    }

    static func jsonString(_ s: String) -> String { JSONText.quoted(s) }

    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
