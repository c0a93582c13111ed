import Foundation

/// The output of `coevo decompose`: `shapley.csv`, `interactions.csv` and `combinations.csv`. For
/// each outcome the report shows the Shapley shares of the four levels of external economies with
/// their 95% intervals, the interactions (Möbius dividends and the synergy) and the 16 combinations.
public struct DecompositionReportSource: ReportSource {
    public static let kind = "decomposition"
    public static let markerFiles = ["shapley.csv", "interactions.csv", "combinations.csv"]

    public var directoryName: String
    /// Rows of each file as fields, header removed.
    public var shapley: [[String]]
    public var interactions: [[String]]
    public var combinations: [[String]]

    public static func load(directory: URL) throws -> DecompositionReportSource {
        func read(_ name: String, _ header: [String]) throws -> [[String]] { try CSVLines.table(directory.appendingPathComponent(name), header: header) }
        return DecompositionReportSource(
            directoryName: directory.standardizedFileURL.lastPathComponent,
            shapley: try read("shapley.csv", ["outcome", "level", "value", "ci_low", "ci_high", "share", "share_ci_low", "share_ci_high"]),
            interactions: try read("interactions.csv", ["outcome", "coalition", "dividend", "ci_low", "ci_high"]),
            combinations: try read("combinations.csv", ["outcome", "coalition", "cluster", "network", "ecosystem", "economy", "mean"]))
    }

    public func document(_ s: ReportStrings) -> ReportDocument {
        let outcomes = shapley.reduce(into: [String]()) { if !$0.contains($1[0]) { $0.append($1[0]) } }
        func fmt(_ t: String) -> String { Double(t).map { NumberFormat.significant($0, digits: 4) } ?? s.missing }
        let header: [ReportBlock] = [
            .facts([(s.pick("Directory", "目录"), directoryName), (s.pick("Outcomes", "结果指标"), outcomes.joined(separator: ", "))]),
            .paragraph(s.pick(
                "Each level of external economies (cluster, network, ecosystem, economy-wide) is switched off from quarter 0 in all 16 combinations over common seeds. The Shapley values split the total effect (all on minus all off) exactly; a coalition's dividend is its pure interaction, and the synergy is what the levels do together beyond the sum of each alone. Intervals: 95%, bootstrap over seeds.",
                "四个外部经济层次（集群、网络、生态系统、全经济）从第 0 季度起分别关闭，16 种组合使用共同随机种子。Shapley 值精确分解总效应（全开减全关）；联盟的红利为其纯交互作用，协同效应为各层次共同作用超出各自单独作用之和的部分。区间：对种子的 95% bootstrap。")),
        ]
        var sections: [ReportSection] = []
        for (n, outcome) in outcomes.enumerated() {
            let rows = shapley.filter { $0[0] == outcome }
            var blocks: [ReportBlock] = [.chart(BarChart(
                id: "d\(n)", title: "\(outcome): " + s.pick("Shapley shares of the total effect", "Shapley 份额"),
                caption: s.pick("Whiskers: 95% bootstrap interval over seeds.", "误差线：对种子的 95% bootstrap 区间。"),
                categories: rows.map { $0[1] },
                groups: [BarGroup(name: s.pick("share", "份额"), values: rows.map { r in Double(r[5]).map { BarValue(estimate: $0, low: Double(r[6]), high: Double(r[7])) } })],
                xLabel: s.pick("level", "层次"), y: AxisSpec(s.pick("share of the total effect", "占总效应份额")), missingLabel: s.missing))]
            blocks.append(.table(ReportTable(caption: s.pick("Shapley values", "Shapley 值"), header: [s.pick("Level", "层次"), s.pick("Value", "值"), "ci_low", "ci_high", s.pick("Share", "份额"), "ci_low", "ci_high"],
                                             rows: rows.map { [$0[1]] + $0[2...7].map(fmt) }, numericColumns: Set(1...6))))
            blocks.append(.table(ReportTable(caption: s.pick("Interactions (Möbius dividends) and synergy", "交互作用（Möbius 红利）与协同效应"),
                                             header: [s.pick("Coalition", "联盟"), s.pick("Dividend", "红利"), "ci_low", "ci_high"],
                                             rows: interactions.filter { $0[0] == outcome }.map { [$0[1]] + $0[2...4].map(fmt) }, numericColumns: [1, 2, 3])))
            blocks.append(.table(ReportTable(caption: s.pick("The 16 combinations (seed means)", "16 种组合（种子均值）"),
                                             header: [s.pick("Levels on", "开启的层次"), s.pick("Mean", "均值")],
                                             rows: combinations.filter { $0[0] == outcome }.map { [$0[1], fmt($0[6])] }, numericColumns: [1], collapsed: true)))
            sections.append(ReportSection(id: "outcome-\(n)", title: outcome, blocks: blocks))
        }
        return ReportDocument(title: s.pick("Coevo decomposition report", "Coevo 外部经济分解报告"), subtitle: directoryName, strings: s,
                              header: header, sections: sections)
    }
}
