// A sweep's results with intervals: per point and outcome n, mean, sd and the t-based 95%
// interval of the mean (stages never reached counted apart); differences of every point against
// the reference point, paired by replication under common random numbers (Welch's interval
// otherwise); and for kept series, per point and period, the mean with its 95% band. Written to
// the store's `summary`, `differences` and `bands` tables and to `summary.csv`,
// `differences.csv` and `bands.csv` (tidy, one column per factor).

import CoevoFiles
import CoevoMeasure
import CoevoStore
import Foundation

public enum SweepSummary {
    public struct Tables: Sendable {
        public var summary: [SweepSummaryRow]
        public var differences: [SweepSummaryRow]
        public var bands: [SweepSummaryRow]
    }

    /// Computes every table from the store's finished runs of the plan, then writes them.
    /// `replications`: each point's replications (adaptive sweeps, from the runner); nil uses the
    /// plan's maximum (fixed replications, and merges of adaptive shards).
    public static func write(design: SweepDesign, store: SweepStore, directory: URL, replications: [Int]? = nil) throws {
        let tables = try compute(design: design, store: store, replications: replications)
        try store.setSummaries(summary: tables.summary, differences: tables.differences, bands: tables.bands)
        try writeCSV(design: design, tables: tables, directory: directory)
    }

    /// A point's finished runs of the plan, by replication (replications < the plan's maximum).
    static func runs(of point: Int, design: SweepDesign, store: SweepStore, replications: [Int]? = nil) throws -> [Int: SweepRunRecord] {
        let count = replications.map { $0[point] } ?? design.plan.replications.maximum
        let keys = (0..<count).map { design.run(point: point, replication: $0).key }
        let records = try store.records(keys: keys, withSeries: !design.plan.series.isEmpty, outcomes: design.plan.outcomes)
        var out: [Int: SweepRunRecord] = [:]
        for (r, key) in keys.enumerated() { if let rec = records[key], rec.status == "finished" { out[r] = rec } }
        return out
    }

    /// The tables, read point by point (memory: one point's replications at a time, plus the rows).
    public static func compute(design: SweepDesign, store: SweepStore, replications: [Int]? = nil) throws -> Tables {
        let plan = design.plan
        var summary: [SweepSummaryRow] = [], differences: [SweepSummaryRow] = [], bands: [SweepSummaryRow] = []
        let base = try design.referencePoint.map { try runs(of: $0, design: design, store: store, replications: replications) }
        for p in design.points.indices {
            let runs = try runs(of: p, design: design, store: store, replications: replications)
            guard !runs.isEmpty else { continue }
            for o in plan.outcomes {
                let values = runs.values.map { $0.outcomes[o] ?? nil }
                let defined = values.compactMap { $0 }
                summary.append(row(point: p, name: o, defined, never: values.count - defined.count))
            }
            if let base, p != design.referencePoint, !base.isEmpty {
                for o in plan.outcomes {
                    switch plan.seeds {
                    case .common:
                        let d = runs.keys.sorted().compactMap { r -> Double? in
                            guard let x = runs[r]?.outcomes[o] ?? nil, let y = base[r]?.outcomes[o] ?? nil else { return nil }
                            return x - y
                        }
                        differences.append(row(point: p, name: o, d, never: 0))
                    case .independent:
                        let x = runs.values.compactMap { $0.outcomes[o] ?? nil }
                        let y = base.values.compactMap { $0.outcomes[o] ?? nil }
                        differences.append(welch(point: p, name: o, x, y))
                    }
                }
            }
            let ordered = runs.keys.sorted().map { runs[$0]! }
            for metric in plan.series {
                let length = ordered.map { $0.series[metric]?.count ?? 0 }.max() ?? 0
                for t in 0..<length {
                    let xs = ordered.compactMap { r -> Double? in
                        guard let s = r.series[metric], t < s.count, s[t].isFinite else { return nil }
                        return s[t]
                    }
                    var b = row(point: p, name: metric, xs, never: ordered.count - xs.count)
                    b.period = t
                    bands.append(b)
                }
            }
        }
        return Tables(summary: summary, differences: differences, bands: bands)
    }

