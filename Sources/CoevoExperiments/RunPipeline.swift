// One run from scenario to files (INTERFACE.md "Output of coevo run"): simulate, stream every
// quarter's series and events into the store, estimate the external-economies elasticity by stage
// on the firm panel (MODEL.md §4 "Econometrics"), and publish run.sqlite, series.csv and
// summary.json atomically. Shared by the CLI, sweeps and the web server.

import CoevoMeasure
import CoevoModel
import CoevoStore
import Foundation

public enum RunPipeline {
    public static let version = "0.1.0"

    /// Runs of at least this many initial firms use every core by default (`coevo run --threads`).
    public static let manyFirms = 100_000

    /// `coevo run`'s default thread count: every core from `manyFirms` initial firms, else one.
    public static func defaultThreads(firms: Int) -> Int {
        firms >= manyFirms ? ProcessInfo.processInfo.activeProcessorCount : 1
    }

    /// Runs `scenario` with `seed` into `directory`. On any error the directory holds nothing that
    /// looks complete. `progress` sees every observation. Every output (`run.sqlite`,
    /// `series.csv`, `summary.json`, `sizes.csv`, and whatever `stage` writes into the staging
    /// directory it receives, e.g. `report.html`) is published together by ``RunWriter``, after any
    /// earlier run's files are removed. `threads` splits the simulation's per-firm passes
    /// (same bits for every value).
    @discardableResult
    public static func execute(scenario: Scenario, seed: UInt64, directory: URL, panel: Bool, threads: Int = 1,
                               stage: (URL) throws -> Void = { _ in },
                               progress: (Observation, Model) -> Void = { _, _ in }) throws -> RunSummary {
        let p = scenario.parameters
        let info = RunInfo(scenario: scenario.name, seed: seed, firms: p.firms, periods: p.periods,
                           version: version, parametersJSON: parametersJSON(p))
        let writer = try RunWriter(directory: directory, info: info, panel: panel)
        // The store's rows are written on a serial queue beside the simulation (in period order,
        // as before); the writer is used here again only after `store.finish()` has waited for it.
        let store = StoreQueue(writer)
        var matrices = MatrixForecast(periods: p.periods, enabled: threads == 1 && p.firms < manyFirms)
        do {
            let result = Simulation.run(parameters: p, seed: seed, panelCosts: panel, threads: threads, recordBeside: true) { o, model in
                matrices.observe(o, firms: model.firms.count)
                if o.period == p.periods - 1 {
                    let firms = model.firms
                    store.keepSizes(ids: Array(firms.id), onlineRevenue: Array(firms.revenueOnline))
                }
                store.record(o)
                progress(o, model)
            }
            let sizes = try store.finish()
            if panel { try writer.recordPanel(panelRows(result.panel)) }
            let summary = summarize(scenario: scenario, seed: seed, result: result, workspace: matrices.workspace?.wait())
            try writer.finish(summary: summary) { staging in
                // The final quarter's online revenue by firm (the report's firm-size CCDF).
                try atomicWrite(data: Data(sizes.utf8), to: staging.appendingPathComponent("sizes.csv"))
                try stage(staging)
            }
            return summary
        } catch {
            _ = try? store.finish()
            writer.abandon()
            throw error
        }
    }

    /// `sizes.csv`: online revenue of every online seller in the final quarter (header `firm,online_revenue`).
    static func sizesCSV(ids: [UInt32], onlineRevenue: [Double]) -> String {
        var out = "firm,online_revenue\n"
        for s in ids.indices where onlineRevenue[s] > 0 { out += "\(ids[s]),\(onlineRevenue[s])\n" }
        return out
    }

    /// The run's per-quarter store writes, on a serial queue of their own so that the simulation
    /// need not wait for them: rows go to the writer in period order, the first error stops the
    /// recording and is rethrown by `finish`, which waits for every queued write.
    final class StoreQueue: @unchecked Sendable {
        private let writer: RunWriter
        private let queue = DispatchQueue(label: "coevo.run.store")
        private var failure: Error?
        private var sizes = ""

