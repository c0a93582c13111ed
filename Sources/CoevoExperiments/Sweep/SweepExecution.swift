// One sweep run: simulate a point's scenario with a seed and keep only what the plan's outcomes
// need — the final metrics, the stage entries, the elasticities β_s (only when asked for: they
// need the firm panel and the two-way fixed-effects regression, without bootstrap since the
// sweep's intervals come from replications) and the kept series. No report, CSV or panel is
// written, and no per-quarter history is held.

import CoevoModel
import CoevoStore
import Foundation

/// What a sweep keeps of each run.
public struct SweepNeeds: Sendable, Equatable {
    public var elasticity: Bool
    public var series: [String]
    public init(elasticity: Bool, series: [String]) { self.elasticity = elasticity; self.series = series }

    /// Whether a stored run already holds everything these needs ask for.
    public func satisfied(by status: SweepRunStatus) -> Bool {
        status.finished && (!elasticity || status.elasticity) && series.allSatisfy(status.series.contains)
    }
}

/// Runs one replication and returns its outcomes (name → value, nil when undefined) and kept
/// series. Replaceable, so tests and analytic test functions can stand in for the model.
public typealias SweepRunFunction = @Sendable (_ point: SweepPoint, _ run: SweepRun, _ needs: SweepNeeds) throws
    -> (outcomes: [String: Double?], series: [String: [Double]])

public enum SweepExecution {
    /// The model: every final metric, both classifiers' stage entries, and β_s if needed.
    public static let model: SweepRunFunction = { point, run, needs in
        let p = point.scenario.parameters
        let keep = needs.series.compactMap { name in Observer.index[name].map { (name, $0) } }
        var series: [String: [Double]] = [:]
        for (name, _) in keep { series[name] = [] ; series[name]!.reserveCapacity(p.periods) }
        var last: [Double] = []
        let result = Simulation.run(parameters: p, seed: run.seed, recordPanel: needs.elasticity, panelCosts: false, keepObservations: false) { o, _ in
            for (name, i) in keep { series[name]!.append(o.all[i]) }
            if o.period == p.periods - 1 { last = o.all }
        }
        var outcomes: [String: Double?] = [:]
        for (i, name) in Observer.metrics.enumerated() where i < last.count { outcomes[name] = .some(last[i]) }
        for (i, t) in result.stageEntry.enumerated() { outcomes["stage_entry.\(i + 1)"] = .some(t.map(Double.init)) }
        for (i, t) in result.stageCCDEntry.enumerated() { outcomes["stage_ccd_entry.\(i + 1)"] = .some(t.map(Double.init)) }
        if needs.elasticity {
            let (reach, cluster) = RunPipeline.elasticities(result.panel, draws: 0, seed: run.seed)
            for s in 0...4 {
                outcomes["elasticity.\(s)"] = .some((reach["\(s)"] ?? nil)?.estimate)
                outcomes["elasticity_cluster.\(s)"] = .some((cluster["\(s)"] ?? nil)?.estimate)
            }
        }
        return (outcomes, series)
    }

    /// Runs `function` and packs its result (or its error) as a store record.
    static func record(_ function: SweepRunFunction, point: SweepPoint, run: SweepRun, needs: SweepNeeds) -> SweepRunRecord {
        let started = Date()
        let clock = ContinuousClock.now
        var status = "finished", message: String?
        var outcomes: [String: Double?] = [:], series: [String: [Double]] = [:]
        do { (outcomes, series) = try function(point, run, needs) }
        catch { status = "failed"; message = "\(error)"; outcomes = [:]; series = [:] }
        let elapsed = ContinuousClock.now - clock
        let seconds = elapsed.seconds
        return SweepRunRecord(key: run.key, pointID: run.pointID, replication: run.replication, seed: run.seed,
                              status: status, error: message, started: started.timeIntervalSince1970,
                              finished: Date().timeIntervalSince1970, seconds: seconds,
                              elasticity: needs.elasticity && status == "finished", outcomes: outcomes, series: series)
    }
}
