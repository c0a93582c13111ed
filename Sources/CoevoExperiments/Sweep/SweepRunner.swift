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
    /// Write the summary tables and CSV files at the end (a calibration's evaluation batches do not).
    public var summaries = true

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
    ///
    /// Memory: the runs in flight, one point's replications at a time while planning a round, and a
    /// few bytes per planned run (the replication numbers still to run); nothing per finished run.
    public static func run(design: SweepDesign, store: SweepStore, directory: URL, options: SweepOptions,
                           function: @escaping SweepRunFunction = SweepExecution.model) async throws -> SweepProgress {
        let plan = design.plan
        let needs = SweepNeeds(elasticity: plan.needsElasticity, series: plan.series)
        try store.setPoints(design.points.map { ($0.id, $0.factorsJSON) })
        var progress = SweepProgress()
        let start = ContinuousClock.now
        // Two points whose runs have the same keys (the same resolved parameters and seeds, e.g. a
        // scenario factor repeating another's settings, or integer LHS values drawn twice) share
        // their runs: the later point reuses the earlier's, and both always fall in the same shard.
        let twin = design.twins
        let work = ShardWork(design: design, shard: options.shard, twins: twin)
        // Adaptive: the target outcomes of each point's finished replications (for the stopping rule).
        var targets: [Int: [Int: [String: Double?]]] = [:]
        let targetNames: [String]
        if case .adaptive(let a) = plan.replications { targetNames = a.targets.map(\.outcome) } else { targetNames = [] }
        var extraNeeds: [String: SweepNeeds] = [:]
        var replications = [Int](repeating: 0, count: design.points.count)
        var considered = [Int](repeating: 0, count: design.points.count)
        for p in work.points { replications[p] = plan.replications.initial }

        while true {
            // Plan the round: per point, the replications the store does not hold yet.
            var todo: [(point: Int, replications: [Int])] = []
            for p in work.points where considered[p] < replications[p] {
                let candidates = (considered[p]..<replications[p]).filter { work.owns(point: p, replication: $0) }
                considered[p] = replications[p]
                progress.planned += candidates.count
                if twin[p] != nil { progress.reused += candidates.count; continue }
                let runs = candidates.map { design.run(point: p, replication: $0) }
                let status = try store.statuses(keys: runs.map(\.key))
                var toRun: [Int] = []
                var relabel: [(key: String, pointID: Int, replication: Int)] = []
                var reused: [SweepRun] = []
                for run in runs {
                    if let s = status[run.key] {
                        if needs.satisfied(by: s) { progress.reused += 1; reused.append(run); relabel.append((run.key, p, run.replication)); continue }
                        if !s.finished && !options.retryFailed { progress.failed += 1; continue }
                        // Run again for what is missing, keeping what it already had.
                        if s.finished { extraNeeds[run.key] = SweepNeeds(elasticity: needs.elasticity || s.elasticity, series: Array(Set(needs.series).union(s.series)).sorted()) }
                    }
                    toRun.append(run.replication)
                }
                if !relabel.isEmpty { try store.relabel(relabel) }
                if !toRun.isEmpty { todo.append((p, toRun)) }
                if !targetNames.isEmpty, !reused.isEmpty {
                    let records = try store.records(keys: reused.map(\.key), withSeries: false, outcomes: targetNames)
                    for run in reused where records[run.key]?.status == "finished" { targets[p, default: [:]][run.replication] = records[run.key]!.outcomes }
                }
            }
            options.progress(progress)

            // Run the round, at most `jobs` at a time, committing each run as it finishes.
            var cursor = (item: 0, index: 0)
            func nextRun() -> SweepRun? {
                guard cursor.item < todo.count else { return nil }
                let item = todo[cursor.item]
                let run = design.run(point: item.point, replication: item.replications[cursor.index])
                cursor.index += 1
                if cursor.index == item.replications.count { cursor = (cursor.item + 1, 0) }
                return run
            }
            var stopped = false
            try await withThrowingTaskGroup(of: SweepRunRecord.self) { group in
                func launch() -> Bool {
                    guard cursor.item < todo.count else { return false }
                    if options.shouldStop() { stopped = true; return false }
                    guard let run = nextRun() else { return false }
                    let point = design.points[run.pointID]
                    let runNeeds = extraNeeds.removeValue(forKey: run.key) ?? needs
                    group.addTask { SweepExecution.record(function, point: point, run: run, needs: runNeeds) }
                    return true
                }
                for _ in 0..<options.jobs { guard launch() else { break } }
                while let record = try await group.next() {
                    try store.commit(record)
                    if record.status == "finished" { progress.done += 1 } else { progress.failed += 1 }
                    if !targetNames.isEmpty, record.status == "finished" {
                        targets[record.pointID, default: [:]][record.replication] = record.outcomes.filter { targetNames.contains($0.key) }
                    }
                    progress.elapsed = (ContinuousClock.now - start).seconds
                    options.progress(progress)
                    _ = launch()
                }
            }
            if stopped {
                progress.interrupted = true
                options.progress(progress)
                break
            }

            // Adaptive: points whose intervals are still too wide get `step` more replications.
            guard case .adaptive(let a) = plan.replications else { break }
            var more = false
            // A target with fewer than two defined values (e.g. a stage never reached) counts as wide.
            for p in work.points where replications[p] < a.max {
                let values = targets[twin[p] ?? p] ?? [:]
                let wide = a.targets.contains { t in
                    let xs = (0..<replications[p]).compactMap { r in values[r].flatMap { $0[t.outcome] ?? nil } }
                    guard let m = MeanInterval(xs.sorted()), let h = m.halfWidth else { return true }
                    return h > t.halfWidth
                }
                if wide { replications[p] = min(a.max, replications[p] + a.step); more = true }
            }
            // Twins follow their point.
            for p in work.points { if let t = twin[p] { replications[p] = replications[t] } }
            if !more { break }
        }
        if options.summaries {
            try SweepSummary.write(design: design, store: store, directory: directory,
                                   replications: plan.replications.isAdaptive ? replications : nil)
        }
        progress.elapsed = (ContinuousClock.now - start).seconds
        return progress
    }

    /// Which runs a shard owns. Fixed replications: single runs, balanced by cost; adaptive: whole
    /// points (a point's stopping rule needs all its replications).
    struct ShardWork {
        let points: [Int]
        private let runOwner: [UInt16]?
        private let replications: Int
        private let shard: Int

        /// Units are distinct runs: a twin point's work goes with the point it repeats (zero cost).
        init(design: SweepDesign, shard: (index: Int, count: Int)?, twins: [Int?]) {
            let all = Array(design.points.indices)
            self.shard = (shard?.index ?? 1) - 1
            guard let shard, shard.count > 1 else { points = all; runOwner = nil; replications = 0; return }
            let cost = design.points.map { twins[$0.id] == nil ? $0.cost : 0 }
            switch design.plan.replications {
            case .adaptive:
                var owner = SweepRunner.balance(costs: cost, shards: shard.count)
                for p in all { if let t = twins[p] { owner[p] = owner[t] } }
                points = all.filter { owner[$0] == shard.index - 1 }
                runOwner = nil; replications = 0
            case .fixed(let n):
                var costs: [Double] = []
                costs.reserveCapacity(all.count * n)
                for p in all { for _ in 0..<n { costs.append(cost[p]) } }
                var owner = SweepRunner.balance(costs: costs, shards: shard.count).map { UInt16($0) }
                for p in all { if let t = twins[p] { for r in 0..<n { owner[p * n + r] = owner[t * n + r] } } }
                points = all.filter { p in (0..<n).contains { owner[p * n + $0] == UInt16(shard.index - 1) } }
                runOwner = owner; replications = n
            }
        }

        func owns(point p: Int, replication r: Int) -> Bool {
            guard let runOwner else { return true }
            return r < replications && runOwner[p * replications + r] == UInt16(shard)
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
    /// The duration in seconds (the one home of this conversion).
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
