import Foundation

/// The output of `coevo run`: `series.csv`, `summary.json` and, if present, `sizes.csv`.
public struct RunReportSource: ReportSource {
    public static let kind = "run"
    public static let markerFiles = ["series.csv", "summary.json"]

    public var directoryName: String
    public var series: SeriesTable
    public var summary: RunSummary
    /// nil when the run wrote no `sizes.csv`.
    public var sizes: SizeDistribution?

    public init(directoryName: String, series: SeriesTable, summary: RunSummary, sizes: SizeDistribution?) {
        self.directoryName = directoryName
        self.series = series
        self.summary = summary
        self.sizes = sizes
    }

    public static func load(directory: URL) throws -> RunReportSource {
        let series = try SeriesTable.read(directory.appendingPathComponent("series.csv"))
        let summary = try RunSummary.read(directory.appendingPathComponent("summary.json"))
        let sizesURL = directory.appendingPathComponent("sizes.csv")
        let sizes = FileManager.default.fileExists(atPath: sizesURL.path) ? try SizeDistribution.read(sizesURL) : nil
        return RunReportSource(directoryName: directory.standardizedFileURL.lastPathComponent, series: series,
                               summary: summary, sizes: sizes)
    }

    public func document(_ s: ReportStrings) -> ReportDocument {
        let charts = RunCharts(series: series, summary: summary, sizes: sizes, s: s)
        let subtitle = "\(s.scenario): \(summary.scenario) · \(s.seed): \(summary.seed)"
        return ReportDocument(title: s.runReportTitle, subtitle: subtitle, strings: s,
                              header: header(s), sections: charts.sections())
    }

    /// Metrics shown in the key-metrics table, in order.
    static let keyMetrics = ["stage", "stage.ccd", "ccd.U1", "ccd.U2", "ccd.D", "online.share", "adoption.retail",
                             "villages.ecommerce", "cost.average", "logistics.cost", "credit.rate.small",
                             "network.crosscluster", "ecosystems.count", "platform.hhi", "size.hill",
                             "innovation.share", "lockin", "firms.count", "inequality.theil"]

    func header(_ s: ReportStrings) -> [ReportBlock] {
        var blocks: [ReportBlock] = [.facts([
            (s.scenario, summary.scenario), (s.seed, summary.seed), (s.firms, String(summary.firms)),
            (s.periods, String(summary.periods)), (s.directory, directoryName),
        ])]
        func entry(_ table: [String: Int?]?, _ k: Int) -> String {
            guard let table else { return s.missing }
            guard let value = table[String(k)], let t = value else { return s.notReached }
            return s.quarter(t)
        }
        blocks.append(.table(ReportTable(
            caption: s.stageEntryTable, header: [s.stage, s.entryMechanism, s.entryCCD],
            rows: (1...4).map { [s.stageName($0), entry(summary.stageEntry, $0), entry(summary.stageCCDEntry, $0)] })))

        var rows: [[String]] = []
        for metric in Self.keyMetrics {
            guard let v = finalValue(metric) else { continue }
            rows.append([MetricLabels.label(metric, s.lang), metric, describe(metric, v, s)])
        }
        if !rows.isEmpty {
            blocks.append(.table(ReportTable(caption: s.finalMetrics, header: [s.name, s.metric, s.value], rows: rows,
                                             numericColumns: [2])))
        }
        if let final = summary.final, !final.isEmpty {
            let all = final.keys.sorted().map { [$0, NumberFormat.significant(final[$0]! ?? .nan, digits: 6)] }
            blocks.append(.table(ReportTable(caption: s.allFinalMetrics, header: [s.metric, s.value], rows: all,
                                             numericColumns: [1], collapsed: true)))
        }
        return blocks
    }

    /// The metric's final value: summary.json's `final`, else the series' last period.
    func finalValue(_ metric: String) -> Double? {
        if let entry = summary.final?[metric] { return entry ?? .nan }
        guard let last = series.periods.last else { return nil }
        return series.value(metric, period: last)
    }

    func describe(_ metric: String, _ v: Double, _ s: ReportStrings) -> String {
        switch metric {
        case "stage", "stage.ccd":
            return v.isFinite ? s.stageName(Int(v.rounded())) : NumberFormat.missing
        case "ccd.D":
            guard let g = ReportStrings.gradeIndex(v) else { return NumberFormat.missing }
            return "\(NumberFormat.significant(v)) (\(s.gradeName(g)))"
        default:
            return NumberFormat.significant(v)
        }
    }
}
