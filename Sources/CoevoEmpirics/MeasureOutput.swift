import CoevoFiles
import CoevoMeasure

/// Renders a `MeasureResult` into the output files of INTERFACE.md: coupling.csv, weights.csv,
/// summary.json, summary.md, and synergy.csv, symbiosis.json, haken.json when those analyses ran.
public enum MeasureOutput {
    public static func files(_ r: MeasureResult, spec: MeasureSpec, dataFile: String) -> [(name: String, contents: String)] {
        var out: [(String, String)] = [("coupling.csv", couplingCSV(r)), ("weights.csv", weightsCSV(r))]
        if let s = r.synergy { out.append(("synergy.csv", synergyCSV(s, systems: r.systems))) }
        if let s = r.symbiosis { out.append(("symbiosis.json", symbiosisJSON(s, r).render() + "\n")) }
        if let h = r.haken { out.append(("haken.json", hakenJSON(h, r).render() + "\n")) }
        out.append(("summary.json", summaryJSON(r, spec: spec, dataFile: dataFile).render() + "\n"))
        out.append(("summary.md", MeasureSummaryMarkdown.render(r, spec: spec, dataFile: dataFile)))
        return out
    }

    static func fmt(_ x: Double?) -> String {
        guard let x, x.isFinite else { return x.map { $0.isNaN ? "NA" : ($0 > 0 ? "Inf" : "-Inf") } ?? "" }
        return JSONValue.format(x)
    }

    /// Header `unit,time,U.<system>...,C,T,D,grade` then grade_name, grade_zh, coupling_phase,
    /// relative (U1/U2), lagging, stage_ccd, and D_low, D_high when bootstrapped.
    public static func couplingCSV(_ r: MeasureResult) -> String {
        let boot = r.rows.first?.dInterval != nil
        var s = (["unit", "time"] + r.systems.map { "U.\($0)" } + ["C", "T", "D", "grade", "grade_name", "grade_zh",
                 "coupling_phase", "relative", "lagging", "stage_ccd"] + (boot ? ["D_low", "D_high"] : [])).map(CSVFormat.field).joined(separator: ",") + "\n"
        for row in r.rows {
            var f = [CSVFormat.field(row.unit), String(row.time)] + row.u.map { fmt($0) }
            f += [fmt(row.coupling.C), fmt(row.coupling.T), fmt(row.coupling.D), String(row.grade.level), row.grade.name,
                  row.grade.chineseName, row.phase.name, fmt(row.relative), row.lagging.map(CSVFormat.field) ?? "none", String(row.stageCCD)]
            if boot { f += [fmt(row.dInterval?.low), fmt(row.dInterval?.high)] }
            s += f.joined(separator: ",") + "\n"
        }
        return s
    }

    /// Header `system,indicator,weight` then direction, and ci_low, ci_high when bootstrapped.
    public static func weightsCSV(_ r: MeasureResult) -> String {
        let boot = r.weights.contains { $0.interval != nil }
        var s = "system,indicator,weight,direction" + (boot ? ",ci_low,ci_high" : "") + "\n"
        for w in r.weights {
            var f = [CSVFormat.field(w.system), CSVFormat.field(w.indicator), fmt(w.weight), w.direction]
            if boot { f += [fmt(w.interval?.low), fmt(w.interval?.high)] }
            s += f.joined(separator: ",") + "\n"
        }
        return s
    }

    /// Header `unit,time,order.<system>...,synergy_previous,synergy_base`.
    public static func synergyCSV(_ rows: [MeasureResult.SynergyRow], systems: [String]) -> String {
        var s = (["unit", "time"] + systems.map { "order.\($0)" } + ["synergy_previous", "synergy_base"]).map(CSVFormat.field).joined(separator: ",") + "\n"
        for row in rows {
            s += ([CSVFormat.field(row.unit), String(row.time)] + row.order.map { fmt($0) } + [fmt(row.previous), fmt(row.base)]).joined(separator: ",") + "\n"
        }
        return s
    }

    static func interval(_ i: BootstrapInterval?) -> JSONValue {
        guard let i else { return .null }
        return .object([("estimate", .num(i.estimate)), ("ci_low", .num(i.low)), ("ci_high", .num(i.high)), ("se", .num(i.standardError))])
    }

    static func symbiosisJSON(_ s: MeasureResult.Symbiosis, _ r: MeasureResult) -> JSONValue {
        let p = s.fit.parameters
        let se = s.fit.standardErrors
        let params: [(String, JSONValue)] = LotkaVolterraParameters.names.enumerated().map { k, name in
            (name, .object([("estimate", .num(p.vector[k])), ("se", .num(se?[k])), ("start", .num(s.fit.start.vector[k]))]))
        }
        let e = s.equilibrium
        return .object([
            ("model", .string("dx/dt = r1 x (1 - x/K1 + theta12 y/K2), dy/dt = r2 y (1 - y/K2 + theta21 x/K1); x = U.\(r.systems[0]), y = U.\(r.systems[1]); fitted on the discretised system (dt = 1) by Levenberg-Marquardt")),
            ("transitions", .int(s.fit.transitions)),
            ("parameters", .object(params)),
            ("theta12_bootstrap", interval(s.theta12)),
            ("theta21_bootstrap", interval(s.theta21)),
            ("bootstrap_failures", .int(s.bootstrapFailures)),
            ("sum_of_squares", .num(s.fit.sumOfSquares)),
            ("converged", .bool(s.fit.converged)),
            ("iterations", .int(s.fit.iterations)),
            ("mode", .string(s.mode.rawValue)),
            ("equilibrium", .object([("x", .num(e.x)), ("y", .num(e.y)), ("exists", .bool(e.exists)),
                                     ("stable", .bool(e.stable)), ("stable_discrete", .bool(e.stableDiscrete)),
                                     ("eigenvalues", .array(e.eigenvalues.map { .object([("re", .num($0.re)), ("im", .num($0.im))]) }))])),
            ("forecast", .array(s.forecasts.map { f in
                .object([("unit", .string(f.unit)), ("from", .int(f.fromTime)),
                         ("path", .array(f.path.enumerated().map { k, v in .object([("step", .int(k + 1)), ("x", .num(v.x)), ("y", .num(v.y))]) }))])
            })),
        ])
    }

