import Foundation

/// The output of `coevo sweep` (or `coevo merge`): `summary.csv`, and when present
/// `differences.csv` and `bands.csv`. The report shows each outcome by factor with its 95%
/// interval (a line for one numeric factor, bars for a categorical one, a heat map for two,
/// scatter plots for sampled designs), the kept series as bands by point, and the paired
/// differences against the reference point.
public struct SweepReportSource: ReportSource {
    public static let kind = "sweep"
    public static let markerFiles = ["summary.csv", "sweep.sqlite"]

    /// One row of summary.csv, differences.csv or bands.csv.
    public struct Row: Sendable {
        public var point: Int
        public var factors: [String]
        public var name: String
        public var period: Int?
        public var n: Int
        public var never: Int
        public var mean: Double?
        public var ciLow: Double?
        public var ciHigh: Double?
    }

    public var directoryName: String
    public var factorNames: [String]
    public var summary: [Row]
    public var differences: [Row]
    public var bands: [Row]

    public static func load(directory: URL) throws -> SweepReportSource {
        let (factors, summary) = try read(directory.appendingPathComponent("summary.csv"), tail: ["outcome", "n", "never", "mean", "sd", "ci_low", "ci_high"])
        func optional(_ name: String, _ tail: [String]) throws -> [Row] {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { return [] }
            return try read(url, tail: tail).rows
        }
        return SweepReportSource(directoryName: directory.standardizedFileURL.lastPathComponent, factorNames: factors, summary: summary,
                                 differences: try optional("differences.csv", ["outcome", "n", "mean", "sd", "ci_low", "ci_high"]),
                                 bands: try optional("bands.csv", ["metric", "period", "n", "mean", "sd", "ci_low", "ci_high"]))
    }

    /// Reads a tidy sweep table: `point`, the factor columns, then `tail`.
    static func read(_ url: URL, tail: [String]) throws -> (factors: [String], rows: [Row]) {
        let lines = try CSVLines.read(url)
        guard let header = lines.first?.fields, header.first == "point", header.count >= tail.count + 1,
              Array(header.suffix(tail.count)) == tail else {
            throw ReportError.file(url.path, "expected a header point,<factors>,\(tail.joined(separator: ",")), found \(lines.first.map { $0.fields.joined(separator: ",") } ?? "an empty file")")
        }
        let factors = Array(header[1..<(header.count - tail.count)])
        var rows: [Row] = []
        for (line, fields) in lines.dropFirst() {
            guard fields.count == header.count else {
                throw ReportError.file(url.path, "line \(line): expected \(header.count) fields, found \(fields.count)")
            }
            func field(_ name: String) -> String { fields[header.count - tail.count + tail.firstIndex(of: name)!] }
            func number(_ name: String) throws -> Double? {
                let t = field(name)
                if t.isEmpty { return nil }
                guard let v = Double(t) else { throw ReportError.file(url.path, "line \(line), column \(name): expected a number, found '\(t)'") }
                return v
            }
            guard let point = Int(fields[0]), let n = Int(field("n")) else {
                throw ReportError.file(url.path, "line \(line): expected integer point and n, found '\(fields[0])' and '\(field("n"))'")
            }
            rows.append(Row(point: point, factors: Array(fields[1..<(1 + factors.count)]), name: field(tail[0]),
                            period: tail.contains("period") ? Int(field("period")) : nil, n: n,
                            never: tail.contains("never") ? Int(field("never")) ?? 0 : 0,
                            mean: try number("mean"), ciLow: try number("ci_low"), ciHigh: try number("ci_high")))
        }
        return (factors, rows)
    }

    func label(_ r: Row) -> String {
        factorNames.isEmpty ? "point \(r.point)" : zip(factorNames, r.factors).map { "\($0)=\($1)" }.joined(separator: ", ")
    }

