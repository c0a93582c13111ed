import Foundation

/// Writes a synthetic `coevo run` output directory (series.csv, summary.json, sizes.csv) for tests.
struct SyntheticRun {
    var periods = 40
    /// Metrics to leave out of series.csv.
    var omit: Set<String> = []
    var withSizes = true
    var withElasticity = true
    var calendar: (start: Double, scale: Double)? = (2005, 40)
    /// Extra rows appended to series.csv verbatim.
    var extraRows: [String] = []

    static let allMetrics: [String] = [
        "adoption.retail", "adoption.b2b", "adoption.live", "adoption.xborder", "adoption.design", "adoption.make",
        "adoption.iinet", "adoption.eco", "online.share", "villages.ecommerce", "villages.total", "logistics.cost",
        "online.volume", "platform.fee.mean", "platform.mu.mean", "platform.hhi", "ecosystems.count",
        "credit.rate.small", "credit.rate.mean", "credit.constrained", "firms.count", "firms.entry", "firms.exit",
        "size.hill", "output.total", "valueadded.total", "wage.mean", "innovation.share", "quality.mean", "lockin",
        "network.density", "network.giant", "network.crosscluster", "network.crossregion", "superclusters",
        "virtualclusters", "cost.average", "cost.production", "cost.logistics", "cost.finance", "cost.transaction",
        "cost.fees", "cost.inventory", "cost.fixed", "fall.within", "fall.reallocation", "fall.entry", "fall.exit",
        "source.factor_prices", "source.productivity", "source.input_sharing", "source.logistics", "source.finance",
        "source.transaction", "source.fees", "source.inventory", "source.fixed", "externality.cluster",
        "externality.network", "externality.ecosystem", "externality.economy", "internal.learning", "selection",
        "other", "ccd.U1", "ccd.U2", "ccd.C", "ccd.D", "stage", "stage.ccd", "welfare.consumer", "welfare.producer",
        "welfare.taxcost", "inequality.theil", "gov.reg", "gov.pub", "gov.tal", "gov.inf", "gov.bar",
    ]

    func value(_ metric: String, _ t: Int) -> Double {
        let x = Double(t) / Double(max(1, periods - 1))
        let logistic = 1 / (1 + exp(-10 * (x - 0.5)))
        switch metric {
        case "stage", "stage.ccd": return Double(min(4, t / max(1, periods / 5)))
        case "logistics.cost": return 0.2 * pow(1 + 100 * logistic, -0.18)
        case "online.volume": return 1 + 100 * logistic
        case "villages.ecommerce": return (100 * logistic).rounded()
        case "source.factor_prices", "other": return -0.05 * x   // negative contributions
        case "fall.exit": return t == 5 ? .nan : -0.01 * x        // one gap
        case "ecosystems.count", "superclusters", "virtualclusters": return Double(Int(6 * logistic))
        default:
            if metric.hasPrefix("cost.") { return 1 - 0.3 * logistic }
            if metric.hasPrefix("fall.") || metric.hasPrefix("source.") || metric.hasPrefix("externality.") { return 0.1 * logistic }
            return logistic * (0.5 + Double(metric.count % 5) / 10)
        }
    }

    func write(to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var csv = "period,metric,value\n"
        for t in 0..<periods {
            for m in Self.allMetrics where !omit.contains(m) {
                let v = value(m, t)
                csv += "\(t),\(m),\(v.isNaN ? "nan" : String(v))\n"
            }
        }
        for row in extraRows { csv += row + "\n" }
        try csv.write(to: dir.appendingPathComponent("series.csv"), atomically: true, encoding: .utf8)

        let q = periods / 5
        var summary = """
        {"scenario": "baseline", "seed": 18446744073709551615, "periods": \(periods), "firms": 2000,
         "stage_entry": {"1": \(q), "2": \(2 * q), "3": \(3 * q), "4": null},
         "stage_ccd_entry": {"1": \(q + 1), "2": \(2 * q + 1), "3": null, "4": null},
         "final": {"ccd.D": 0.634, "stage": 3, "size.hill": 1.7, "online.share": 0.21, "lockin": null}
        """
        if withElasticity {
            summary += """
            , "elasticity_by_stage": {"1": {"estimate": 0.01, "ci_low": -0.02, "ci_high": 0.04},
               "2": {"estimate": -0.05, "ci_low": -0.08, "ci_high": -0.02}, "3": {"estimate": -0.09, "ci_low": -0.13, "ci_high": -0.05}, "4": null},
             "elasticity_cluster_by_stage": {"1": {"estimate": -0.02, "ci_low": null, "ci_high": null},
               "2": {"estimate": -0.03, "ci_low": -0.05, "ci_high": -0.01}, "3": null, "4": null}
            """
        }
        if let calendar { summary += ", \"calendar_start_year\": \(calendar.start), \"village_scale\": \(calendar.scale)" }
        summary += "}\n"
        try summary.write(to: dir.appendingPathComponent("summary.json"), atomically: true, encoding: .utf8)

        if withSizes {
            var sizes = "firm,online_revenue\n"
            for i in 0..<3000 { sizes += "\(i),\(i % 7 == 0 ? 0 : 1000 / pow(Double(i + 1), 0.6))\n" }
            try sizes.write(to: dir.appendingPathComponent("sizes.csv"), atomically: true, encoding: .utf8)
        }
    }

    static func tempDirectory(_ name: String) -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("coevo-report-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)")
        try? FileManager.default.removeItem(at: dir)
        return dir
    }
}
