import Foundation

/// Builds the sections and charts of a run report from the run's series and summary.
/// Missing metrics never fail: a chart with none of its metrics shows "not available in this
/// run", a chart with some of them names the missing ones in its caption.
struct RunCharts {
    let series: SeriesTable
    let summary: RunSummary
    let sizes: SizeDistribution?
    let s: ReportStrings

    static let adoption = ["adoption.retail", "adoption.b2b", "adoption.live", "adoption.xborder",
                           "adoption.design", "adoption.make", "adoption.iinet", "adoption.eco"]
    static let costComponents = ["cost.production", "cost.logistics", "cost.finance", "cost.transaction",
                                 "cost.fees", "cost.inventory", "cost.fixed"]
    static let sources = ["source.factor_prices", "source.productivity", "source.input_sharing", "source.logistics",
                          "source.finance", "source.transaction", "source.fees", "source.inventory", "source.fixed"]
    static let levels = ["externality.cluster", "externality.network", "externality.ecosystem", "externality.economy",
                         "internal.learning", "selection", "other"]
    static let fallParts = ["fall.within", "fall.reallocation", "fall.entry", "fall.exit"]
    static let networkShares = ["network.density", "network.giant", "network.crosscluster", "network.crossregion", "adoption.eco"]
    static let networkCounts = ["ecosystems.count", "superclusters", "superclusters.crossregion", "virtualclusters"]

    func sections() -> [ReportSection] {
        [
            ReportSection(id: "stages", title: s.secStages, blocks: [.chart(stageTimeline())]),
            ReportSection(id: "adoption", title: s.secAdoption, blocks: [.chart(lines(
                id: "chart-adoption", title: s.titleAdoption, caption: s.capAdoption, metrics: Self.adoption,
                y: AxisSpec(s.shareOfFirms, unit: s.unitShare, domain: 0...1)))]),
            ReportSection(id: "villages", title: s.secVillages, blocks: [.chart(villages())]),
            ReportSection(id: "cost", title: s.secCost, blocks: [
                .chart(costLevels()),
                .chart(stacked(id: "chart-cost-source", title: s.titleSource, caption: s.capSource,
                               components: Self.sources, total: "fall.within")),
                .chart(stacked(id: "chart-cost-level", title: s.titleLevel, caption: s.capLevel,
                               components: Self.levels, total: nil)),
                .chart(stacked(id: "chart-cost-fall", title: s.titleFall, caption: s.capFall,
                               components: Self.fallParts, total: nil)),
            ]),
            ReportSection(id: "elasticity", title: s.secElasticity, blocks: [.chart(elasticity())]),
            ReportSection(id: "logistics", title: s.secLogistics, blocks: [.chart(logistics())]),
            ReportSection(id: "credit", title: s.secCredit, blocks: [
                .chart(lines(id: "chart-credit-rates", title: s.titleCreditRates, caption: s.capCreditRates,
                             metrics: ["credit.rate.small", "credit.rate.mean"],
                             y: AxisSpec(s.loanRate, unit: s.unitRate, includeZero: true))),
                .chart(lines(id: "chart-credit-constrained", title: s.titleCreditConstrained, caption: s.capCreditConstrained,
                             metrics: ["credit.constrained"], y: AxisSpec(s.share, unit: s.unitShare, domain: 0...1))),
            ]),
            ReportSection(id: "network", title: s.secNetwork, blocks: [
                .chart(lines(id: "chart-network-shares", title: s.titleNetworkShares, caption: s.capNetworkShares,
                             metrics: Self.networkShares, y: AxisSpec(s.share, unit: s.unitShare, domain: 0...1))),
                .chart(lines(id: "chart-network-counts", title: s.titleNetworkCounts, caption: s.capNetworkCounts,
                             metrics: Self.networkCounts, y: AxisSpec(s.count, unit: s.unitCount, includeZero: true))),
            ]),
            ReportSection(id: "sizes", title: s.secSizes, blocks: sizeBlocks()),
        ]
    }

    var quarterAxis: AxisSpec { AxisSpec(s.quarterAxis, unit: s.period) }

    /// (present series, missing metric names) for `metrics`, in order.
    func collect(_ metrics: [String], style: SeriesStyle = .line) -> ([Series], [String]) {
        var present: [Series] = [], missing: [String] = []
        for (i, m) in metrics.enumerated() {
            if let pts = series.points(m) {
                present.append(Series(name: MetricLabels.label(m, s.lang), points: pts, style: style, color: i))
            } else { missing.append(m) }
        }
        return (present, missing)
    }

    func caption(_ base: String, missing: [String], all: [String]) -> String {
        missing.isEmpty || missing.count == all.count ? base : base + s.partlyMissing(missing)
    }

