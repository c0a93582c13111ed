// A calibration plan (REFERENCE.md "Calibration"): the scenario and fixed settings, the parameters
// to fit with their bounds, the real data (a CSV of series,year,value), the moments that map model
// metrics to the data's series (a level by year, a growth rate between data years, or a log–log
// elasticity of one series on another; the calendar year comes from `calendar.start_year`, the
// village scale from `calendar.cluster_villages`), the weighting, the search budget and the
// forecast horizon. Parsing checks everything, so a bad plan fails with one line before any run.

import CoevoFiles
import CoevoModel
import Foundation
import Yams

/// One moment specification of a plan: how a model metric maps to a data series.
public struct MomentSpec: Sendable {
    public enum Kind: String, Sendable { case level, growth, elasticity }
    /// How a year's value is taken from its four quarters.
    public enum Aggregate: String, Sendable { case last, mean, sum }
    public enum Scale: Sendable, Equatable {
        case factor(Double)
        /// × calendar.cluster_villages / villages.total: the model's villages stand for that many
        /// of China's (the data's definition of a Taobao village cluster).
        case villages
    }
    public var kind: Kind
    /// The data series (elasticity: the numerator series, e.g. express_revenue).
    public var series: String
    /// Elasticity: the data's x series; the data's y is series / per (e.g. revenue per parcel).
    public var per: String?
    /// The model metric (a product of metrics joined by `*`), in the series' units after `scale`.
    public var metric: [String]
    /// Elasticity: the model's x metric.
    public var xMetric: [String]?
    public var aggregate: Aggregate
    public var scale: Scale
    /// Only data years in this range.
    public var years: ClosedRange<Int>?
    /// Weight of each of this spec's moments in the loss (default 1).
    public var weight: Double
}

/// A validated calibration plan.
public struct CalibrationPlan: Sendable {
    public enum Method: String, Sendable { case msm, abcSMC = "abc-smc" }
    public enum Weighting: String, Sendable { case identity, inverseVariance = "inverse_variance" }

    public var name: String
    public var source: String
    public var scenario: String
    public var settings: [String]
    /// The fitted parameters with their bounds, in order.
    public var parameters: [(key: String, low: Double, high: Double)]
    public var dataPath: String
    public var data: CalibrationData
    public var moments: [MomentSpec]
    public var method: Method
    public var weighting: Weighting
    /// Replications (common seeds base_seed, base_seed + 1, …) of every evaluated point.
    public var replications: Int
    /// Replications at the estimate, for the fit, the weighting's covariance, the J test and the forecast.
    public var finalReplications: Int
    public var baseSeed: UInt64
    /// Global stage: scrambled Sobol points over the box.
    public var globalPoints: Int
    /// Local stage: at most this many Nelder–Mead evaluations.
    public var localEvaluations: Int
    public var forecastTo: Int
    /// ABC-SMC: particles per generation, generations after the prior, and the proposal budget.
    public var population: Int
    public var generations: Int
    public var maxProposals: Int
    /// The sweep plan every evaluation batch uses (its unitRows are set per batch).
    public var sweep: SweepPlan
}

extension CalibrationPlan {
    public static let maxMoments = 200

