import Foundation

/// The output of `coevo sensitivity`: `indices.csv` and `convergence.csv`, with `noise.csv` when
/// present. For each outcome the report shows the indices as bars with their 95% bootstrap
/// intervals (S1 beside ST for Sobol, μ* for Morris, sorted like a tornado chart), how the
/// estimates settle as the design grows, and the share of the outcome's variance that is seed noise.
public struct SensitivityReportSource: ReportSource {
    public static let kind = "sensitivity"
    public static let markerFiles = ["indices.csv", "convergence.csv"]

    public struct Row: Sendable {
        public var outcome: String
        public var factor: String
        public var index: String
        public var base: Int?
        public var estimate: Double
        public var low: Double?
        public var high: Double?
    }

    public var directoryName: String
    public var indices: [Row]
    public var convergence: [Row]
    /// outcome → (replications, noise share)
    public var noise: [(outcome: String, replications: String, share: String)]

    public static func load(directory: URL) throws -> SensitivityReportSource {
        let indices = try read(directory.appendingPathComponent("indices.csv"), base: false)
        let convergence = try read(directory.appendingPathComponent("convergence.csv"), base: true)
        var noise: [(outcome: String, replications: String, share: String)] = []
        let noiseURL = directory.appendingPathComponent("noise.csv")
        if FileManager.default.fileExists(atPath: noiseURL.path) {
            for f in try CSVLines.table(noiseURL, header: ["outcome", "replications", "noise_variance", "signal_variance", "noise_share"]) {
                noise.append((f[0], f[1], f[4]))
            }
        }
        return SensitivityReportSource(directoryName: directory.standardizedFileURL.lastPathComponent, indices: indices,
                                       convergence: convergence, noise: noise)
    }

    static func read(_ url: URL, base: Bool) throws -> [Row] {
        let header = ["outcome", "factor", "index"] + (base ? ["base"] : []) + ["estimate", "ci_low", "ci_high"]
        let lines = try CSVLines.read(url)
        guard lines.first?.fields == header else {
            throw ReportError.file(url.path, "expected the header \(header.joined(separator: ",")), found \(lines.first.map { $0.fields.joined(separator: ",") } ?? "an empty file")")
        }
        var rows: [Row] = []
        for (line, f) in lines.dropFirst() {
            guard f.count == header.count else { throw ReportError.file(url.path, "line \(line): expected \(header.count) fields, found \(f.count)") }
            let o = base ? 1 : 0
            guard let estimate = CSVLines.number(f[3 + o]) else { throw ReportError.file(url.path, "line \(line), column estimate: expected a number, found '\(f[3 + o])'") }
            rows.append(Row(outcome: f[0], factor: f[1], index: f[2], base: base ? Int(f[3]) : nil, estimate: estimate,
                            low: CSVLines.number(f[4 + o]), high: CSVLines.number(f[5 + o])))
        }
        return rows
    }