    func lines(id: String, title: String, caption base: String, metrics: [String], y: AxisSpec) -> XYChart {
        let (present, missing) = collect(metrics)
        return XYChart(id: id, title: title, caption: caption(base, missing: missing, all: metrics), x: quarterAxis, y: y,
                       series: present, emptyNote: s.notAvailable(missing))
    }

    // MARK: Stages

    /// Runs of equal stage values as spans [first, last + 1) labelled by stage name.
    func stageSpans(_ metric: String) -> [Span] {
        guard let pts = series.points(metric) else { return [] }
        var spans: [Span] = []
        var current: (stage: Int, from: Double, to: Double)? = nil
        for p in pts {
            guard p.y.isFinite else {
                if let c = current { spans.append(span(c)); current = nil }
                continue
            }
            let k = min(4, max(0, Int(p.y.rounded())))
            if let c = current, c.stage == k, c.to == p.x {
                current = (k, c.from, p.x + 1)
            } else {
                if let c = current { spans.append(span(c)) }
                current = (k, p.x, p.x + 1)
            }
        }
        if let c = current { spans.append(span(c)) }
        return spans
    }

    private func span(_ c: (stage: Int, from: Double, to: Double)) -> Span {
        Span(from: c.from, to: c.to, label: s.stageName(c.stage), color: c.stage)
    }

    func stageTimeline() -> XYChart {
        let metrics = ["ccd.U1", "ccd.U2", "ccd.D"]
        var (present, missing) = collect(metrics)
        if let i = present.firstIndex(where: { $0.name == MetricLabels.label("ccd.D", s.lang) }) {
            present[i].color = 9
        }
        var lanes: [SpanLane] = []
        var laneMissing: [String] = []
        for (metric, label) in [("stage", s.laneStage), ("stage.ccd", s.laneStageCCD)] {
            if series.has(metric) { lanes.append(SpanLane(label: label, spans: stageSpans(metric))) } else { laneMissing.append(metric) }
        }
        let bands = (0..<10).map { g in
            HorizontalBand(from: Double(g) / 10, to: Double(g + 1) / 10, label: s.gradeName(g))
        }
        return XYChart(id: "chart-stages", title: s.titleStages,
                       caption: caption(s.capStages, missing: missing + laneMissing, all: metrics + ["stage", "stage.ccd"]),
                       x: quarterAxis, y: AxisSpec(s.indexValue, unit: s.unitIndex, domain: 0...1),
                       series: present, lanes: lanes, bands: bands, emptyNote: s.notAvailable(missing))
    }

    // MARK: Villages

    func villages() -> XYChart {
        let metric = "villages.ecommerce"
        let pts = series.points(metric)
        let y = AxisSpec(s.villages, unit: s.unitCount, includeZero: true)
        let note = s.notAvailable([metric])
        guard let start = summary.calendarStartYear, let scale = summary.villageScale, start.isFinite, scale.isFinite else {
            let model = pts.map { [Series(name: s.modelVillages, points: $0)] } ?? []
            return XYChart(id: "chart-villages", title: s.titleVillages, caption: s.capVillagesNoMapping, x: quarterAxis,
                           y: y, series: model, emptyNote: note)
        }
        var shown: [Series] = []
        if let pts {
            shown.append(Series(name: s.modelScaled, points: pts.map { Point(start + $0.x / 4, $0.y * scale) }, color: 0))
        }
        shown.append(Series(name: s.taobaoVillages,
                            points: RealData.taobaoVillages.map { Point(Double($0.year), $0.count) },
                            style: .markers, color: 2))
        let cap = s.capVillages(startYear: start, scale: scale) + (pts == nil ? s.partlyMissing([metric]) : "")
        return XYChart(id: "chart-villages", title: s.titleVillages, caption: cap, x: AxisSpec(s.yearAxis),
                       y: y, series: shown, emptyNote: note)
    }

    // MARK: Cost

    func area(_ components: [String]) -> (StackedArea, [String]) {
        var comps: [StackedArea.Component] = [], missing: [String] = []
        for m in components {
            if series.has(m) {
                comps.append(.init(name: MetricLabels.label(m, s.lang), values: series.column(m)))
            } else { missing.append(m) }
        }
        return (StackedArea(xs: series.periods.map(Double.init), components: comps), missing)
    }

    func costLevels() -> XYChart {
        var (a, missing) = area(Self.costComponents)
        let average = collect(["cost.average"])
        var lines = average.0
        if !lines.isEmpty { lines[0].color = 9 }
        missing += average.1
        let all = Self.costComponents + ["cost.average"]
        return XYChart(id: "chart-cost", title: s.titleCost, caption: caption(s.capCost, missing: missing, all: all),
                       x: quarterAxis, y: AxisSpec(s.averageCost, unit: s.unitCostPerUnit, includeZero: true),
                       series: lines, area: a.components.isEmpty ? nil : a, emptyNote: s.notAvailable(missing))
    }

