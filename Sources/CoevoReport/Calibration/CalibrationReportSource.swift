import Foundation

/// The output of `coevo calibrate`: `estimates.csv`, `fit.csv` and `forecast.csv`. The report shows
/// the estimates with their 90% intervals, each series' data against the fitted model, and the
/// forecast with its 90% band over seeds.
public struct CalibrationReportSource: ReportSource {
    public static let kind = "calibration"
    public static let markerFiles = ["estimates.csv", "fit.csv", "forecast.csv"]

    public var directoryName: String
    public var estimates: [[String]]
    public var fit: [[String]]
    public var forecast: [[String]]
    /// ABC-SMC: posterior.csv's header and rows (empty for MSM).
    public var posteriorHeader: [String] = []
    public var posterior: [[String]] = []

    public static func load(directory: URL) throws -> CalibrationReportSource {
        func read(_ name: String, _ header: [String]) throws -> [[String]] { try CSVLines.table(directory.appendingPathComponent(name), header: header) }
        var source = CalibrationReportSource(directoryName: directory.standardizedFileURL.lastPathComponent,
                                             estimates: try read("estimates.csv", ["parameter", "estimate", "ci_low", "ci_high"]),
                                             fit: try read("fit.csv", ["series", "year", "data", "model"]),
                                             forecast: try read("forecast.csv", ["series", "year", "mean", "low", "high"]))
        let posteriorURL = directory.appendingPathComponent("posterior.csv")
        if FileManager.default.fileExists(atPath: posteriorURL.path), let first = try CSVLines.read(posteriorURL).first?.fields {
            source.posteriorHeader = first
            source.posterior = try CSVLines.table(posteriorURL, header: first)
        }
        return source
    }

    public func document(_ s: ReportStrings) -> ReportDocument {
        func fmt(_ t: String) -> String { Double(t).map { NumberFormat.significant($0, digits: 4) } ?? s.missing }
        let header: [ReportBlock] = [
            .facts([(s.pick("Directory", "目录"), directoryName), (s.pick("Method", "方法"), s.pick("method of simulated moments", "模拟矩方法"))]),
            .table(ReportTable(caption: s.pick("Estimates with 90% intervals (MSM sandwich)", "估计值及 90% 区间（MSM 三明治估计）"),
                               header: [s.pick("Parameter", "参数"), s.pick("Estimate", "估计"), "ci_low", "ci_high"],
                               rows: estimates.map { [$0[0]] + $0[1...3].map(fmt) }, numericColumns: [1, 2, 3])),
        ]
        var sections: [ReportSection] = []
        let names = (fit.map { $0[0] } + forecast.map { $0[0] }).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for (n, name) in names.enumerated() {
            let f = fit.filter { $0[0] == name && Int($0[1]) != nil }
            let fc = forecast.filter { $0[0] == name }
            var blocks: [ReportBlock] = []
            if !f.isEmpty || !fc.isEmpty {
                func pts(_ rows: [[String]], _ col: Int) -> [Point] { rows.compactMap { r in Int(r[1]).map { Point(Double($0), Double(r[col]) ?? .nan) } } }
                var series = [Series(name: s.pick("data", "数据"), points: pts(f, 2), style: .markers, color: 0),
                              Series(name: s.pick("model (fit)", "模型（拟合）"), points: pts(f, 3), style: .lineAndMarkers, color: 1)]
                if !fc.isEmpty {
                    series += [Series(name: s.pick("forecast (mean)", "预测（均值）"), points: pts(fc, 2), style: .line, color: 2),
                               Series(name: "90%", points: pts(fc, 3), style: .dashed, color: 2),
                               Series(name: "", points: pts(fc, 4), style: .dashed, color: 2)]
                }
                blocks.append(.chart(XYChart(id: "f\(n)", title: name, caption: s.pick("Data, the model at the estimate (mean over the final seeds), and the forecast with its 90% band over seeds.", "数据、估计值处的模型（最终种子均值）及预测与其 90% 区间。"),
                                             x: AxisSpec(s.pick("year", "年份")), y: AxisSpec(name), series: series)))
            }
            let other = fit.filter { $0[0] == name && Int($0[1]) == nil }
            if !other.isEmpty {
                blocks.append(.table(ReportTable(caption: name, header: [s.pick("Data", "数据"), s.pick("Model", "模型")], rows: other.map { [fmt($0[2]), fmt($0[3])] }, numericColumns: [0, 1])))
            }
            sections.append(ReportSection(id: "series-\(n)", title: name, blocks: blocks))
        }
        // ABC-SMC: the last generation's weighted marginal of each parameter (10 bins).
        if posteriorHeader.count >= 5, let lastGeneration = posterior.compactMap({ Int($0[0]) }).max() {
            let rows = posterior.filter { Int($0[0]) == lastGeneration }
            let weightColumn = posteriorHeader.count - 2
            var blocks: [ReportBlock] = []
            for (c, name) in posteriorHeader.enumerated() where c >= 2 && c < weightColumn {
                let xs = rows.compactMap { Double($0[c]) }, ws = rows.compactMap { Double($0[weightColumn]) }
                guard xs.count == ws.count, let lo = xs.min(), let hi = xs.max(), hi > lo else { continue }
                var bins = [Double](repeating: 0, count: 10)
                for (x, w) in zip(xs, ws) { bins[min(9, Int((x - lo) / (hi - lo) * 10))] += w }
                let labels = (0..<10).map { NumberFormat.significant(lo + (Double($0) + 0.5) * (hi - lo) / 10, digits: 3) }
                blocks.append(.chart(BarChart(id: "m\(c)", title: name, caption: s.pick("Posterior weight by bin, generation \(lastGeneration).", "第 \(lastGeneration) 代各区间的后验权重。"),
                                              categories: labels, groups: [BarGroup(name: s.pick("weight", "权重"), values: bins.map { BarValue(estimate: $0) })],
                                              xLabel: name, y: AxisSpec(s.pick("posterior weight", "后验权重")), missingLabel: s.missing)))
            }
            sections.insert(ReportSection(id: "posterior", title: s.pick("ABC-SMC posterior marginals", "ABC-SMC 后验边际分布"), blocks: blocks), at: 0)
        }
        return ReportDocument(title: s.pick("Coevo calibration report", "Coevo 校准报告"), subtitle: directoryName, strings: s, header: header, sections: sections)
    }
}
