// The sweep runner and its store with stand-in run functions (fast, with known answers): results
// independent of the job count, a plan extended by seeds runs only the new runs, adaptive
// replication stops where the interval is narrow, failures are recorded and retried, shards merge
// into the unsharded store; and one small sweep of the real model.

@testable import CoevoExperiments
import CoevoMeasure
import CoevoStore
import Foundation
import Testing

/// Counts calls from concurrent tasks.
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return n }
}

/// cost.average = λ + noise · N(0, 1) drawn from the seed; noise = 0.001 at gov.start 0, 1 elsewhere.
func standIn(_ calls: CallCounter, failSeed: UInt64? = nil) -> SweepRunFunction {
    { point, run, needs in
        calls.add()
        if run.seed == failSeed { throw ScenarioError(source: "stand-in", message: "seed \(run.seed) fails") }
        let p = point.scenario.parameters
        var rng = SplitMix64(seed: run.seed &* 0x9E37_79B9_7F4A_7C15)
        let noise = p.govStart == 0 ? 0.001 : 1.0
        var series: [String: [Double]] = [:]
        for name in needs.series { series[name] = (0..<5).map { Double($0) * p.logisticsLambda + Double(run.seed) } }
        let entry: Double? = run.seed % 2 == 0 ? nil : Double(run.seed)
        let outcomes: [String: Double?] = ["cost.average": p.logisticsLambda + noise * rng.nextGaussian(), "stage_entry.4": entry]
        return (outcomes, series)
    }
}

func plan(_ replications: String, extra: String = "") throws -> SweepDesign {
    try SweepDesign(plan: SweepPlan.parse(yaml: """
        set: {firms: 1000, periods: 4}
        factors:
          gov.start: [0, 40]
          logistics.lambda: [0.2, 0.4, 0.6]
        replications: \(replications)
        reference: {gov.start: 0, logistics.lambda: 0.2}
        outcomes: [cost.average, stage_entry.4]
        series: [ccd.D]
        \(extra)
        """, source: "plan.yaml"))
}

func sweep(_ design: SweepDesign, _ dir: URL, jobs: Int = 2, shard: (Int, Int)? = nil, retry: Bool = false,
           _ function: @escaping SweepRunFunction) async throws -> SweepProgress {
    let store = try SweepStore(directory: dir)
    return try await SweepRunner.run(design: design, store: store, directory: dir,
                                     options: SweepOptions(jobs: jobs, shard: shard.map { (index: $0.0, count: $0.1) }, retryFailed: retry), function: function)
}

func contents(_ dir: URL) throws -> ([String: SweepRunRecord], [SweepSummaryRow]) {
    let store = try SweepStore(directory: dir)
    let records = try store.records()
    let summary = try store.summary()
    return (records, summary)
}

func sameContents(_ a: URL, _ b: URL) throws -> Bool {
    let (ra, sa) = try contents(a), (rb, sb) = try contents(b)
    return ra.count == rb.count && ra.allSatisfy { k, v in rb[k].map { v.sameResults(as: $0) && v.pointID == $0.pointID && v.replication == $0.replication } ?? false } && sa == sb
}

@Suite struct SweepRunnerTests {
    @Test func oneAndTwoJobsGiveIdenticalStores() async throws {
        let d = try plan("4")
        let a = temporaryDirectory(), b = temporaryDirectory()
        _ = try await sweep(d, a, jobs: 1, standIn(CallCounter()))
        _ = try await sweep(d, b, jobs: 2, standIn(CallCounter()))
        #expect(try sameContents(a, b))
        #expect(try contents(a).0.count == 24)
        #expect(try String(contentsOf: a.appendingPathComponent("summary.csv"), encoding: .utf8) == String(contentsOf: b.appendingPathComponent("summary.csv"), encoding: .utf8))
    }

    @Test func extendingByFiveSeedsRunsExactlyTheNewRuns() async throws {
        let dir = temporaryDirectory()
        let calls = CallCounter()
        let first = try await sweep(try plan("3"), dir, standIn(calls))
        #expect(first.done == 18 && first.reused == 0 && calls.count == 18)
        let second = try await sweep(try plan("8"), dir, standIn(calls))
        #expect(second.reused == 18 && second.done == 30 && calls.count == 48)
        let again = try await sweep(try plan("8"), dir, standIn(calls))
        #expect(again.reused == 48 && again.done == 0 && calls.count == 48)
        // The summary counts every replication: n + never = 8 at every point.
        let rows = try SweepStore(directory: dir).summary().filter { $0.name == "stage_entry.4" }
        #expect(rows.count == 6 && rows.allSatisfy { $0.n + $0.never == 8 && $0.n == 4 })
    }

