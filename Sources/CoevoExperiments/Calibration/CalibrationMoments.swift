// From one run's quarterly series to the plan's moments in the data's units: a calendar year is the
// four quarters 4(y − calendar.start_year) … +3; its value is the last quarter's, their mean or their
// sum of the metric (or product of metrics); the village scale multiplies a count of the model's
// villages by calendar.cluster_villages / villages.total. Growth is the log growth per year between
// two data years; an elasticity is the OLS slope of ln(metric) on ln(x_metric) over the data years.

import Foundation

public enum CalibrationMoments {
    /// One moment of the plan: its spec index, label, year and the data's value.
    public struct Target: Sendable {
        public var spec: Int
        public var label: String
        public var year: Int?
        public var data: Double
        public var weight: Double
    }

    /// Every moment of the plan in order.
    public static func targets(_ plan: CalibrationPlan) -> [Target] {
        plan.moments.enumerated().flatMap { i, spec in
            spec.dataMoments(plan.data).map { Target(spec: i, label: $0.label, year: $0.year, data: $0.value, weight: spec.weight) }
        }
    }

    /// OLS slope of y on x.
    public static func slope(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0
        for i in x.indices { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx) }
        return sxx > 0 ? sxy / sxx : .nan
    }

    /// A year's value of a product of metrics (nil when the run does not cover the year).
    public static func annual(_ series: [String: [Double]], _ metric: [String], year: Int, startYear: Int,
                              aggregate: MomentSpec.Aggregate) -> Double? {
        let t0 = 4 * (year - startYear)
        guard t0 >= 0 else { return nil }
        func at(_ t: Int) -> Double? {
            var v = 1.0
            for m in metric { guard let s = series[m], t < s.count else { return nil }; v *= s[t] }
            return v
        }
        switch aggregate {
        case .last: return at(t0 + 3)
        case .mean, .sum:
            var total = 0.0
            for t in t0...(t0 + 3) { guard let v = at(t) else { return nil }; total += v }
            return aggregate == .sum ? total : total / 4
        }
    }

    /// The scaled annual value a level moment compares with the data.
    static func level(_ spec: MomentSpec, _ series: [String: [Double]], year: Int, startYear: Int, clusterVillages: Double) -> Double? {
        guard let v = annual(series, spec.metric, year: year, startYear: startYear, aggregate: spec.aggregate) else { return nil }
        switch spec.scale {
        case .factor(let f): return v * f
        case .villages:
            guard let total = annual(series, ["villages.total"], year: year, startYear: startYear, aggregate: .last), total > 0 else { return nil }
            return v * clusterVillages / total
        }
    }

    /// One run's moments, in the order of `targets` (NaN where the run cannot give one).
    public static func model(_ plan: CalibrationPlan, series: [String: [Double]], startYear: Int, clusterVillages: Double) -> [Double] {
        var out: [Double] = []
        for spec in plan.moments {
            let ys = spec.years(plan.data)
            switch spec.kind {
            case .level:
                for y in ys { out.append(level(spec, series, year: y, startYear: startYear, clusterVillages: clusterVillages) ?? .nan) }
            case .growth:
                let d = plan.data.series[spec.series]!
                for i in 1..<ys.count where d[ys[i - 1]]! > 0 && d[ys[i]]! > 0 {
                    let a = annual(series, spec.metric, year: ys[i - 1], startYear: startYear, aggregate: spec.aggregate)
                    let b = annual(series, spec.metric, year: ys[i], startYear: startYear, aggregate: spec.aggregate)
                    if let a, let b, a > 0, b > 0 { out.append(log(b / a) / Double(ys[i] - ys[i - 1])) } else { out.append(.nan) }
                }
            case .elasticity:
                var x: [Double] = [], y: [Double] = []
                for yr in ys {
                    guard let a = annual(series, spec.xMetric!, year: yr, startYear: startYear, aggregate: spec.aggregate),
                          let b = annual(series, spec.metric, year: yr, startYear: startYear, aggregate: spec.aggregate), a > 0, b > 0 else { continue }
                    x.append(log(a)); y.append(log(b))
                }
                out.append(x.count == ys.count ? slope(x, y) : .nan)
            }
        }
        return out
    }

    /// The forecast series of a spec for one run: (series name, year → value) for each data series
    /// the spec maps, from the year after its last data year to `to`. Levels come from the model's
    /// scaled value; growth and elasticity series are chained from their last data value by the
    /// model's growth of the mapped metric (revenue ∝ metric × x_metric for an elasticity's series).
    static func forecast(_ spec: MomentSpec, data: CalibrationData, series: [String: [Double]], startYear: Int,
                         clusterVillages: Double, to: Int) -> [(series: String, year: Int, value: Double)] {
        var out: [(series: String, year: Int, value: Double)] = []
        func chain(_ name: String, _ metric: [String]) {
            guard let d = data.series[name], let last = d.keys.max() else { return }
            guard let base = annual(series, metric, year: last, startYear: startYear, aggregate: spec.aggregate), base > 0 else { return }
            for y in (last + 1)...max(last + 1, to) where y <= to {
                if let v = annual(series, metric, year: y, startYear: startYear, aggregate: spec.aggregate) { out.append((name, y, d[last]! * v / base)) }
            }
        }
        switch spec.kind {
        case .level:
            guard let last = data.series[spec.series]?.keys.max(), last < to else { return [] }
            for y in (last + 1)...to {
                if let v = level(spec, series, year: y, startYear: startYear, clusterVillages: clusterVillages) { out.append((spec.series, y, v)) }
            }
        case .growth: chain(spec.series, spec.metric)
        case .elasticity:
            chain(spec.per!, spec.xMetric!)
            chain(spec.series, spec.metric + spec.xMetric!)
        }
        return out
    }
}