    public static func load(path: String) throws(ScenarioError) -> CalibrationPlan {
        try parse(yaml: try SweepPlan.readPlanText(path: path, what: "calibration plan"), source: path,
                  baseDirectory: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    /// Parses plan text; `data` is read relative to the current directory, then to `baseDirectory`.
    public static func parse(yaml text: String, source: String, baseDirectory: URL? = nil) throws(ScenarioError) -> CalibrationPlan {
        var (reader, top) = try PlanReader.open(text, source: source)
        var name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        var scenario = "baseline", settings: [String] = []
        var parameters: [(key: String, low: Double, high: Double)] = []
        var dataPath: String?, dataNode: Node?
        var momentNodes: [Node] = []
        var method = Method.msm, weighting = Weighting.inverseVariance
        var replications = 5, finalReplications = 20, baseSeed: UInt64 = 1
        var globalPoints = 32, localEvaluations = 60, forecastTo = 2025
        var population = 100, generations = 4, maxProposals = 5000
        var seen = Set<String>()
        let known = ["name", "description", "scenario", "set", "parameters", "data", "moments", "method", "weighting",
                     "replications", "final_replications", "base_seed", "global", "local", "forecast_to",
                     "population", "generations", "max_proposals"]
        for (k, v) in top {
            let key = try reader.uniqueKey(k, &seen)
            switch key {
            case "name": name = try reader.scalar(v, key)
            case "description": _ = try reader.scalar(v, key)
            case "scenario": scenario = try reader.scalar(v, key)
            case "set": settings = try reader.settings(v)
            case "parameters":
                guard let m = v.mapping, !m.isEmpty else { throw reader.error(v, "key 'parameters': expected a mapping of parameter: {low, high}, found \(reader.kind(v))") }
                for (pk, pv) in m {
                    let pkey = try reader.key(pk)
                    guard let info = Parameters.registryByKey[pkey] else {
                        throw reader.error(pk, "unknown parameter '\(pkey)'\(Parameters.suggestion(for: pkey))")
                    }
                    guard case .real = info.kind else { throw reader.error(pk, "parameter '\(pkey)': expected a real-valued parameter to fit, found an integer or a switch") }
                    guard !parameters.contains(where: { $0.key == pkey }) else { throw reader.error(pk, "parameter '\(pkey)': expected once, found it again") }
                    guard parameters.count < SweepPlan.maxFactors else { throw reader.error(pk, "key 'parameters': expected at most \(SweepPlan.maxFactors) parameters, found more") }
                    guard case .range(let low, let high, nil) = try reader.levels(pv, factor: pkey, info: info, design: .sobol) else {
                        throw reader.error(pv, "parameter '\(pkey)': expected a range {low, high}")
                    }
                    parameters.append((pkey, low, high))
                }
            case "data": dataPath = try reader.scalar(v, key); dataNode = v
            case "moments":
                guard let seq = v.sequence, !seq.isEmpty else { throw reader.error(v, "key 'moments': expected a list of moments, found \(reader.kind(v))") }
                momentNodes = Array(seq)
            case "method":
                let t = try reader.scalar(v, key)
                guard let m = Method(rawValue: t) else { throw reader.error(v, "key 'method': expected msm or abc-smc, found '\(t)'") }
                method = m
            case "weighting":
                let t = try reader.scalar(v, key)
                guard let w = Weighting(rawValue: t) else { throw reader.error(v, "key 'weighting': expected identity or inverse_variance, found '\(t)'") }
                weighting = w
            case "replications": replications = try reader.integer(v, key, in: 2...1000)
            case "final_replications": finalReplications = try reader.integer(v, key, in: 2...10_000)
            case "base_seed": baseSeed = try reader.seed(v, key)
            case "global": globalPoints = try reader.integer(v, key, in: 1...SweepPlan.maxPoints)
            case "local": localEvaluations = try reader.integer(v, key, in: 0...10_000)
            case "forecast_to": forecastTo = try reader.integer(v, key, in: 1900...2200)
            case "population": population = try reader.integer(v, key, in: 4...10_000)
            case "generations": generations = try reader.integer(v, key, in: 1...100)
            case "max_proposals": maxProposals = try reader.integer(v, key, in: 4...SweepPlan.maxRuns)
            default:
                let near = known.min { Parameters.editDistance(key, $0) < Parameters.editDistance(key, $1) }!
                let hint = Parameters.editDistance(key, near) <= 3 ? " (did you mean '\(near)'?)" : ""
                throw reader.error(k, "unknown key '\(key)'\(hint); expected one of \(known.joined(separator: ", "))")
            }
        }
        guard !parameters.isEmpty else { throw ScenarioError(source: source, message: "key 'parameters': expected at least one parameter with {low, high}, found none") }
        guard let dataPath, let dataNode else { throw ScenarioError(source: source, message: "key 'data': expected a CSV of series,year,value, found none") }
        guard !momentNodes.isEmpty else { throw ScenarioError(source: source, message: "key 'moments': expected at least one moment, found none") }
        if method == .abcSMC, maxProposals < population {
            throw ScenarioError(source: source, message: "key 'max_proposals': expected at least the population (\(population)), found \(maxProposals)")
        }
        // The data file: relative to the current directory, else to the plan's.
        var resolved = dataPath
        if !FileManager.default.fileExists(atPath: dataPath), let base = baseDirectory, !dataPath.hasPrefix("/") {
            let alt = base.appendingPathComponent(dataPath).path
            if FileManager.default.fileExists(atPath: alt) { resolved = alt }
        }
        let data: CalibrationData
        do { data = try CalibrationData.load(path: resolved) } catch { throw reader.error(dataNode, "key 'data': \(error.message)") }

        var moments: [MomentSpec] = []
        for node in momentNodes { moments.append(try momentSpec(node, data: data, reader: &reader)) }

        // The sweep each evaluation batch runs: the parameters as ranges, the metrics the moments need kept.
        var needed: [String] = []
        for m in moments {
            for name in m.metric + (m.xMetric ?? []) + (m.scale == .villages ? ["villages.total"] : []) where !needed.contains(name) { needed.append(name) }
        }
        let factors = parameters.map { SweepPlan.Factor(key: $0.key, levels: .range(low: $0.low, high: $0.high, steps: nil), integer: false) }
        let sweep = SweepPlan(name: name, source: source, scenario: scenario, settings: settings, design: .sobol, samples: 1,
                              factors: factors, replications: .fixed(replications), seeds: .common, baseSeed: baseSeed,
                              designSeed: baseSeed, reference: nil, outcomes: ["cost.average"], series: needed)
        // Every point must be a valid scenario: check the box's centre once.
        do {
            var probe = sweep
            probe.unitRows = [[Double](repeating: 0.5, count: parameters.count)]
            _ = try SweepDesign(plan: probe)
        }
        let plan = CalibrationPlan(name: name, source: source, scenario: scenario, settings: settings, parameters: parameters,
                                   dataPath: resolved, data: data, moments: moments, method: method, weighting: weighting,
                                   replications: replications, finalReplications: max(finalReplications, replications), baseSeed: baseSeed,
                                   globalPoints: globalPoints, localEvaluations: localEvaluations, forecastTo: forecastTo,
                                   population: population, generations: generations, maxProposals: maxProposals, sweep: sweep)
        let count = plan.momentCount
        // Ω is M × M and its inverse O(M³): keep M to what a national series gives.
        guard count <= maxMoments else {
            throw ScenarioError(source: source, message: "key 'moments': expected at most \(maxMoments) moments, found \(count)")
        }
        // Every stage's runs within the sweep store's bound.
        for (key, points) in [("global", globalPoints), ("local", localEvaluations), ("max_proposals", maxProposals)]
            where points * replications > SweepPlan.maxRuns {
            throw ScenarioError(source: source, message: "key '\(key)': expected at most \(SweepPlan.maxRuns) runs with \(replications) replications, found \(points * replications)")
        }
        guard count >= parameters.count else {
            throw ScenarioError(source: source, message: "key 'moments': expected at least as many moments as parameters (\(parameters.count)), found \(count)")
        }
        guard let startYear = try? plan.startYear, forecastTo >= startYear else {
            throw ScenarioError(source: source, message: "key 'forecast_to': expected a year from calendar.start_year on, found \(forecastTo)")
        }
        // Every data year a moment uses must fall inside the simulated years, and its value be finite.
        let probeDesign = try SweepDesign(plan: { var p = sweep; p.unitRows = [[Double](repeating: 0.5, count: parameters.count)]; return p }())
        let lastYear = startYear + probeDesign.points[0].scenario.parameters.periods / 4 - 1
        for spec in moments {
            for y in spec.years(data) where y < startYear || y > lastYear {
                throw ScenarioError(source: source, message: "key 'moments': series '\(spec.series)' year \(y) expected within the simulated years \(startYear)–\(lastYear) (calendar.start_year, periods), found outside")
            }
            for m in spec.dataMoments(data) where !m.value.isFinite {
                throw ScenarioError(source: source, message: "key 'moments': \(m.label) expected a finite data moment, found \(m.value)")
            }
        }
        return plan
    }

    static func momentSpec(_ node: Node, data: CalibrationData, reader: inout PlanReader) throws(ScenarioError) -> MomentSpec {
        guard let m = node.mapping else { throw reader.error(node, "key 'moments': expected {kind, series, metric, …}, found \(reader.kind(node))") }
        var kind: MomentSpec.Kind?, series: String?, per: String?, metric: [String]?, xMetric: [String]?
        var aggregate = MomentSpec.Aggregate.mean, scale = MomentSpec.Scale.factor(1), years: ClosedRange<Int>?, weight = 1.0
        func metrics(_ v: Node, _ key: String, _ r: inout PlanReader) throws(ScenarioError) -> [String] {
            let text = try r.scalar(v, key)
            let names = text.split(separator: "*").map { $0.trimmingCharacters(in: .whitespaces) }
            for n in names where Observer.index[n] == nil {
                let near = Observer.metrics.min { Parameters.editDistance(n, $0) < Parameters.editDistance(n, $1) } ?? ""
                let hint = Parameters.editDistance(n, near) <= 3 ? " (did you mean '\(near)'?)" : ""
                throw r.error(v, "key 'moments.\(key)': expected a metric name (or metrics joined by *), found '\(n)'\(hint)")
            }
            return names
        }
        for (k, v) in m {
            let key = try reader.key(k)
            switch key {
            case "kind":
                let t = try reader.scalar(v, key)
                guard let x = MomentSpec.Kind(rawValue: t) else { throw reader.error(v, "key 'moments.kind': expected level, growth or elasticity, found '\(t)'") }
                kind = x
            case "series", "per":
                let t = try reader.scalar(v, key)
                guard data.series[t] != nil else {
                    throw reader.error(v, "key 'moments.\(key)': expected a series of the data (\(data.series.keys.sorted().joined(separator: ", "))), found '\(t)'")
                }
                if key == "series" { series = t } else { per = t }
            case "metric": metric = try metrics(v, key, &reader)
            case "x_metric": xMetric = try metrics(v, key, &reader)
            case "aggregate":
                let t = try reader.scalar(v, key)
                guard let a = MomentSpec.Aggregate(rawValue: t) else { throw reader.error(v, "key 'moments.aggregate': expected last, mean or sum, found '\(t)'") }
                aggregate = a
            case "scale":
                let t = try reader.scalar(v, key)
                if t == "villages" { scale = .villages }
                else if let x = Double(t), x.isFinite, x > 0 { scale = .factor(x) }
                else { throw reader.error(v, "key 'moments.scale': expected a positive number or 'villages', found '\(t)'") }
            case "years":
                let t = try reader.scalar(v, key)
                let parts = t.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard parts.count == 2, let a = parts[0], let b = parts[1], a <= b else {
                    throw reader.error(v, "key 'moments.years': expected a range such as 2013-2019, found '\(t)'")
                }
                years = a...b
            case "weight":
                weight = try reader.number(v, key)
                guard weight > 0 else { throw reader.error(v, "key 'moments.weight': expected a positive number, found \(weight)") }
            default:
                throw reader.error(k, "key 'moments': expected kind, series, per, metric, x_metric, aggregate, scale, years and weight, found '\(key)'")
            }
        }
        guard let kind, let series, let metric else { throw reader.error(node, "key 'moments': expected kind, series and metric, found one missing") }
        if kind == .elasticity {
            guard per != nil, xMetric != nil else { throw reader.error(node, "key 'moments': an elasticity expected per (the data's x series) and x_metric, found one missing") }
        } else if per != nil || xMetric != nil {
            throw reader.error(node, "key 'moments': per and x_metric expected only with kind elasticity, found them with \(kind.rawValue)")
        }
        let spec = MomentSpec(kind: kind, series: series, per: per, metric: metric, xMetric: xMetric, aggregate: aggregate,
                              scale: scale, years: years, weight: weight)
        let needed = kind == .level ? 1 : kind == .growth ? 1 : 2
        guard spec.dataMoments(data).count >= 1, spec.years(data).count >= needed + (kind == .growth ? 1 : 0) else {
            throw reader.error(node, "key 'moments': series '\(series)' expected enough data years for a \(kind.rawValue) moment, found \(spec.years(data).count)")
        }
        return spec
    }

    /// The number of moments (data points the loss compares).
    public var momentCount: Int { moments.reduce(0) { $0 + $1.dataMoments(data).count } }

    /// calendar.start_year of the resolved scenario.
    public var startYear: Int {
        get throws(ScenarioError) {
            var s = try ScenarioLoader.resolve(scenario)
            try ScenarioLoader.apply(overrides: settings, to: &s)
            return s.parameters.startYear
        }
    }
}

/// Real series in the shared data format: a CSV whose first columns are series,year,value.
public struct CalibrationData: Sendable {
    /// series → year → value
    public var series: [String: [Int: Double]]

    public static func load(path: String) throws(ScenarioError) -> CalibrationData {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ScenarioError(source: path, message: "expected a data file (CSV series,year,value), found \(isDirectory.boolValue ? "a directory" : "no such file")")
        }
        guard let bytes = FileManager.default.contents(atPath: path), bytes.count <= SweepPlan.maxBytes * 16,
              let text = String(data: bytes, encoding: .utf8) else {
            throw ScenarioError(source: path, message: "expected a readable UTF-8 CSV of at most \(SweepPlan.maxBytes * 16) bytes, found it unreadable or larger")
        }
        var out: [String: [Int: Double]] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if i == 0 {
                guard line.hasPrefix("series,year,value") else { throw ScenarioError(source: path, line: 1, message: "expected the header series,year,value,…, found '\(line.prefix(60))'") }
                continue
            }
            if line.isEmpty { continue }
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3, !f[0].isEmpty, let year = Int(f[1]), (1000...3000).contains(year), let value = Double(f[2]), value.isFinite else {
                throw ScenarioError(source: path, line: i + 1, message: "expected series,year,value with a year and a finite number, found '\(line.prefix(80))'")
            }
            guard out[f[0], default: [:]][year] == nil else { throw ScenarioError(source: path, line: i + 1, message: "expected one value per series and year, found \(f[0]) \(year) again") }
            out[f[0], default: [:]][year] = value
        }
        guard !out.isEmpty else { throw ScenarioError(source: path, message: "expected at least one data row, found none") }
        return CalibrationData(series: out)
    }
}