    public func document(_ s: ReportStrings) -> ReportDocument {
        let outcomes = summary.reduce(into: [String]()) { if !$0.contains($1.name) { $0.append($1.name) } }
        let points = Set(summary.map(\.point)).count
        let ns = summary.map { $0.n + $0.never }
        var header: [ReportBlock] = [.facts([
            (s.pick("Directory", "目录"), directoryName),
            (s.pick("Points", "参数点"), String(points)),
            (s.pick("Factors", "因素"), factorNames.isEmpty ? s.missing : factorNames.joined(separator: ", ")),
            (s.pick("Outcomes", "结果指标"), outcomes.joined(separator: ", ")),
            (s.pick("Replications per point and outcome", "每点每指标重复次数"), ns.isEmpty ? s.missing : "\(ns.min()!)–\(ns.max()!)"),
        ])]
        header.append(.paragraph(s.pick(
            "Each value is the mean over replications with its 95% t interval; stages never reached are counted apart (\"never\"), not averaged.",
            "每个数值为各次重复的均值及其 95% t 区间；未达到的阶段单独计数（never），不参与平均。")))
        var sections: [ReportSection] = []
        for (i, outcome) in outcomes.enumerated() {
            let rows = summary.filter { $0.name == outcome }
            sections.append(ReportSection(id: "outcome-\(i)", title: outcome, blocks: outcomeBlocks(outcome, rows, id: "o\(i)", s)))
        }
        let metrics = bands.reduce(into: [String]()) { if !$0.contains($1.name) { $0.append($1.name) } }
        if !metrics.isEmpty {
            var blocks: [ReportBlock] = []
            for (i, m) in metrics.enumerated() { blocks.append(.chart(bandChart(m, id: "b\(i)", s))) }
            sections.append(ReportSection(id: "series", title: s.pick("Kept series: mean and 95% band by point", "保留的时间序列：各点均值与 95% 区间"), blocks: blocks))
        }
        if !differences.isEmpty {
            let rows = differences.map { [label($0), $0.name, String($0.n), fmt($0.mean, s), fmt($0.ciLow, s), fmt($0.ciHigh, s)] }
            sections.append(ReportSection(id: "differences", title: s.pick("Differences against the reference point", "相对参照点的差异"), blocks: [
                .paragraph(s.pick("Paired by replication (common random numbers) when the plan uses common seeds; Welch's interval otherwise.",
                                  "计划使用共同随机数时按重复配对；否则为 Welch 区间。")),
                .table(ReportTable(caption: s.pick("Point − reference, 95% interval", "点 − 参照点，95% 区间"),
                                   header: [s.pick("Point", "参数点"), s.metric, "n", s.pick("Difference", "差异"), "ci_low", "ci_high"],
                                   rows: rows, numericColumns: [2, 3, 4, 5])),
            ]))
        }
        let all = summary.map { [label($0), $0.name, String($0.n), String($0.never), fmt($0.mean, s), fmt($0.ciLow, s), fmt($0.ciHigh, s)] }
        sections.append(ReportSection(id: "summary", title: s.pick("All results", "全部结果"), blocks: [
            .table(ReportTable(caption: "summary.csv", header: [s.pick("Point", "参数点"), s.metric, "n", "never", s.pick("Mean", "均值"), "ci_low", "ci_high"],
                               rows: all, numericColumns: [2, 3, 4, 5, 6], collapsed: true)),
        ]))
        return ReportDocument(title: s.pick("Coevo sweep report", "Coevo 参数扫描报告"), subtitle: directoryName, strings: s,
                              header: header, sections: sections)
    }

    func fmt(_ x: Double?, _ s: ReportStrings) -> String { x.map { NumberFormat.significant($0, digits: 4) } ?? s.missing }

    func levels(_ j: Int, _ rows: [Row]) -> [String] {
        rows.reduce(into: [String]()) { if !$0.contains($1.factors[j]) { $0.append($1.factors[j]) } }
    }