    static func row(point: Int, name: String, _ xs: [Double], never: Int) -> SweepSummaryRow {
        // Sorted first so the sums, and so the bytes, do not depend on the order runs finished in.
        guard let m = MeanInterval(xs.sorted()) else {
            return SweepSummaryRow(pointID: point, name: name, n: 0, never: never, mean: nil, sd: nil, ciLow: nil, ciHigh: nil)
        }
        return SweepSummaryRow(pointID: point, name: name, n: m.n, never: never, mean: m.mean, sd: m.sd, ciLow: m.ciLow, ciHigh: m.ciHigh)
    }

    /// Difference of means x − y with Welch's t interval (independent seeds).
    static func welch(point: Int, name: String, _ x: [Double], _ y: [Double]) -> SweepSummaryRow {
        guard let a = MeanInterval(x.sorted()), let b = MeanInterval(y.sorted()) else {
            return SweepSummaryRow(pointID: point, name: name, n: 0, never: 0, mean: nil, sd: nil, ciLow: nil, ciHigh: nil)
        }
        let d = a.mean - b.mean
        guard let sa = a.sd, let sb = b.sd else {
            return SweepSummaryRow(pointID: point, name: name, n: a.n + b.n, never: 0, mean: d, sd: nil, ciLow: nil, ciHigh: nil)
        }
        let va = sa * sa / Double(a.n), vb = sb * sb / Double(b.n)
        let se = (va + vb).squareRoot()
        guard se > 0 else { return SweepSummaryRow(pointID: point, name: name, n: a.n + b.n, never: 0, mean: d, sd: 0, ciLow: d, ciHigh: d) }
        let df = (va + vb) * (va + vb) / (va * va / Double(a.n - 1) + vb * vb / Double(b.n - 1))
        let h = StudentT.critical(level: 0.95, degreesOfFreedom: df) * se
        return SweepSummaryRow(pointID: point, name: name, n: a.n + b.n, never: 0, mean: d, sd: nil, ciLow: d - h, ciHigh: d + h)
    }

    static func writeCSV(design: SweepDesign, tables: Tables, directory: URL) throws {
        let factorKeys = design.plan.factors.map(\.key)
        func factors(_ p: Int) -> String {
            let values = design.points[p].values
            return factorKeys.map { k in CSVFormat.field(values.first { $0.key == k }?.value ?? "") }.joined(separator: ",")
        }
        func num(_ x: Double?) -> String { x.map(CSVFormat.number) ?? "" }
        let head = (["point"] + factorKeys.map(CSVFormat.field)).joined(separator: ",")
        var s = head + ",outcome,n,never,mean,sd,ci_low,ci_high\n"
        for r in tables.summary {
            s += "\(r.pointID),\(factors(r.pointID)),\(CSVFormat.field(r.name)),\(r.n),\(r.never),\(num(r.mean)),\(num(r.sd)),\(num(r.ciLow)),\(num(r.ciHigh))\n"
        }
        try atomicWrite(data: Data(s.utf8), to: directory.appendingPathComponent("summary.csv"))
        if design.referencePoint != nil {
            var d = head + ",outcome,n,mean,sd,ci_low,ci_high\n"
            for r in tables.differences {
                d += "\(r.pointID),\(factors(r.pointID)),\(CSVFormat.field(r.name)),\(r.n),\(num(r.mean)),\(num(r.sd)),\(num(r.ciLow)),\(num(r.ciHigh))\n"
            }
            try atomicWrite(data: Data(d.utf8), to: directory.appendingPathComponent("differences.csv"))
        }
        if !design.plan.series.isEmpty {
            var b = head + ",metric,period,n,mean,sd,ci_low,ci_high\n"
            for r in tables.bands {
                b += "\(r.pointID),\(factors(r.pointID)),\(CSVFormat.field(r.name)),\(r.period ?? 0),\(r.n),\(num(r.mean)),\(num(r.sd)),\(num(r.ciLow)),\(num(r.ciHigh))\n"
            }
            try atomicWrite(data: Data(b.utf8), to: directory.appendingPathComponent("bands.csv"))
        }
    }
}