extension MomentSpec {
    /// Data years this moment uses (where every series it needs has a positive value for elasticities).
    func years(_ data: CalibrationData) -> [Int] {
        let ys = (data.series[series] ?? [:]).keys.filter { years?.contains($0) ?? true }
        let both = kind == .elasticity ? ys.filter { data.series[per!]?[$0] != nil && data.series[per!]![$0]! > 0 && data.series[series]![$0]! > 0 } : ys
        return both.sorted()
    }

    /// The data's moments: (label, year (the later one for growth; nil for an elasticity), value).
    func dataMoments(_ data: CalibrationData) -> [(label: String, year: Int?, value: Double)] {
        let ys = years(data), d = data.series[series] ?? [:]
        switch kind {
        case .level: return ys.map { ("\(series) \($0)", $0, d[$0]!) }
        case .growth:
            guard ys.count >= 2 else { return [] }
            return (1..<ys.count).compactMap { i in
                let a = d[ys[i - 1]]!, b = d[ys[i]]!
                guard a > 0, b > 0 else { return nil }
                return ("\(series) growth \(ys[i - 1])–\(ys[i])", ys[i], log(b / a) / Double(ys[i] - ys[i - 1]))
            }
        case .elasticity:
            guard ys.count >= 2 else { return [] }
            let x = ys.map { log(data.series[per!]![$0]!) }, y = ys.map { log(d[$0]! / data.series[per!]![$0]!) }
            return [("elasticity of \(series)/\(per!) on \(per!), \(ys.first!)–\(ys.last!)", nil, CalibrationMoments.slope(x, y))]
        }
    }
}