    func outcomeBlocks(_ outcome: String, _ rows: [Row], id: String, _ s: ReportStrings) -> [ReportBlock] {
        let numeric = factorNames.indices.map { j in rows.allSatisfy { Double($0.factors[j]) != nil } }
        let caption = s.pick("Mean over replications; whiskers or dashed lines: 95% interval.", "各次重复的均值；误差线或虚线：95% 区间。")
        let never = rows.filter { $0.never > 0 }
        var blocks: [ReportBlock] = []
        switch factorNames.count {
        case 0:
            break
        case 1 where numeric[0]:
            let sorted = rows.sorted { Double($0.factors[0])! < Double($1.factors[0])! }
            func pts(_ v: (Row) -> Double?) -> [Point] { sorted.map { Point(Double($0.factors[0])!, v($0) ?? .nan) } }
            blocks.append(.chart(XYChart(id: id, title: "\(outcome) × \(factorNames[0])", caption: caption,
                                         x: AxisSpec(factorNames[0]), y: AxisSpec(outcome),
                                         series: [Series(name: s.pick("mean", "均值"), points: pts { $0.mean }, style: .lineAndMarkers, color: 0),
                                                  Series(name: "95%", points: pts { $0.ciLow }, style: .dashed, color: 0),
                                                  Series(name: "", points: pts { $0.ciHigh }, style: .dashed, color: 0)])))
        case 1:
            blocks.append(.chart(BarChart(id: id, title: "\(outcome) × \(factorNames[0])", caption: caption, categories: rows.map { $0.factors[0] },
                                          groups: [BarGroup(name: outcome, values: rows.map { r in r.mean.map { BarValue(estimate: $0, low: r.ciLow, high: r.ciHigh) } })],
                                          xLabel: factorNames[0], y: AxisSpec(outcome), missingLabel: s.missing)))
        case 2 where levels(0, rows).count * levels(1, rows).count == rows.count && rows.count <= 900:
            let cols = levels(0, rows), rws = levels(1, rows)
            var values = [[Double?]](repeating: [Double?](repeating: nil, count: cols.count), count: rws.count)
            for r in rows { values[rws.firstIndex(of: r.factors[1])!][cols.firstIndex(of: r.factors[0])!] = r.mean }
            blocks.append(.chart(HeatMapChart(id: id, title: "\(outcome): \(factorNames[0]) × \(factorNames[1])",
                                              caption: s.pick("Mean over replications; intervals in the table below.", "各次重复的均值；区间见下表。"),
                                              columns: cols, rows: rws, values: values, xLabel: factorNames[0], yLabel: factorNames[1], missingLabel: s.missing)))
        default:
            for (j, name) in factorNames.enumerated().prefix(6) where numeric[j] {
                blocks.append(.chart(XYChart(id: "\(id)-\(j)", title: "\(outcome) × \(name)", caption: s.pick("One marker per design point (mean over replications).", "每个设计点一个标记（各次重复的均值）。"),
                                             x: AxisSpec(name), y: AxisSpec(outcome),
                                             series: [Series(name: outcome, points: rows.map { Point(Double($0.factors[j])!, $0.mean ?? .nan) }, style: .markers, color: j)])))
            }
        }
        if !never.isEmpty {
            blocks.append(.note(s.pick("Not reached in some replications: ", "部分重复中未达到：")
                + never.prefix(8).map { "\(label($0)) (\($0.never) of \($0.n + $0.never))" }.joined(separator: "; ")))
        }
        if rows.count <= 40 {
            blocks.append(.table(ReportTable(caption: outcome, header: [s.pick("Point", "参数点"), "n", "never", s.pick("Mean", "均值"), "ci_low", "ci_high"],
                                             rows: rows.map { [label($0), String($0.n), String($0.never), fmt($0.mean, s), fmt($0.ciLow, s), fmt($0.ciHigh, s)] },
                                             numericColumns: [1, 2, 3, 4, 5])))
        }
        return blocks
    }

    func bandChart(_ metric: String, id: String, _ s: ReportStrings) -> XYChart {
        let rows = bands.filter { $0.name == metric }
        let points = rows.reduce(into: [Int]()) { if !$0.contains($1.point) { $0.append($1.point) } }.prefix(10)
        var series: [Series] = []
        for (c, p) in points.enumerated() {
            let rs = rows.filter { $0.point == p }.sorted { ($0.period ?? 0) < ($1.period ?? 0) }
            let name = rs.first.map(label) ?? "point \(p)"
            series.append(Series(name: name, points: rs.map { Point(Double($0.period ?? 0), $0.mean ?? .nan) }, style: .line, color: c))
            series.append(Series(name: "", points: rs.map { Point(Double($0.period ?? 0), $0.ciLow ?? .nan) }, style: .dashed, color: c))
            series.append(Series(name: "", points: rs.map { Point(Double($0.period ?? 0), $0.ciHigh ?? .nan) }, style: .dashed, color: c))
        }
        return XYChart(id: id, title: metric, caption: s.pick("Mean by quarter (solid) and its 95% interval (dashed), first 10 points.", "各季度均值（实线）及其 95% 区间（虚线），前 10 个点。"),
                       x: AxisSpec(s.pick("quarter", "季度")), y: AxisSpec(metric), series: series)
    }
}
