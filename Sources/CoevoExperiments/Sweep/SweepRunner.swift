// Running a sweep into its store: only what the store does not hold yet, in parallel across runs,
// each run committed in one transaction as it finishes (so a killed sweep resumes without losing or
// repeating a finished run), adaptive replication in deterministic rounds, a cost-balanced shard
// of the work when asked, and the summaries at the end. The store's contents do not depend on the
// number of jobs or on the order in which runs finish.

import CoevoMeasure
import CoevoStore
import Foundation

/// How a sweep runs.
public struct SweepOptions: Sendable {
    /// Runs in flight at once.
    public var jobs: Int
    /// This process's slice of the work: shard `index` (1-based) of `count`.
    public var shard: (index: Int, count: Int)?
    /// Run again the runs recorded as failed.
    public var retryFailed: Bool
    /// Polled before each new run starts; true stops the sweep once the runs in flight are committed.
    public var shouldStop: @Sendable () -> Bool
    /// Sees the counts after every committed run.
    public var progress: @Sendable (SweepProgress) -> Void

    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: (index: Int, count: Int)? = nil, retryFailed: Bool = false,
                shouldStop: @escaping @Sendable () -> Bool = { false }, progress: @escaping @Sendable (SweepProgress) -> Void = { _ in }) {
        self.jobs = max(1, jobs); self.shard = shard; self.retryFailed = retryFailed
        self.shouldStop = shouldStop; self.progress = progress
    }
}

/// Counts of a sweep in progress, or at its end.
public struct SweepProgress: Sendable, Equatable {
    /// Runs this invocation is responsible for so far (adaptive rounds add to it).
    public var planned = 0
    /// Found finished in the store and not run again.
    public var reused = 0
    /// Run and committed by this invocation.
    public var done = 0
    /// Recorded as failed (by this invocation, or earlier and not retried).
    public var failed = 0
    /// Planned and not yet finished.
    public var remaining: Int { planned - reused - done - failed }
    /// Seconds since this invocation started running.
    public var elapsed = 0.0
    /// Whether the sweep stopped early (shouldStop).
    public var interrupted = false
}