    public func document(_ s: ReportStrings) -> ReportDocument {
        let outcomes = indices.reduce(into: [String]()) { if !$0.contains($1.outcome) { $0.append($1.outcome) } }
        let sobol = indices.contains { $0.index == "ST" }
        let factors = indices.reduce(into: [String]()) { if $1.index != "S2", !$0.contains($1.factor) { $0.append($1.factor) } }
        var facts: [(String, String)] = [
            (s.pick("Directory", "目录"), directoryName),
            (s.pick("Method", "方法"), sobol ? s.pick("Sobol indices (Saltelli design; S1: Saltelli 2010, ST: Jansen)", "Sobol 指数（Saltelli 设计）")
                                             : s.pick("Morris elementary effects", "Morris 基本效应")),
            (s.pick("Factors", "因素"), factors.joined(separator: ", ")),
            (s.pick("Outcomes", "结果指标"), outcomes.joined(separator: ", ")),
        ]
        for n in noise {
            facts.append((s.pick("Seed noise share of \(n.outcome)", "\(n.outcome) 的随机种子噪声占比"),
                          n.share.isEmpty ? s.pick("not estimable (1 replication)", "无法估计（1 次重复）")
                                          : "\(NumberFormat.significant(Double(n.share) ?? .nan, digits: 3)) (\(n.replications) \(s.pick("replications per row", "次重复/行")))"))
        }
        let header: [ReportBlock] = [.facts(facts), .paragraph(s.pick(
            "Indices are computed on each design row's replication means, with every product of two rows' means replaced by its unbiased estimate, so seed noise neither inflates nor deflates them; whiskers are 95% bootstrap intervals over the design's base rows.",
            "指数按每个设计行的重复均值计算，并对两行均值的乘积做无偏校正，因而随机种子噪声不会使其偏高或偏低；误差线为对设计基础行的 95% bootstrap 区间。"))]
        var sections: [ReportSection] = []
        for (n, outcome) in outcomes.enumerated() {
            let rows = indices.filter { $0.outcome == outcome }
            var blocks: [ReportBlock] = []
            let key = sobol ? "ST" : "mu_star"
            let order = factors.sorted { a, b in
                (rows.first { $0.factor == a && $0.index == key }?.estimate ?? 0) > (rows.first { $0.factor == b && $0.index == key }?.estimate ?? 0)
            }
            func bars(_ index: String) -> BarGroup {
                BarGroup(name: index, values: order.map { f in rows.first { $0.factor == f && $0.index == index }.map { BarValue(estimate: $0.estimate, low: $0.low, high: $0.high) } })
            }
            let groups = sobol ? [bars("S1"), bars("ST")] : [bars("mu_star")]
            blocks.append(.chart(BarChart(id: "s\(n)", title: "\(outcome): " + (sobol ? "S1 and ST" : "μ*"),
                                          caption: s.pick("Factors in order of \(sobol ? "ST" : "μ*"); whiskers: 95% bootstrap interval.", "按 \(sobol ? "ST" : "μ*") 排序；误差线：95% bootstrap 区间。"),
                                          categories: order, groups: groups, xLabel: s.pick("factor", "因素"),
                                          y: AxisSpec(sobol ? s.pick("index", "指数") : "μ*"), missingLabel: s.missing)))
            // Convergence: the headline index of each factor against the base size.
            let conv = convergence.filter { $0.outcome == outcome && $0.index == key }
            if Set(conv.compactMap(\.base)).count > 1 {
                let series = factors.enumerated().map { c, f in
                    Series(name: f, points: conv.filter { $0.factor == f }.map { Point(Double($0.base ?? 0), $0.estimate) }, style: .lineAndMarkers, color: c)
                }
                blocks.append(.chart(XYChart(id: "c\(n)", title: "\(outcome): \(sobol ? "ST" : "μ*") " + s.pick("against the design size", "随设计规模的变化"),
                                             caption: s.pick("The same runs, using the first M base rows (Sobol) or trajectories (Morris); intervals in convergence.csv.",
                                                             "同一批运行，仅用前 M 个基础行（Sobol）或轨迹（Morris）；区间见 convergence.csv。"),
                                             x: AxisSpec(sobol ? s.pick("base sample size N", "基础样本量 N") : s.pick("trajectories", "轨迹数"), scale: .log),
                                             y: AxisSpec(sobol ? "ST" : "μ*"), series: series)))
            }
            blocks.append(.table(ReportTable(caption: outcome, header: [s.pick("Factor", "因素"), s.pick("Index", "指数"), s.pick("Estimate", "估计"), "ci_low", "ci_high"],
                                             rows: rows.map { [$0.factor, $0.index, fmt($0.estimate, s), fmt($0.low, s), fmt($0.high, s)] },
                                             numericColumns: [2, 3, 4])))
            sections.append(ReportSection(id: "outcome-\(n)", title: outcome, blocks: blocks))
        }
        return ReportDocument(title: s.pick("Coevo sensitivity report", "Coevo 敏感性分析报告"), subtitle: directoryName, strings: s,
                              header: header, sections: sections)
    }

    func fmt(_ x: Double?, _ s: ReportStrings) -> String { x.map { NumberFormat.significant($0, digits: 4) } ?? s.missing }
}
