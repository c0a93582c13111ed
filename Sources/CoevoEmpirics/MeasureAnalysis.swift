import CoevoMeasure

/// Everything `coevo measure` computes from validated data and a spec; pure (no I/O).
public struct MeasureResult: Sendable {
    public struct IndicatorWeight: Sendable {
        public var system: String
        public var indicator: String
        /// "positive", "negative" or "score".
        public var direction: String
        public var weight: Double
        public var interval: BootstrapInterval?
    }
    public struct Row: Sendable {
        public var unit: String
        public var time: Int
        public var u: [Double]
        public var coupling: CouplingCoordination
        public var grade: CoordinationGrade
        public var phase: CouplingPhase
        /// U1/U2 of the first two systems.
        public var relative: Double
        /// Name of the lagging system, or nil when synchronous.
        public var lagging: String?
        public var stageCCD: Int
        public var dInterval: BootstrapInterval?
    }
    public struct SynergyRow: Sendable {
        public var unit: String
        public var time: Int
        public var order: [Double]
        public var previous: Double?
        public var base: Double?
    }
    public struct Symbiosis: Sendable {
        public var fit: LotkaVolterraFit
        public var theta12: BootstrapInterval?
        public var theta21: BootstrapInterval?
        public var mode: SymbiosisMode
        public var equilibrium: LotkaVolterraEquilibrium
        /// Per unit: the forecast from its last observation.
        public var forecasts: [(unit: String, fromTime: Int, path: [(x: Double, y: Double)])]
        public var bootstrapFailures: Int
    }

    public var systems: [String]
    public var weights: [IndicatorWeight]
    public var rows: [Row]
    public var synergy: [SynergyRow]?
    public var synergyBase: Int?
    public var symbiosis: Symbiosis?
    public var haken: HakenAnalysis?
    public var transitions: Int
    public var warnings: [String]
    /// How the bootstrap resampled ("units" or "blocks of N periods"), nil when off.
    public var bootstrapScheme: String?
    public var units: Int
    public var dropped: Int
    public var interpolated: Int
}

