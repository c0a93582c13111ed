import Foundation
import Testing
@testable import CoevoReport

struct RunReportTests {
    static let chartIDs = ["chart-stages", "chart-adoption", "chart-villages", "chart-cost", "chart-cost-source",
                           "chart-cost-level", "chart-cost-fall", "chart-elasticity", "chart-logistics",
                           "chart-credit-rates", "chart-credit-constrained", "chart-network-shares",
                           "chart-network-counts", "chart-sizes"]

    func checkPage(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(SVGChecks.externalReferences(html).isEmpty, "\(SVGChecks.externalReferences(html).prefix(5))",
                sourceLocation: sourceLocation)
        let svgs = SVGChecks.svgFragments(html)
        #expect(!svgs.isEmpty, sourceLocation: sourceLocation)
        for svg in svgs {
            #expect(SVGChecks.parseError(svg) == nil, "\(svg.prefix(120))", sourceLocation: sourceLocation)
            #expect(SVGChecks.badNumbers(svg).isEmpty, "\(SVGChecks.badNumbers(svg).prefix(3))", sourceLocation: sourceLocation)
        }
    }

    @Test func fullRunHasAllChartsAndWritesAtomically() throws {
        let dir = SyntheticRun.tempDirectory("full")
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticRun().write(to: dir)
        let url = try ReportBuilder.runReport(directory: dir, lang: .en)
        #expect(url.lastPathComponent == "report.html")
        let html = try String(contentsOf: url, encoding: .utf8)
        for id in Self.chartIDs { #expect(html.contains("id=\"\(id)\""), "\(id)") }
        #expect(SVGChecks.svgFragments(html).count == Self.chartIDs.count)
        #expect(!html.contains("not available in this run"))
        checkPage(html)
        // Header: scenario, seed (exact 64-bit), stage entry table, final metrics with grade.
        #expect(html.contains("baseline") && html.contains("18446744073709551615"))
        #expect(html.contains("1 start-up") && html.contains("4 maturity") && html.contains("not reached"))
        #expect(html.contains("0.634 (primary coordination)"))
        // Real Taobao villages are shown since the summary maps the calendar.
        #expect(html.contains("Taobao villages (AliResearch)"))
        // No temporary file left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        // Same input → same bytes.
        #expect(try ReportBuilder.html(directory: dir, lang: .en) == html)
    }

    @Test func documentModelListsEveryChart() throws {
        let dir = SyntheticRun.tempDirectory("doc")
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticRun().write(to: dir)
        let doc = try ReportBuilder.document(directory: dir)
        #expect(doc.charts.map(\.id) == Self.chartIDs)
        #expect(doc.charts.allSatisfy { !$0.caption.isEmpty && !$0.title.isEmpty })
    }

    @Test func missingMetricsAndFilesAreNotedNotFatal() throws {
        let dir = SyntheticRun.tempDirectory("missing")
        defer { try? FileManager.default.removeItem(at: dir) }
        var run = SyntheticRun()
        run.omit = Set(RunCharts.adoption + ["ccd.U1", "ccd.U2", "ccd.D", "online.volume", "cost.fees", "credit.constrained"]
                       + RunCharts.levels)
        run.withSizes = false
        run.withElasticity = false
        run.calendar = nil
        try run.write(to: dir)
        let html = try ReportBuilder.html(directory: dir, lang: .en)
        checkPage(html)
        #expect(html.contains("not available in this run: adoption.retail, adoption.b2b"))
        #expect(html.contains("not available in this run: ccd.U1, ccd.U2, ccd.D"))
        #expect(html.contains("not available in this run: online.volume"))
        #expect(html.contains("not available in this run: credit.constrained"))
        #expect(html.contains("not available in this run: elasticity_by_stage, elasticity_cluster_by_stage"))
        #expect(html.contains("not available in this run: externality.cluster"))
        // Partly missing: the chart is drawn and its caption names what is absent.
        #expect(html.contains("Not available in this run: cost.fees."))
        #expect(html.contains("sizes.csv is not in the run directory"))
        #expect(!html.contains("id=\"chart-sizes\""))
        #expect(html.contains("no calendar_start_year and village_scale"))
        #expect(!html.contains("Taobao villages (AliResearch)"))
        // Stage strips still drawn from `stage` and `stage.ccd`.
        #expect(html.contains(">stage.ccd<"))
    }

    @Test func chineseLabels() throws {
        let dir = SyntheticRun.tempDirectory("zh")
        defer { try? FileManager.default.removeItem(at: dir) }
        try SyntheticRun().write(to: dir)
        let url = try ReportBuilder.runReport(directory: dir, lang: .zh)
        let html = try String(contentsOf: url, encoding: .utf8)
        checkPage(html)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        for name in ["起步", "发展", "拓展", "成熟"] { #expect(html.contains(name), "\(name)") }
        for grade in ["极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调", "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调"] {
            #expect(html.contains(grade), "\(grade)")
        }
        #expect(html.contains("淘宝村（阿里研究院）") && html.contains("季度"))
        #expect(!html.contains("Adoption curves by channel"))
        for id in Self.chartIDs { #expect(html.contains("id=\"\(id)\"")) }
    }

    /// The page checks themselves must be able to fail.
    @Test func checkersDetectProblems() {
        #expect(!SVGChecks.externalReferences("<img src=\"http://x/y.png\">").isEmpty)
        #expect(!SVGChecks.externalReferences("<script>alert(1)</script>").isEmpty)
        #expect(!SVGChecks.externalReferences("<style>a { background: url(https://x/y.png) }</style>").isEmpty)
        #expect(!SVGChecks.externalReferences("<a href=\"https://example.com\">x</a>").isEmpty)
        #expect(SVGChecks.externalReferences("<a href=\"#cost\">x</a><g clip-path=\"url(#c)\"/>").isEmpty)
        #expect(SVGChecks.parseError("<svg><g></svg>") != nil)
        #expect(SVGChecks.parseError("<svg><text>a & b</text></svg>") != nil)
        #expect(!SVGChecks.badNumbers("<svg><rect x=\"nan\" y=\"1\"/></svg>").isEmpty)
        #expect(!SVGChecks.badNumbers("<svg><path d=\"M0 0L1 inf\"/></svg>").isEmpty)
        #expect(SVGChecks.svgFragments("a<svg x=\"1\"></svg>b<svg y=\"2\"></svg>").count == 2)
    }

    @Test func stageSpansFollowTheSeries() {
        let table = SeriesTable(values: ["stage": [0: 0, 1: 1, 2: 1, 3: .nan, 4: 2, 5: 2, 6: 4]])
        let summary = RunSummary.testValue
        let charts = RunCharts(series: table, summary: summary, sizes: nil, s: ReportStrings(.en))
        let spans = charts.stageSpans("stage")
        #expect(spans.map(\.from) == [0, 1, 4, 6])
        #expect(spans.map(\.to) == [1, 3, 6, 7])
        #expect(spans.map(\.color) == [0, 1, 2, 4])
        #expect(spans[1].label == "1 start-up")
    }

    @Test func coordinationGrades() {
        #expect(ReportStrings.gradeIndex(0) == 0)
        #expect(ReportStrings.gradeIndex(0.1) == 0)        // (0, 0.1]
        #expect(ReportStrings.gradeIndex(0.1000001) == 1)
        #expect(ReportStrings.gradeIndex(0.55) == 5)
        #expect(ReportStrings.gradeIndex(1) == 9)
        #expect(ReportStrings.gradeIndex(.nan) == nil)
        #expect(ReportStrings(.zh).gradeName(5) == "勉强协调")
        #expect(ReportStrings(.en).gradeName(9) == "high-quality coordination")
    }

    @Test func everyInterfaceMetricHasLabels() {
        for m in SyntheticRun.allMetrics {
            #expect(MetricLabels.knownMetrics.contains(m), "\(m)")
            #expect(MetricLabels.label(m, .zh) != m, "\(m)")
        }
    }

    @Test func directoryErrors() throws {
        let dir = SyntheticRun.tempDirectory("errors")
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: ReportError.self) { try ReportBuilder.runReport(directory: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        do {
            _ = try ReportBuilder.runReport(directory: dir)
            Issue.record("expected an error for an empty directory")
        } catch let e as ReportError {
            #expect(e.description.contains("series.csv + summary.json"))
            #expect(!e.description.contains("\n"))
        }
        var run = SyntheticRun()
        run.extraRows = ["7,adoption.retail,0.5"]   // duplicate of an existing row
        try run.write(to: dir)
        do {
            _ = try ReportBuilder.runReport(directory: dir)
            Issue.record("expected a duplicate-row error")
        } catch let e as ReportError {
            let line = 2 + run.periods * SyntheticRun.allMetrics.count
            #expect(e.description.contains("series.csv line \(line)"), "\(e.description)")
            #expect(e.description.contains("period 7, metric 'adoption.retail'"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.html").path))
    }
}

extension RunSummary {
    static var testValue: RunSummary {
        try! JSONDecoder().decode(RunSummary.self, from: Data(#"{"scenario":"s","seed":1,"periods":8,"firms":10}"#.utf8))
    }
}