    @Test func adaptiveReplicationStopsANarrowPointEarlyAndRunsAWideOneToTheMaximum() async throws {
        let d = try plan("{min: 3, max: 12, step: 2, target: {outcome: cost.average, halfwidth: 0.05}}")
        let dir = temporaryDirectory()
        _ = try await sweep(d, dir, standIn(CallCounter()))
        let rows = try SweepStore(directory: dir).summary().filter { $0.name == "cost.average" }
        for r in rows {
            let start = d.points[r.pointID].scenario.parameters.govStart
            if start == 0 { #expect(r.n == 3, "narrow point \(r.pointID) stops at the minimum") }
            else { #expect(r.n == 12, "wide point \(r.pointID) runs to the maximum"); #expect(r.ciHigh! - r.ciLow! > 0.1) }
        }
        // The same adaptive plan with one job gives the same store (rounds are deterministic).
        let other = temporaryDirectory()
        _ = try await sweep(d, other, jobs: 1, standIn(CallCounter()))
        #expect(try sameContents(dir, other))
    }

    @Test func aFailedRunIsRecordedTheSweepGoesOnAndRetryFailedRunsIt() async throws {
        let d = try plan("3")
        let dir = temporaryDirectory()
        let calls = CallCounter()
        let first = try await sweep(d, dir, standIn(calls, failSeed: 2))
        #expect(first.failed == 6 && first.done == 12)
        let failed = try SweepStore(directory: dir).records().values.filter { $0.status == "failed" }
        #expect(failed.count == 6 && failed.allSatisfy { $0.error?.contains("seed 2 fails") == true && $0.outcomes.isEmpty })
        let second = try await sweep(d, dir, standIn(calls))
        #expect(second.failed == 6 && second.done == 0 && calls.count == 18)
        let retried = try await sweep(d, dir, retry: true, standIn(calls))
        #expect(retried.done == 6 && retried.failed == 0 && calls.count == 24)
        let whole = temporaryDirectory()
        _ = try await sweep(d, whole, standIn(CallCounter()))
        #expect(try sameContents(dir, whole))
    }

    @Test func pairedDifferencesAgainstTheReferenceUseCommonSeeds() async throws {
        let d = try plan("5")
        let dir = temporaryDirectory()
        _ = try await sweep(d, dir, standIn(CallCounter()))
        let tables = try SweepSummary.compute(design: d, store: SweepStore(directory: dir))
        // At gov.start 0 the noise is 0.001·N(0,1) with the same draw per seed at every point: the paired
        // difference of λ = 0.6 against λ = 0.2 is exactly 0.4 up to rounding, with a tiny interval.
        let p = d.points.first { $0.values.map(\.value) == ["0", "0.6"] }!.id
        let row = try #require(tables.differences.first { $0.pointID == p && $0.name == "cost.average" })
        #expect(row.n == 5 && abs(row.mean! - 0.4) < 1e-12 && row.ciHigh! - row.ciLow! < 1e-9)
        #expect(!tables.differences.contains { $0.pointID == d.referencePoint })
        let bands = tables.bands.filter { $0.pointID == p && $0.name == "ccd.D" }
        #expect(bands.count == 5 && abs(bands[1].mean! - (0.6 + 3)) < 1e-12)
        let csv = try String(contentsOf: dir.appendingPathComponent("differences.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("point,gov.start,logistics.lambda,outcome,n,mean,sd,ci_low,ci_high\n"))
    }

    @Test func shardsAreCostBalancedAndMergeIntoTheUnshardedStore() async throws {
        // Cost-balanced: a point of 4× the firms counts 4×.
        #expect(SweepRunner.balance(costs: [4, 1, 1, 1, 1], shards: 2) == [0, 1, 1, 1, 1])
        #expect(SweepRunner.balance(costs: [1, 1, 1, 1], shards: 4).sorted() == [0, 1, 2, 3])
        let d = try plan("3")
        let whole = temporaryDirectory()
        _ = try await sweep(d, whole, standIn(CallCounter()))
        let merged = temporaryDirectory()
        let target = try SweepStore(directory: merged)
        var total = 0
        for i in 1...4 {
            let dir = temporaryDirectory()
            let r = try await sweep(d, dir, shard: (i, 4), standIn(CallCounter()))
            total += r.done
            try target.merge(Array(try SweepStore(directory: dir).records().values), from: dir.path)
            // Merging the same shard again adds nothing.
            #expect(try target.merge(Array(try SweepStore(directory: dir).records().values), from: dir.path) == 0)
        }
        #expect(total == 18)
        try SweepSummary.write(design: d, store: target, directory: merged)
        #expect(try sameContents(whole, merged))
        // The same key with other outcomes is an error naming the run.
        var bad = try #require(try SweepStore(directory: whole).records().values.first)
        bad.outcomes["cost.average"] = .some(-1)
        let conflict = #expect(throws: StoreError.self) { try target.merge([bad], from: "bad") }
        #expect(conflict?.description.contains("run \(bad.key)") == true && conflict?.description.contains("outcome cost.average") == true)
    }

    @Test func aSmallModelSweepKeepsOutcomesElasticitiesAndSeries() async throws {
        let d = try SweepDesign(plan: SweepPlan.parse(yaml: """
            set: {firms: 500, periods: 6, burn_in: 2}
            factors: {logistics.lambda: [0.2, 0.6]}
            replications: 2
            outcomes: [cost.average, stage_entry.1, elasticity.0]
            series: [adoption.retail]
            """, source: "model.yaml"))
        let dir = temporaryDirectory()
        let r = try await sweep(d, dir, SweepExecution.model)
        #expect(r.done == 4 && r.failed == 0)
        let records = try SweepStore(directory: dir).records()
        for rec in records.values {
            #expect(rec.series["adoption.retail"]?.count == 6)
            #expect((rec.outcomes["cost.average"] ?? nil).map { $0 > 0 } == true)
            #expect(rec.outcomes.keys.contains("elasticity.0") && rec.outcomes.keys.contains("stage_entry.1"))
        }
        // The run function is deterministic: the same seed and point give the same outcomes.
        let again = temporaryDirectory()
        _ = try await sweep(d, again, jobs: 1, SweepExecution.model)
        #expect(try sameContents(dir, again))
    }
}