public enum MeasureAnalysis {
    /// Runs the whole analysis. Errors: an indicator with zero range over the pooled data, too
    /// few periods for a requested fit, fits that cannot be computed.
    public static func run(_ data: MeasureData, spec: MeasureSpec) throws -> MeasureResult {
        let f = spec.file
        var warnings: [String] = []
        let n = data.rowCount
        // Zero-range checks.
        for s in spec.systems {
            for ind in s.indicators {
                let v = data.values[ind.name]!
                if v.min()! == v.max()! {
                    throw MeasureInputError("\(f): key systems.\(s.name).indicators.\(ind.name): expected an indicator that varies, found the same value \(v[0]) in all \(n) unit-years (zero range carries no information; remove it)")
                }
            }
        }
        if spec.range == .perTime && data.units.count < 2 {
            throw MeasureInputError("\(f): key range: per_time needs at least 2 units (min and max are taken across units in each period), found 1")
        }
        let model = IndexModel(spec: spec, data: data)
        let full = model.evaluate(subset: Array(0..<n))
        warnings += model.perTimeZeroRangeWarnings()

        // Bootstrap of weights and D.
        let unitRows: [[Int]] = (0..<data.units.count).map { u in (0..<n).filter { data.rowUnit[$0] == u } }
        var weightCI: [BootstrapInterval]? = nil
        var dCI: [BootstrapInterval]? = nil
        var scheme: String? = nil
        // Default block length for a single series: ⌈n^(1/3)⌉ (the usual rate for the moving-block bootstrap).
        let block = { (count: Int) in spec.bootstrap?.block ?? Swift.max(1, Int(cbrt(Double(count)).rounded(.up))) }
        if let b = spec.bootstrap {
            let byUnits = data.units.count >= 2
            let count = byUnits ? data.units.count : n
            let bl = byUnits ? 1 : block(n)
            scheme = byUnits ? "units (\(data.units.count))" : "moving blocks of \(bl) periods"
            let boot = Bootstrap(draws: b.draws, seed: b.seed, blockLength: bl, level: b.level)
            let flatWeights = full.weights.flatMap { $0 }
            if let r = boot.run(count: count, statistic: { idx in
                let rows = byUnits ? idx.flatMap { unitRows[$0] } : idx
                if idx == Array(0..<count) { return flatWeights + full.d }
                let e = model.evaluate(subset: rows)
                return e.weights.flatMap { $0 } + e.d
            }) {
                weightCI = Array(r.intervals[0..<flatWeights.count])
                dCI = Array(r.intervals[flatWeights.count...])
                if r.failed > 0 { warnings.append("bootstrap: \(r.failed) of \(b.draws) resamples were degenerate and skipped") }
            }
        }

        var weights: [MeasureResult.IndicatorWeight] = []
        var k = 0
        for (si, s) in spec.systems.enumerated() {
            if let sc = s.score {
                weights.append(.init(system: s.name, indicator: sc, direction: "score", weight: 1, interval: nil))
            } else {
                for (j, ind) in s.indicators.enumerated() {
                    weights.append(.init(system: s.name, indicator: ind.name, direction: ind.direction.rawValue,
                                         weight: full.weights[si][j], interval: weightCI?[k + j]))
                }
                k += s.indicators.count
            }
        }
        let names = spec.systems.map(\.name)
        var rows: [MeasureResult.Row] = []
        for i in 0..<n {
            let u = (0..<names.count).map { full.scores[$0][i] }
            let cc = couplingCoordination(u, weights: spec.coordination, variant: spec.coupling)
            rows.append(.init(unit: data.units[data.rowUnit[i]], time: data.rowTime[i], u: u, coupling: cc,
                              grade: CoordinationGrade(d: cc.D, convention: spec.grades),
                              phase: CouplingPhase(c: cc.C, convention: spec.grades),
                              relative: relativeDevelopment(u1: u[0], u2: u[1]),
                              lagging: laggingSubsystem(u).map { names[$0] },
                              stageCCD: ccdStage(u1: u[0], u2: u[1], d: cc.D, thresholds: spec.stage),
                              dInterval: dCI?[i]))
        }

        // Transitions of (U1, U2) within units over consecutive periods.
        let step = stepOf(data)
        var transitionsByUnit: [[Transition]] = []
        var skipped = 0
        for rowsOfUnit in unitRows {
            var tr: [Transition] = []
            for a in 0..<Swift.max(0, rowsOfUnit.count - 1) {
                let (i, j) = (rowsOfUnit[a], rowsOfUnit[a + 1])
                if data.rowTime[j] - data.rowTime[i] != step { skipped += 1; continue }
                tr.append(Transition(x0: rows[i].u[0], y0: rows[i].u[1], x1: rows[j].u[0], y1: rows[j].u[1]))
            }
            transitionsByUnit.append(tr)
        }
        let allTransitions = transitionsByUnit.flatMap { $0 }
        if skipped > 0 && (spec.symbiosisForecast != nil || spec.haken) {
            warnings.append("\(skipped) pairs of successive observations are more than one period (\(step)) apart and were not used as transitions")
        }

        var symbiosis: MeasureResult.Symbiosis? = nil
        if let horizon = spec.symbiosisForecast {
            let need = LotkaVolterra.minimumTransitions
            guard allTransitions.count >= need else {
                throw MeasureInputError("\(f): key symbiosis: expected at least \(need) one-period transitions (\(need + 1) successive periods for one unit), found \(allTransitions.count)")
            }
            if let i = rows.firstIndex(where: { $0.u[0] <= 0 || $0.u[1] <= 0 }) {
                throw MeasureInputError("\(f): key symbiosis: expected positive subsystem scores, found \(rows[i].u[0] <= 0 ? names[0] : names[1]) = 0 for unit '\(rows[i].unit)', time \(rows[i].time) (use a zero shift)")
            }
            guard let fit = LotkaVolterra.fit(allTransitions) else {
                throw MeasureInputError("\(f): key symbiosis: the Lotka–Volterra fit could not be computed (collinear or degenerate scores)")
            }
            if !fit.converged { warnings.append("symbiosis: Levenberg–Marquardt stopped after \(fit.iterations) iterations without meeting its tolerance") }
            if allTransitions.count < 10 { warnings.append("symbiosis: only \(allTransitions.count) transitions for 6 parameters; read the estimates as descriptive") }
            var t12: BootstrapInterval? = nil, t21: BootstrapInterval? = nil
            var failures = 0
            if let b = spec.bootstrap {
                let byUnits = data.units.count >= 2
                let count = byUnits ? transitionsByUnit.count : allTransitions.count
                let boot = Bootstrap(draws: b.draws, seed: b.seed &+ 1, blockLength: byUnits ? 1 : block(allTransitions.count), level: b.level)
                let opts = LMOptions(maxIterations: 100, relativeTolerance: 1e-10)
                if let r = boot.run(count: count, statistic: { idx in
                    if idx == Array(0..<count) { return [fit.parameters.theta12, fit.parameters.theta21] }
                    let tr = byUnits ? idx.flatMap { transitionsByUnit[$0] } : idx.map { allTransitions[$0] }
                    guard let g = LotkaVolterra.fit(tr, start: fit.parameters, options: opts) else { return nil }
                    return [g.parameters.theta12, g.parameters.theta21]
                }) {
                    t12 = r.intervals[0]
                    t21 = r.intervals[1]
                    failures = r.failed
                }
            }
            let p = fit.parameters
            let mode = SymbiosisMode.classify(theta12: p.theta12, theta21: p.theta21,
                                              zero12: t12.map { $0.low <= 0 && 0 <= $0.high } ?? false,
                                              zero21: t21.map { $0.low <= 0 && 0 <= $0.high } ?? false)
            var forecasts: [(unit: String, fromTime: Int, path: [(x: Double, y: Double)])] = []
            for rowsOfUnit in unitRows {
                guard let last = rowsOfUnit.last else { continue }
                forecasts.append((rows[last].unit, rows[last].time,
                                  LotkaVolterra.forecast(p, x: rows[last].u[0], y: rows[last].u[1], steps: horizon)))
            }
            symbiosis = .init(fit: fit, theta12: t12, theta21: t21, mode: mode, equilibrium: LotkaVolterra.equilibrium(p),
                              forecasts: forecasts, bootstrapFailures: failures)
        }

        var haken: HakenAnalysis? = nil
        if spec.haken {
            let need = Haken.minimumTransitions
            guard allTransitions.count >= need else {
                throw MeasureInputError("\(f): key haken: expected at least \(need) one-period transitions (\(need + 1) successive periods for one unit), found \(allTransitions.count)")
            }
            guard let h = Haken.analyse(allTransitions) else {
                throw MeasureInputError("\(f): key haken: the Haken regressions could not be computed (collinear regressors)")
            }
            haken = h
        }

        var synergy: [MeasureResult.SynergyRow]? = nil
        var synergyBase: Int? = nil
        if let so = spec.synergy {
            let orders = synergyOrders(data: data, spec: spec)
            synergyBase = so.base
            if let b = so.base, !data.rowTime.contains(b) {
                throw MeasureInputError("\(f): key synergy.base: expected a period present in the data, found \(b)")
            }
            var out: [MeasureResult.SynergyRow] = []
            for rowsOfUnit in unitRows {
                let baseRow = so.base.flatMap { b in rowsOfUnit.first { data.rowTime[$0] == b } } ?? rowsOfUnit.first
                for (a, i) in rowsOfUnit.enumerated() {
                    let prev = a > 0 ? SynergyDegree.synergy(from: orders[rowsOfUnit[a - 1]], to: orders[i]) : nil
                    let base = baseRow.flatMap { $0 == i ? nil : SynergyDegree.synergy(from: orders[$0], to: orders[i]) }
                    out.append(.init(unit: rows[i].unit, time: rows[i].time, order: orders[i], previous: prev, base: base))
                }
            }
            synergy = out
        }

        return MeasureResult(systems: names, weights: weights, rows: rows, synergy: synergy, synergyBase: synergyBase,
                             symbiosis: symbiosis, haken: haken, transitions: allTransitions.count, warnings: warnings,
                             bootstrapScheme: scheme, units: data.units.count, dropped: data.dropped,
                             interpolated: data.interpolated)
    }

