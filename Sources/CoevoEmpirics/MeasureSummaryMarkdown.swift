import CoevoMeasure

/// The Markdown summary of a measurement: method paragraph, weights table, coupling table and
/// the further analyses, written so a researcher can paste it into a paper.
public enum MeasureSummaryMarkdown {
    static func f(_ x: Double?, _ digits: Int = 3) -> String {
        guard let x, x.isFinite else { return "–" }
        return String(format: "%.\(digits)f", x)
    }

    public static func render(_ r: MeasureResult, spec: MeasureSpec, dataFile: String) -> String {
        var md = "# Coupling coordination of \(r.systems.joined(separator: " and "))\n\n"
        let periods = Array(Set(r.rows.map(\.time))).sorted()
        let shiftText: String
        switch spec.shift {
        case .none: shiftText = "no zero shift (0·ln 0 = 0)"
        case .add(let a): shiftText = "a shift of +\(a) after normalisation"
        case .rescale(let e): shiftText = "normalised values rescaled into [\(e), \(1 - e)]"
        case .minShift(let c): shiftText = "a shift of |min| + \(c)"
        }
        let couplingText: String
        switch spec.coupling {
        case .standard: couplingText = "C = n(∏U_i)^(1/n)/ΣU_i"
        case .wang: couplingText = "the corrected coupling degree of Wang et al. (2021)"
        case .fan: couplingText = "the dispersion form C = 1 − 2·sd(U)"
        }
        md += "## Method\n\n"
        md += "Data: `\(dataFile)`, \(r.units) unit(s), periods \(periods.first.map(String.init) ?? "–")–\(periods.last.map(String.init) ?? "–"), \(r.rows.count) unit-periods"
        if r.dropped > 0 { md += " (\(r.dropped) dropped for missing values)" }
        if r.interpolated > 0 { md += "; \(r.interpolated) missing values filled by linear interpolation within units" }
        md += ". Indicators were min–max normalised (direction-aware, \(spec.range == .pooled ? "bounds pooled over all unit-periods" : "bounds per period")) with \(shiftText). "
        md += spec.weights == nil
            ? "Weights by the entropy method (k = 1/ln m over all m = \(r.rows.count) unit-periods). "
            : "Weights as given in the spec. "
        md += "Subsystem scores U are weighted sums; the coupling degree is \(couplingText), T = \(spec.coordination.map { w in zip(w, r.systems).map { "\(JSONValue.format($0.0))·U.\($0.1)" }.joined(separator: " + ") } ?? "the mean of the U"), and D = √(C·T). "
        md += "Grades follow the 10-grade table with \(spec.grades == .upperClosed ? "intervals (a, b]" : "intervals [a, b)"). "
        if let b = spec.bootstrap {
            md += "\(Int(b.level * 100))% intervals: percentile bootstrap, \(b.draws) draws resampling \(r.bootstrapScheme ?? ""), seed \(b.seed)."
        }
        md += "\n\n## Indicator weights\n\n| system | indicator | direction | weight |" + (spec.bootstrap != nil ? " 95% CI |" : "") + "\n"
        md += "|---|---|---|---:|" + (spec.bootstrap != nil ? "---|" : "") + "\n"
        for w in r.weights {
            md += "| \(w.system) | \(w.indicator) | \(w.direction) | \(f(w.weight, 4)) |"
            if spec.bootstrap != nil { md += w.interval.map { " [\(f($0.low, 4)), \(f($0.high, 4))] |" } ?? " – |" }
            md += "\n"
        }
        md += "\n## Coupling coordination\n\n| unit | period |" + r.systems.map { " U.\($0) |" }.joined() + " C | T | D |" + (spec.bootstrap != nil ? " 95% CI of D |" : "") + " grade | stage.ccd |\n"
        md += "|---|---|" + String(repeating: "---:|", count: r.systems.count + 3) + (spec.bootstrap != nil ? "---|" : "") + "---|---:|\n"
        for row in r.rows {
            md += "| \(row.unit) | \(row.time) |" + row.u.map { " \(f($0)) |" }.joined()
            md += " \(f(row.coupling.C)) | \(f(row.coupling.T)) | \(f(row.coupling.D)) |"
            if spec.bootstrap != nil { md += row.dInterval.map { " [\(f($0.low)), \(f($0.high))] |" } ?? " – |" }
            md += " \(row.grade.level) \(row.grade.name) (\(row.grade.chineseName)) | \(row.stageCCD) |\n"
        }
        if let s = r.synergy {
            md += "\n## Composite-system synergy (Meng & Han 2000)\n\nOrder parameters are the indicators (bounds 0.9·min and 1.1·max), subsystem order degrees their geometric mean; synergy is signed (+ when every subsystem gains order).\n\n"
            md += "| unit | period |" + r.systems.map { " order.\($0) |" }.joined() + " vs previous | vs base |\n|---|---|" + String(repeating: "---:|", count: r.systems.count + 2) + "\n"
            for row in s {
                md += "| \(row.unit) | \(row.time) |" + row.order.map { " \(f($0)) |" }.joined() + " \(f(row.previous)) | \(f(row.base)) |\n"
            }
        }
        if let s = r.symbiosis {
            let p = s.fit.parameters
            md += "\n## Lotka–Volterra symbiosis\n\nFitted on \(s.fit.transitions) one-period transitions by nonlinear least squares (Levenberg–Marquardt, start from the log-linear regression).\n\n"
            md += "| parameter | estimate | s.e. |\n|---|---:|---:|\n"
            for (k, name) in LotkaVolterraParameters.names.enumerated() {
                md += "| \(name) | \(f(p.vector[k], 4)) | \(f(s.fit.standardErrors?[k], 4)) |\n"
            }
            if let a = s.theta12, let b = s.theta21 {
                md += "\n95% bootstrap intervals: θ12 [\(f(a.low)), \(f(a.high))], θ21 [\(f(b.low)), \(f(b.high))].\n"
            }
            let e = s.equilibrium
            md += "\nMode: **\(s.mode.rawValue)** (θ12: effect of \(r.systems[1]) on \(r.systems[0]); θ21 the reverse). "
            md += e.exists ? "Coexistence equilibrium (\(f(e.x)), \(f(e.y))), \(e.stable ? "stable" : "unstable").\n" : "No positive coexistence equilibrium.\n"
        }
        if let h = r.haken {
            md += "\n## Haken model\n\n| q1 | q2 | γ1 (t) | γ2 (t) | a (t) | b (t) | adiabatic |\n|---|---|---|---|---|---|---|\n"
            for (fit, q1, q2) in [(h.first, r.systems[0], r.systems[1]), (h.second, r.systems[1], r.systems[0])] {
                md += "| \(q1) | \(q2) | \(f(fit.gamma1)) (\(f(fit.tGamma1, 2))) | \(f(fit.gamma2)) (\(f(fit.tGamma2, 2))) | \(f(fit.a)) (\(f(fit.tA, 2))) | \(f(fit.b)) (\(f(fit.tB, 2))) | \(fit.adiabatic ? "yes" : "no") |\n"
            }
            if let o = h.orderParameter {
                let fit = o == 0 ? h.first : h.second
                md += "\nOrder parameter: **\(r.systems[o])**; potential V(q) = \(f(fit.potentialQuadratic, 4))·q² + \(f(fit.potentialQuartic, 4))·q⁴.\n"
            } else {
                md += "\nNeither ordering satisfies the adiabatic condition (γ2 > |γ1|, γ2 > 0): no order parameter identified.\n"
            }
        }
        if !r.warnings.isEmpty {
            md += "\n## Notes\n\n" + r.warnings.map { "- \($0)\n" }.joined()
        }
        md += "\nComputed with `coevo measure` (Coevo).\n"
        return md
    }
}

import Foundation