        init(_ writer: RunWriter) { self.writer = writer }

        func record(_ o: Observation) {
            queue.async { [self] in
                guard failure == nil else { return }
                do {
                    try writer.recordPeriod(o.period, series: RunPipeline.seriesValues(o))
                    for e in o.events { try writer.recordEvent(RunEvent(period: o.period, kind: e.kind, detail: e.detail)) }
                } catch { failure = error }
            }
        }

        func keepSizes(ids: [UInt32], onlineRevenue: [Double]) {
            queue.async { [self] in sizes = RunPipeline.sizesCSV(ids: ids, onlineRevenue: onlineRevenue) }
        }

        /// Waits for the queued writes; the sizes table, or the first error.
        func finish() throws -> String {
            try queue.sync {
                if let failure { throw failure }
                return sizes
            }
        }
    }

    /// Every observation as store rows: the "all" unit, then regions, then clusters.
    public static func seriesValues(_ o: Observation) -> [SeriesValue] {
        var rows: [SeriesValue] = []
        rows.reserveCapacity(Observer.metrics.count + o.regions.count * Observer.regionMetrics.count + o.clusters.count * Observer.clusterMetrics.count)
        for (i, name) in Observer.metrics.enumerated() { rows.append(SeriesValue(unit: "all", metric: name, value: o.all[i])) }
        for (r, values) in o.regions.enumerated() {
            for (i, name) in Observer.regionMetrics.enumerated() { rows.append(SeriesValue(unit: "region:\(r)", metric: name, value: values[i])) }
        }
        for (k, values) in o.clusters.enumerated() {
            for (i, name) in Observer.clusterMetrics.enumerated() { rows.append(SeriesValue(unit: "cluster:\(k)", metric: name, value: values[i])) }
        }
        return rows
    }

    /// When the regression's matrices can be made ready beside the simulation: `lead` quarters
    /// before its end (in a 20,000-firm run about 0.15 s, more than the 0.1 s the two matrices'
    /// first writes take on the core the simulation leaves idle), for the rows recorded so far and
    /// `lead` more quarters at the current firm count and 20% more (the baseline's firms grow by
    /// about 10% over its last 10 quarters), in as many columns as the
    /// stages seen so far take plus one for a stage still to come (the regression's columns: ln AVC,
    /// one ln Y per stage, ln q). Too small a guess only loses the head start (the estimate then
    /// takes fresh memory); the results are the same bits either way. Only for runs simulated on
    /// one thread (otherwise no core is idle) and under `manyFirms` initial firms (the size from
    /// which `coevo run` takes every core; the matrices would otherwise sit beside the whole firm
    /// state, gigabytes at a million firms).
    struct MatrixForecast {
        static let lead = 10
        let periods: Int
        let enabled: Bool
        var firmQuarters = 0
        var stagesSeen = Set<Int>()
        private(set) var workspace: PendingResult<RegressionWorkspace>?

        init(periods: Int, enabled: Bool) { self.periods = periods; self.enabled = enabled }

        mutating func observe(_ o: Observation, firms: Int) {
            guard enabled else { return }
            firmQuarters += firms
            stagesSeen.insert(Int(o.all[Observer.index["stage"]!]))
            guard o.period == periods - 1 - MatrixForecast.lead else { return }
            let rows = Double(firmQuarters) + Double(MatrixForecast.lead * firms) * 1.2
            let columns = min(stagesSeen.count + 1, 5) + 2
            let elements = Int(rows) * columns
            workspace = PendingResult(label: "coevo.regression-workspace") { RegressionWorkspace(matrices: 2, elements: elements) }
        }
    }