    /// The period step: the smallest positive difference between successive times of a unit.
    static func stepOf(_ data: MeasureData) -> Int {
        var step = Int.max
        for i in 1..<Swift.max(1, data.rowCount) where data.rowUnit[i] == data.rowUnit[i - 1] {
            step = Swift.min(step, data.rowTime[i] - data.rowTime[i - 1])
        }
        return step == Int.max ? 1 : step
    }

    /// Subsystem order degrees (Meng & Han) per row: indicators as order parameters with bounds
    /// α = 0.9·min, β = 1.1·max over all rows; a score system is its own single order parameter.
    static func synergyOrders(data: MeasureData, spec: MeasureSpec) -> [[Double]] {
        var perSystem: [[Double]] = []
        for s in spec.systems {
            let params: [(String, Direction)] = s.score.map { [($0, .positive)] } ?? s.indicators.map { ($0.name, $0.direction) }
            let cols = params.map { p -> [Double] in
                let v = data.values[p.0]!
                let b = SynergyDegree.defaultBounds(min: v.min()!, max: v.max()!)
                return v.map { SynergyDegree.orderDegree($0, bounds: b, direction: p.1) }
            }
            perSystem.append((0..<data.rowCount).map { i in SynergyDegree.subsystemOrder(cols.map { $0[i] }) })
        }
        return (0..<data.rowCount).map { i in perSystem.map { $0[i] } }
    }
}