    /// The total fall since the first period, from `cost.average`.
    func totalFall() -> Series? {
        guard let pts = series.points("cost.average"), let first = pts.first(where: { $0.y.isFinite }) else { return nil }
        return Series(name: s.netFall, points: pts.map { Point($0.x, first.y - $0.y) }, color: 9)
    }

    func stacked(id: String, title: String, caption base: String, components: [String], total: String?) -> XYChart {
        var (a, missing) = area(components)
        var lines: [Series] = []
        if let total, let pts = series.points(total) {
            lines.append(Series(name: MetricLabels.label(total, s.lang) + " (" + s.netFall + ")", points: pts, color: 9))
        } else if total == nil, let fall = totalFall() {
            lines.append(fall)
        } else {
            a.netName = s.netFall
        }
        return XYChart(id: id, title: title, caption: caption(base, missing: missing, all: components),
                       x: quarterAxis, y: AxisSpec(s.costFall, unit: s.unitCostPerUnit, includeZero: true),
                       series: a.components.isEmpty ? [] : lines, area: a.components.isEmpty ? nil : a,
                       emptyNote: s.notAvailable(missing))
    }

    // MARK: Elasticity

    func elasticity() -> BarChart {
        func group(_ name: String, _ table: [String: IntervalEstimate?]?) -> BarGroup {
            BarGroup(name: name, values: (1...4).map { k -> BarValue? in
                guard let entry = table?[String(k)], let e = entry, let est = e.estimate else { return nil }
                return BarValue(estimate: est, low: e.ciLow, high: e.ciHigh)
            })
        }
        var missing: [String] = []
        if summary.elasticityByStage == nil { missing.append("elasticity_by_stage") }
        if summary.elasticityClusterByStage == nil { missing.append("elasticity_cluster_by_stage") }
        let cap = missing.isEmpty || missing.count == 2 ? s.capElasticity : s.capElasticity + s.partlyMissing(missing)
        return BarChart(id: "chart-elasticity", title: s.titleElasticity, caption: cap,
                        categories: (1...4).map { s.stageName($0) },
                        groups: [group(s.reachableOutput, summary.elasticityByStage),
                                 group(s.clusterOutput, summary.elasticityClusterByStage)],
                        xLabel: s.stageAxis, y: AxisSpec(s.elasticity, unit: s.elasticityUnit),
                        missingLabel: s.missing, emptyNote: s.notAvailable(missing.isEmpty ? [] : missing))
    }

    // MARK: Logistics

    func logistics() -> XYChart {
        let x = AxisSpec(s.onlineVolume, unit: s.unitVolume, scale: .log)
        let y = AxisSpec(s.logisticsCost, unit: s.unitLogisticsCost, scale: .log)
        let missing = ["online.volume", "logistics.cost"].filter { !series.has($0) }
        guard missing.isEmpty else {
            return XYChart(id: "chart-logistics", title: s.titleLogistics, caption: s.capLogistics(slope: nil), x: x, y: y,
                           emptyNote: s.notAvailable(missing))
        }
        let points = series.periods.map { Point(series.value("online.volume", period: $0) ?? .nan,
                                                series.value("logistics.cost", period: $0) ?? .nan) }
        var shown = [Series(name: MetricLabels.label("logistics.cost", s.lang), points: points, style: .markers, color: 0)]
        let fit = LogLogFit(points)
        if let fit {
            let xs = points.map(\.x).filter { $0.isFinite && $0 > 0 }
            if let lo = xs.min(), let hi = xs.max() {
                shown.append(Series(name: "\(s.fitLine), \(NumberFormat.significant(fit.slope, digits: 3))",
                                    points: [Point(lo, fit.predict(lo)), Point(hi, fit.predict(hi))], color: 2))
            }
        }
        return XYChart(id: "chart-logistics", title: s.titleLogistics, caption: s.capLogistics(slope: fit?.slope),
                       x: x, y: y, series: shown, emptyNote: s.notAvailable)
    }

    // MARK: Sizes

    func sizeBlocks() -> [ReportBlock] {
        guard let sizes else { return [.note(s.sizesMissing)] }
        let hill = summary.final?["size.hill"] ?? nil
        return [.chart(XYChart(
            id: "chart-sizes", title: s.titleSizes, caption: s.capSizes(n: sizes.positiveCount, hill: hill),
            x: AxisSpec(s.onlineRevenue, unit: s.unitRevenue, scale: .log),
            y: AxisSpec(s.ccdf, unit: s.unitShare, scale: .log),
            series: [Series(name: s.ccdfSeries, points: sizes.ccdf(), style: .line, color: 0)],
            emptyNote: s.sizesEmpty))]
    }
}