    public static func summarize(scenario: Scenario, seed: UInt64, result: RunResult, workspace: RegressionWorkspace? = nil) -> RunSummary {
        let p = scenario.parameters
        func entries(_ xs: [Int?]) -> [String: Int?] {
            var d: [String: Int?] = [:]
            for (i, x) in xs.enumerated() { d["\(i + 1)"] = .some(x) }
            return d
        }
        var final: [String: Double] = [:]
        if let last = result.observations.last {
            for (i, name) in Observer.metrics.enumerated() { final[name] = last.all[i] }
        }
        let (reach, cluster) = elasticities(result.panel, draws: p.bootstrapDraws, seed: seed, jobs: 2, workspace: workspace)
        return RunSummary(scenario: scenario.name, seed: seed, periods: p.periods, firms: p.firms,
                          stageEntry: entries(result.stageEntry), stageCCDEntry: entries(result.stageCCDEntry),
                          elasticityByStage: reach, elasticityClusterByStage: cluster, final: final,
                          calendarStartYear: p.startYear, villageScale: p.clusterVillages / max(final["villages.total"] ?? 1, 1))
    }

    /// β_s by stage for reachable output and for cluster output alone; nil where a stage never
    /// occurs or the regression cannot be run (reported as null). With `jobs` 2 the work is shared
    /// out over two threads (the same results either way): the two regressions' rows, then what
    /// they have in common (they are on the same rows unless one regressor is not positive where
    /// the other is), then the two side by side.
    public static func elasticities(_ panel: FirmPanel, draws: Int, seed: UInt64, jobs: Int = 1,
                                    workspace: RegressionWorkspace? = nil) -> ([String: Interval?], [String: Interval?]) {
        func intervals(_ fit: Result<ExternalityEstimate, any Error>?) -> [String: Interval?] {
            var out: [String: Interval?] = [:]
            for s in 0...4 { out["\(s)"] = .some(nil) }
            guard let fit = try? fit?.get() else { return out }
            for (stage, c) in fit.byStage {
                out["\(stage)"] = .some(Interval(estimate: c.estimate, ciLow: c.ciLow ?? .nan, ciHigh: c.ciHigh ?? .nan))
            }
            return out
        }
        func fits(_ rows: [ExternalityPanel]) -> [Result<ExternalityEstimate, any Error>?] {
            let nonEmpty = rows.filter { !$0.logAVC.isEmpty }
            var results = estimateExternality(nonEmpty, bootstrapDraws: draws, seed: seed, jobs: jobs, workspace: workspace)[...]
            return rows.map { $0.logAVC.isEmpty ? nil : results.removeFirst() }
        }
        // One job (sweeps, validation): one regression's rows at a time, the least memory.
        if jobs < 2 {
            return (intervals(fits([panel.externalityPanel(.reachable)])[0]), intervals(fits([panel.externalityPanel(.cluster)])[0]))
        }
        let rows = parallelMap(count: 2, jobs: jobs) { i in panel.externalityPanel(i == 0 ? .reachable : .cluster) }
        let both = fits(rows)
        return (intervals(both[0]), intervals(both[1]))
    }

    static func panelRows(_ panel: FirmPanel) -> [PanelRow] {
        let n = FirmStore.costComponents
        let first = panel.period.first ?? 0
        return (0..<panel.rows).map { i in
            PanelRow(firm: panel.firm[i], period: Int(panel.period[i]), cluster: Int(panel.cluster[i]), role: panel.role[i].name,
                     channels: channelText(panel.channels[i]), output: panel.output[i], averageCost: panel.averageCost[i],
                     components: Array(panel.components[(i * n)..<(i * n + n)]), industry: Int(panel.industry[i]),
                     stage: panel.stageOfPeriod[Int(panel.period[i] - first)], reachableOutput: panel.reachableOutput[i],
                     clusterOutput: panel.clusterOutput[i])
        }
    }

    static func channelText(_ bits: UInt8) -> String {
        Channel.allCases.filter { bits & $0.bit != 0 }.map(\.name).joined(separator: "+")
    }

    /// Parameters as a JSON object in registry order (stable bytes for a given parameter set).
    public static func parametersJSON(_ p: Parameters) -> String {
        let body = p.keyValues().map { (k, v) in
            let info = Parameters.registryByKey[k]!
            if case .boolean = info.kind { return "\"\(k)\":\(v)" }
            return "\"\(k)\":\(v)"
        }
        return "{" + body.joined(separator: ",") + "}"
    }
}