public enum SweepRunner {
    /// Runs `design` into `store` (in `directory`), then writes the summaries (tables and CSV files).
    public static func run(design: SweepDesign, store: SweepStore, directory: URL, options: SweepOptions,
                           function: @escaping SweepRunFunction = SweepExecution.model) async throws -> SweepProgress {
        let plan = design.plan
        let needs = SweepNeeds(elasticity: plan.needsElasticity, series: plan.series)
        try store.setPoints(design.points.map { ($0.id, $0.factorsJSON) })
        var index = try store.runIndex()
        var progress = SweepProgress()
        let start = ContinuousClock.now

        // This shard's work: runs (fixed replications) or whole points (adaptive: a point's
        // stopping rule needs all its replications).
        let mine = myWork(design: design, shard: options.shard)
        var replications = [Int](repeating: 0, count: design.points.count)
        for p in mine.points { replications[p] = plan.replications.initial }
        var considered = Set<SweepRun>()
        var scheduled = Set<String>()
        // Values of the adaptive targets, by run key, for the stopping rule.
        var targetValues: [String: [String: Double?]] = [:]
        var relabels: [(key: String, pointID: Int, replication: Int)] = []

        round: while true {
            var todo: [SweepRun] = []
            var reusedKeys: [String] = []
            for p in mine.points {
                for r in 0..<replications[p] {
                    let run = design.run(point: p, replication: r)
                    if let only = mine.runs, !only.contains(run) { continue }
                    guard considered.insert(run).inserted else { continue }
                    progress.planned += 1
                    // Two points can resolve to the same parameters (e.g. a scenario factor): one run serves both.
                    guard scheduled.insert(run.key).inserted else { progress.reused += 1; continue }
                    if let status = index[run.key] {
                        if needs.satisfied(by: status) { progress.reused += 1; reusedKeys.append(run.key); relabels.append((run.key, p, r)); continue }
                        if !status.finished && !options.retryFailed { progress.failed += 1; continue }
                    }
                    todo.append(run)
                }
            }
            if case .adaptive(let a) = plan.replications, !reusedKeys.isEmpty {
                let names = a.targets.map(\.outcome)
                for (key, record) in try store.records(keys: reusedKeys, withSeries: false) {
                    targetValues[key] = record.outcomes.filter { names.contains($0.key) }
                }
            }
            options.progress(progress)

            // Run `todo`, at most `jobs` at a time, committing each as it finishes.
            var stopped = false
            try await withThrowingTaskGroup(of: SweepRunRecord.self) { group in
                var next = 0
                func launch() {
                    let run = todo[next]
                    let point = design.points[run.pointID]
                    next += 1
                    group.addTask { SweepExecution.record(function, point: point, run: run, needs: needs) }
                }
                while next < todo.count, next < options.jobs {
                    if options.shouldStop() { stopped = true; break }
                    launch()
                }
                while let record = try await group.next() {
                    try store.commit(record)
                    index[record.key] = SweepRunStatus(finished: record.status == "finished", elasticity: record.elasticity, series: Set(record.series.keys))
                    if record.status == "finished" { progress.done += 1 } else { progress.failed += 1 }
                    if case .adaptive = plan.replications { targetValues[record.key] = record.outcomes }
                    progress.elapsed = (ContinuousClock.now - start).seconds
                    options.progress(progress)
                    if next < todo.count {
                        if options.shouldStop() { stopped = true } else { launch() }
                    }
                }
            }
            if stopped {
                progress.interrupted = true
                options.progress(progress)
                break round
            }

            // Adaptive: points whose intervals are still too wide get `step` more replications.
            guard case .adaptive(let a) = plan.replications else { break }
            var more = false
            for p in mine.points where replications[p] < a.max {
                let values = (0..<replications[p]).compactMap { targetValues[design.run(point: p, replication: $0).key] }
                let wide = a.targets.contains { t in
                    let xs = values.compactMap { $0[t.outcome] ?? nil }
                    guard let m = MeanInterval(xs), let h = m.halfWidth else { return true }
                    return h > t.halfWidth
                }
                if wide { replications[p] = min(a.max, replications[p] + a.step); more = true }
            }
            if !more { break }
        }
        if !relabels.isEmpty { try store.relabel(relabels) }
        try SweepSummary.write(design: design, store: store, directory: directory)
        progress.elapsed = (ContinuousClock.now - start).seconds
        return progress
    }

    /// This shard's points, and with fixed replications the runs among them (nil: all of them).
    static func myWork(design: SweepDesign, shard: (index: Int, count: Int)?) -> (points: [Int], runs: Set<SweepRun>?) {
        let all = Array(design.points.indices)
        guard let shard, shard.count > 1 else { return (all, nil) }
        switch design.plan.replications {
        case .adaptive:
            let owner = balance(costs: design.points.map(\.cost), shards: shard.count)
            return (all.filter { owner[$0] == shard.index - 1 }, nil)
        case .fixed(let n):
            var units: [SweepRun] = []
            for p in all { for r in 0..<n { units.append(design.run(point: p, replication: r)) } }
            let owner = balance(costs: units.map { design.points[$0.pointID].cost }, shards: shard.count)
            let runs = Set(units.indices.filter { owner[$0] == shard.index - 1 }.map { units[$0] })
            return (Array(Set(runs.map(\.pointID))).sorted(), runs)
        }
    }

    /// Longest-processing-time assignment: units in decreasing cost (ties by index), each to the
    /// shard with the least work so far (ties by shard index). Deterministic; within 4/3 of the
    /// best possible largest shard.
    public static func balance(costs: [Double], shards: Int) -> [Int] {
        let order = costs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        var owner = [Int](repeating: 0, count: costs.count)
        // Min-heap of (load, shard).
        var heap = (0..<shards).map { (load: 0.0, shard: $0) }
        func less(_ a: (load: Double, shard: Int), _ b: (load: Double, shard: Int)) -> Bool { a.load != b.load ? a.load < b.load : a.shard < b.shard }
        for u in order {
            owner[u] = heap[0].shard
            heap[0].load += costs[u]
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count, less(heap[l], heap[m]) { m = l }
                if r < heap.count, less(heap[r], heap[m]) { m = r }
                if m == i { break }
                heap.swapAt(i, m); i = m
            }
        }
        return owner
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
