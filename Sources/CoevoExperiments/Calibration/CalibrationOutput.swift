// The files of a calibration: estimates.csv, fit.csv, forecast.csv, search.csv and summary.json,
// each written atomically, estimates.csv last (its presence means the calibration is complete).

import CoevoFiles
import CoevoStore
import Foundation

extension Calibration {
    public static let resultFiles = ["fit.csv", "forecast.csv", "search.csv", "posterior.csv", "summary.json", "estimates.csv"]

    public static func removeResults(in directory: URL) {
        for f in resultFiles + ["report.html"] { try? FileManager.default.removeItem(at: directory.appendingPathComponent(f)) }
    }

    public static func write(_ r: CalibrationResult, plan: CalibrationPlan, seconds: Double, posterior: ABCResult? = nil, to directory: URL) throws {
        func num(_ x: Double) -> String { x.isFinite ? CSVFormat.number(x) : "" }
        func json(_ x: Double?) -> String { guard let x, x.isFinite else { return "null" }; return CSVFormat.number(x) }
        var estimates = "parameter,estimate,ci_low,ci_high\n"
        for e in r.estimates { estimates += "\(e.key),\(num(e.value)),\(num(e.low)),\(num(e.high))\n" }
        var fit = "series,year,data,model\n"
        for (t, m) in zip(r.targets, r.model) {
            let spec = plan.moments[t.spec]
            let name: String
            switch spec.kind {
            case .level: name = spec.series
            case .growth: name = spec.series + ":growth"
            case .elasticity: name = "\(spec.series)/\(spec.per!):elasticity"
            }
            fit += "\(CSVFormat.field(name)),\(t.year.map(String.init) ?? ""),\(num(t.data)),\(num(m))\n"
        }
        var forecast = "series,year,mean,low,high\n"
        for f in r.forecast { forecast += "\(CSVFormat.field(f.series)),\(f.year),\(num(f.mean)),\(num(f.low)),\(num(f.high))\n" }
        var search = "stage," + plan.parameters.map(\.key).joined(separator: ",") + ",loss\n"
        for e in r.evaluations { search += "\(e.stage)," + e.values.map(num).joined(separator: ",") + ",\(num(e.loss))\n" }
        var parts: [String] = []
        for e in r.estimates {
            let body: String = "{\"estimate\": \(json(e.value)), \"se\": \(json(e.se)), \"ci90\": [\(json(e.low)), \(json(e.high))]}"
            parts.append(JSONText.quoted(e.key) + ": " + body)
        }
        let parameterJSON: String = parts.joined(separator: ", ")
        var lines: [String] = [
            "\"name\": \(JSONText.quoted(plan.name))",
            "\"method\": \(JSONText.quoted(plan.method.rawValue))",
            "\"weighting\": \(JSONText.quoted(plan.weighting.rawValue))",
            "\"data\": \(JSONText.quoted(plan.dataPath))",
            "\"moments\": \(r.targets.count)",
            "\"parameters\": {" + parameterJSON + "}",
            "\"loss\": \(json(r.loss))",
            "\"j_statistic\": \(json(r.jStatistic))",
            "\"j_degrees_of_freedom\": \(r.jDegrees)",
            "\"j_p_value\": \(json(r.jPValue))",
            "\"r_squared\": {" + r.rSquared.map { "\(JSONText.quoted($0.series)): \(json($0.value))" }.joined(separator: ", ") + "}",
            "\"replications\": \(plan.replications)",
            "\"final_replications\": \(plan.finalReplications)",
            "\"evaluations\": \(r.evaluations.count)",
            "\"runs\": \(r.runs)",
            "\"seconds\": \(json(seconds))",
            "\"forecast_to\": \(plan.forecastTo)",
            "\"warnings\": [" + r.warnings.map { JSONText.quoted($0) }.joined(separator: ", ") + "]",
        ]
        if let abc = posterior {
            var generations: [String] = []
            for (t, g) in abc.generations.enumerated() {
                let acceptance = Double(g.particles.count) / Double(max(g.proposals, 1))
                generations.append("{\"generation\": \(t), \"epsilon\": \(json(g.epsilon)), \"proposals\": \(g.proposals), \"acceptance\": \(json(acceptance))}")
            }
            lines.append("\"abc_generations\": [" + generations.joined(separator: ", ") + "]")
        }
        let summary = "{\n  " + lines.joined(separator: ",\n  ") + "\n}\n"
        try AtomicFile.write(fit, to: directory.appendingPathComponent("fit.csv"))
        try AtomicFile.write(forecast, to: directory.appendingPathComponent("forecast.csv"))
        if let abc = posterior {
            var text = "generation,particle," + plan.parameters.map(\.key).joined(separator: ",") + ",weight,distance\n"
            for (t, g) in abc.generations.enumerated() {
                for (i, p) in g.particles.enumerated() { text += "\(t),\(i)," + p.values.map(num).joined(separator: ",") + ",\(num(p.weight)),\(num(p.distance))\n" }
            }
            try AtomicFile.write(text, to: directory.appendingPathComponent("posterior.csv"))
        } else {
            try AtomicFile.write(search, to: directory.appendingPathComponent("search.csv"))
        }
        try AtomicFile.write(summary, to: directory.appendingPathComponent("summary.json"))
        try AtomicFile.write(estimates, to: directory.appendingPathComponent("estimates.csv"))
    }
}