    static func hakenFitJSON(_ f: HakenFit, q1: String, q2: String) -> JSONValue {
        .object([
            ("q1", .string(q1)), ("q2", .string(q2)),
            ("gamma1", .num(f.gamma1)), ("t_gamma1", .num(f.tGamma1)),
            ("gamma2", .num(f.gamma2)), ("t_gamma2", .num(f.tGamma2)),
            ("a", .num(f.a)), ("t_a", .num(f.tA)), ("b", .num(f.b)), ("t_b", .num(f.tB)),
            ("r2_q1", .num(f.rSquared1)), ("r2_q2", .num(f.rSquared2)),
            ("adiabatic", .bool(f.adiabatic)),
            ("potential", .string("V(q) = \(JSONValue.format(f.potentialQuadratic)) q^2 + \(JSONValue.format(f.potentialQuartic)) q^4")),
        ])
    }

    static func hakenJSON(_ h: HakenAnalysis, _ r: MeasureResult) -> JSONValue {
        let (a, b) = ("U.\(r.systems[0])", "U.\(r.systems[1])")
        return .object([
            ("model", .string("q1(t+1) = (1-gamma1) q1 - a q1 q2; q2(t+1) = (1-gamma2) q2 + b q1^2; OLS, both orderings; adiabatic: gamma2 > |gamma1| and gamma2 > 0")),
            ("transitions", .int(r.transitions)),
            ("orderings", .array([hakenFitJSON(h.first, q1: a, q2: b), hakenFitJSON(h.second, q1: b, q2: a)])),
            ("order_parameter", h.orderParameter.map { .string(r.systems[$0]) } ?? .null),
        ])
    }

    static func summaryJSON(_ r: MeasureResult, spec: MeasureSpec, dataFile: String) -> JSONValue {
        let times = Array(Set(r.rows.map(\.time))).sorted()
        let meanD: [(String, JSONValue)] = times.map { t in
            let ds = r.rows.filter { $0.time == t }.map(\.coupling.D)
            return (String(t), .num(ds.reduce(0, +) / Double(ds.count)))
        }
        var stageCounts: [(String, JSONValue)] = []
        for s in 0...4 { stageCounts.append((String(s), .int(r.rows.filter { $0.stageCCD == s }.count))) }
        var analyses: [(String, JSONValue)] = [("coupling", .string("coupling.csv")), ("weights", .string("weights.csv"))]
        if r.synergy != nil { analyses.append(("synergy", .string("synergy.csv"))) }
        if let s = r.symbiosis {
            analyses.append(("symbiosis", .object([("file", .string("symbiosis.json")), ("mode", .string(s.mode.rawValue)),
                                                   ("theta12", .num(s.fit.parameters.theta12)), ("theta21", .num(s.fit.parameters.theta21))])))
        }
        if let h = r.haken {
            analyses.append(("haken", .object([("file", .string("haken.json")),
                                               ("order_parameter", h.orderParameter.map { .string(r.systems[$0]) } ?? .null)])))
        }
        return .object([
            ("data", .string(dataFile)), ("spec", .string(spec.file)),
            ("units", .int(r.units)), ("periods", .array(times.map { .int($0) })), ("rows", .int(r.rows.count)),
            ("dropped_missing", .int(r.dropped)), ("interpolated", .int(r.interpolated)),
            ("systems", .array(r.systems.map { .string($0) })),
            ("settings", .object([("weights", .string(spec.weights == nil ? "entropy" : "given")), ("shift", .string(spec.shiftText)),
                                  ("range", .string(spec.range.rawValue)), ("coupling", .string(spec.coupling.rawValue)),
                                  ("coordination", spec.coordination.map { .array($0.map { .number($0) }) } ?? .string("equal")),
                                  ("grades", .string(spec.grades.rawValue)), ("missing", .string(spec.missing.rawValue)),
                                  ("stage", .object([("epsilon", .num(spec.stage.epsilon)), ("d1", .num(spec.stage.d1)),
                                                     ("d2", .num(spec.stage.d2)), ("d3", .num(spec.stage.d3))])),
                                  ("bootstrap", spec.bootstrap.map { .object([("draws", .int($0.draws)), ("seed", .int(Int(truncatingIfNeeded: $0.seed))),
                                                                              ("level", .num($0.level)), ("scheme", .string(r.bootstrapScheme ?? ""))]) } ?? .null)])),
            ("weights", .array(r.weights.map { w in
                .object([("system", .string(w.system)), ("indicator", .string(w.indicator)), ("direction", .string(w.direction)),
                         ("weight", .num(w.weight)), ("ci_low", .num(w.interval?.low)), ("ci_high", .num(w.interval?.high))])
            })),
            ("mean_D_by_period", .object(meanD)),
            ("stage_ccd_counts", .object(stageCounts)),
            ("analyses", .object(analyses)),
            ("warnings", .array(r.warnings.map { .string($0) })),
        ])
    }
}
