// Points whose runs have the same keys (same resolved parameters and seeds) share them: each
// distinct run is made once, whatever the seed policy, the job count or the sharding.

@testable import CoevoExperiments
import CoevoStore
import Foundation
import Testing

@Suite struct SweepTwinTests {
    @Test(arguments: ["independent", "common"])
    func pointsWithTheSameRunsShareThemWhateverTheJobsAndShards(_ seeds: String) async throws {
        // Integer LHS values repeat (64 points over 11 integers).
        let d = try SweepDesign(plan: SweepPlan.parse(yaml: """
            set: {firms: 1000, periods: 4}
            design: lhs
            samples: 64
            factors: {gov.start: {low: 0, high: 10}}
            seeds: \(seeds)
            replications: 2
            outcomes: [cost.average]
            """, source: "twins.yaml"))
        let distinct = Set(d.points.indices.flatMap { p in (0..<2).map { d.run(point: p, replication: $0).key } }).count
        #expect(distinct <= 22)
        var stores: [URL] = []
        for jobs in [1, 2] {
            let dir = temporaryDirectory()
            let calls = CallCounter()
            let r = try await sweep(d, dir, jobs: jobs, standIn(calls))
            #expect(calls.count == distinct && r.done == distinct && r.planned == 128, "\(seeds), \(jobs) jobs: \(calls.count) calls for \(distinct) runs")
            stores.append(dir)
        }
        #expect(try sameContents(stores[0], stores[1]))
        #expect(try SweepStore(directory: stores[0]).summary().count == 64, "every point has its summary, read through the shared runs")
        var total = 0
        for i in 1...3 { total += try await sweep(d, temporaryDirectory(), shard: (i, 3), standIn(CallCounter())).done }
        #expect(total == distinct, "shards together run each distinct run once")
    }
}