/// Subsystem indices as a function of the rows used to fix bounds and weights, so the
/// bootstrap can refit them on resamples and apply them to the original rows.
struct IndexModel {
    let spec: MeasureSpec
    let data: MeasureData

    struct Evaluation {
        var weights: [[Double]]   // per indicator system (score systems: empty)
        var scores: [[Double]]    // per system, per original row
        var d: [Double]
    }

    func bounds(of column: [Double], rows: [Int]) -> [Int?: IndicatorBounds] {
        var out: [Int?: IndicatorBounds] = [:]
        if spec.range == .pooled {
            var lo = Double.infinity, hi = -Double.infinity
            for i in rows { lo = Swift.min(lo, column[i]); hi = Swift.max(hi, column[i]) }
            out[nil] = IndicatorBounds(min: lo, max: hi)
        } else {
            for i in rows {
                let t = data.rowTime[i]
                let b = out[t] ?? IndicatorBounds(min: .infinity, max: -.infinity)
                out[t] = IndicatorBounds(min: Swift.min(b.min, column[i]), max: Swift.max(b.max, column[i]))
            }
        }
        return out
    }

    func normalized(_ column: [Double], rows: [Int], bounds b: [Int?: IndicatorBounds], fallback: [Int?: IndicatorBounds],
                    direction: Direction) -> [Double] {
        rows.map { i in
            let key: Int? = spec.range == .pooled ? nil : data.rowTime[i]
            let bb = b[key] ?? fallback[key]!
            return normalize(column[i], min: bb.min, max: bb.max, direction: direction)
        }
    }

    func evaluate(subset: [Int]) -> Evaluation {
        let all = Array(0..<data.rowCount)
        var weights: [[Double]] = []
        var scores: [[Double]] = []
        for s in spec.systems {
            if let sc = s.score {
                weights.append([])
                scores.append(data.values[sc]!)
                continue
            }
            var subCols: [[Double]] = []
            var allCols: [[Double]] = []
            for ind in s.indicators {
                let v = data.values[ind.name]!
                let fullB = bounds(of: v, rows: all)
                let b = bounds(of: v, rows: subset)
                var sub = normalized(v, rows: subset, bounds: b, fallback: fullB, direction: ind.direction)
                var orig = normalized(v, rows: all, bounds: b, fallback: fullB, direction: ind.direction)
                let subMin = sub.min() ?? 0, origMin = orig.min() ?? 0
                sub = sub.map { spec.shift.apply($0, columnMin: subMin) }
                orig = orig.map { spec.shift.apply($0, columnMin: origMin) }
                subCols.append(sub)
                allCols.append(orig)
            }
            let w: [Double]
            if let given = spec.weights {
                w = s.indicators.map { given[$0.name]! }
            } else {
                let matrix = (0..<subset.count).map { r in subCols.map { $0[r] } }
                w = entropyWeights(normalized: matrix, shift: .none)
            }
            weights.append(w)
            scores.append(all.map { i in
                var u = 0.0
                for j in 0..<w.count { u += w[j] * Swift.min(1, allCols[j][i]) }
                return Swift.min(1, Swift.max(0, u))
            })
        }
        let d = data.rowTime.indices.map { i in
            couplingCoordination(scores.map { $0[i] }, weights: spec.coordination, variant: spec.coupling).D
        }
        return Evaluation(weights: weights.filter { !$0.isEmpty }, scores: scores, d: d)
    }

    func perTimeZeroRangeWarnings() -> [String] {
        guard spec.range == .perTime else { return [] }
        var out: [String] = []
        for s in spec.systems {
            for ind in s.indicators {
                let b = bounds(of: data.values[ind.name]!, rows: Array(0..<data.rowCount))
                let flat = b.filter { $0.value.min == $0.value.max }.keys.compactMap { $0 }.sorted()
                if !flat.isEmpty {
                    out.append("indicator '\(ind.name)' has the same value in every unit in period(s) \(flat.map(String.init).joined(separator: ", ")); normalised to 0.5 there")
                }
            }
        }
        return out
    }
}

import Foundation
