// Causality and reproducibility: the first 40 quarters of an 80-quarter run equal a 40-quarter
// run; the same seed reproduces bit-identical series; another seed differs; adoption share and
// stage timing do not depend on the number of firms.

import CoevoMeasure
import CoevoModel
import Foundation
import Testing

@Suite struct DeterminismTests {
    @Test func panelWithoutCostsGivesTheSameRegressionRows() {
        // Sweeps and validation record the panel without the exported cost components; the
        // regression's rows must be the same bits either way.
        let p = testParameters(firms: 1500, periods: 24)
        let full = Simulation.run(parameters: p, seed: 5, keepObservations: false).panel
        let lean = Simulation.run(parameters: p, seed: 5, panelCosts: false, keepObservations: false).panel
        #expect(full.rows > 0 && full.rows == lean.rows)
        #expect(full.components.count == 7 * full.rows && lean.components.isEmpty && lean.averageCost.isEmpty)
        #expect(lean.output.isEmpty && lean.reachableOutput.isEmpty && lean.clusterOutput.isEmpty)
        for regressor in [FirmPanel.ExternalOutput.reachable, .cluster] {
            let a = full.externalityPanel(regressor), b = lean.externalityPanel(regressor)
            #expect(a.logAVC.count > 1_000 && a == b)
        }
        // The logarithms recorded with the rows are those of the exported values (−∞ where a value
        // is not positive).
        for (logs, values) in [(full.logAverageVariableCost, full.averageVariableCost), (full.logOutput, full.output),
                               (full.logReachableOutput, full.reachableOutput), (full.logClusterOutput, full.clusterOutput)] {
            #expect(logs.count == full.rows && values.count == full.rows)
            #expect(zip(logs, values).allSatisfy { l, v in v > 0 ? l.bitPattern == log(v).bitPattern : l == -.infinity })
        }
    }

    @Test func firstFortyQuartersEqualAFortyQuarterRun() {
        let long = runSeries(testParameters(firms: 3000, periods: 80), seed: 3)
        let short = runSeries(testParameters(firms: 3000, periods: 40), seed: 3)
        for (i, name) in Observer.metrics.enumerated() {
            for t in 0..<40 {
                let a = long.result.observations[t].all[i], b = short.result.observations[t].all[i]
                #expect(a.bitPattern == b.bitPattern, "\(name) at \(t): \(a) vs \(b)")
            }
        }
    }

    @Test func sameSeedSameSeriesOtherSeedDifferent() {
        let a = runSeries(testParameters(firms: 2000, periods: 30), seed: 9)
        let b = runSeries(testParameters(firms: 2000, periods: 30), seed: 9)
        let c = runSeries(testParameters(firms: 2000, periods: 30), seed: 10)
        var same = true, differ = false
        for name in Observer.metrics {
            same = same && zip(a[name], b[name]).allSatisfy { $0.bitPattern == $1.bitPattern }
            differ = differ || zip(a[name], c[name]).contains { $0 != $1 }
        }
        #expect(same)
        #expect(differ)
    }

    /// FirmChunks.swift: the per-firm map passes split into chunks of 16,384 firms, so at 40,000
    /// firms 2 and 3 threads each run chunks of every split pass in parallel. Every metric of
    /// every unit, every quarter, and the firm panel are the same bits as on one thread.
    @Test func threadCountDoesNotChangeABit() {
        let p = testParameters(firms: 40_000, periods: 12)
        let one = Simulation.run(parameters: p, seed: 5, threads: 1)
        for threads in [2, 3] {
            let many = Simulation.run(parameters: p, seed: 5, threads: threads)
            #expect(one.observations.count == many.observations.count)
            var differing: [String] = []
            for (a, b) in zip(one.observations, many.observations) {
                for (i, name) in Observer.metrics.enumerated() where a.all[i].bitPattern != b.all[i].bitPattern { differing.append("\(name)@\(a.period)") }
                for (ra, rb) in zip(a.regions, b.regions) where !zip(ra, rb).allSatisfy({ $0.bitPattern == $1.bitPattern }) { differing.append("region@\(a.period)") }
                for (ca, cb) in zip(a.clusters, b.clusters) where !zip(ca, cb).allSatisfy({ $0.bitPattern == $1.bitPattern }) { differing.append("cluster@\(a.period)") }
            }
            #expect(differing.isEmpty, "\(threads) threads: \(differing.prefix(10))")
            #expect(one.panel.averageCost.map(\.bitPattern) == many.panel.averageCost.map(\.bitPattern))
            #expect(one.stageEntry == many.stageEntry)
        }
    }

    @Test func sharesAndTimingDoNotDependOnScale() {
        // 20,000 vs 200,000 firms: adoption and online shares within 0.05 at every tenth quarter (one
        // seed at 20,000 firms carries sampling noise of a few points late in the run), and stage 1
        // entered within 4 quarters of each other.
        let small = runSeries(testParameters(firms: 20_000), seed: 21)
        let large = runSeries(testParameters(firms: 200_000), seed: 21)
        for t in stride(from: 0, to: 80, by: 10) {
            #expect(abs(small["adoption.retail"][t] - large["adoption.retail"][t]) < 0.05, "quarter \(t)")
            #expect(abs(small["online.share"][t] - large["online.share"][t]) < 0.05, "quarter \(t)")
        }
        let s1 = small.result.stageEntry[0], l1 = large.result.stageEntry[0]
        #expect(s1 != nil && l1 != nil)
        if let s1, let l1 { #expect(abs(s1 - l1) <= 4, "stage 1 entry \(s1) vs \(l1)") }
    }
}

@Suite struct FirmStoreTests {
    @Test func removalKeepsColumnsAlignedAndIdsStable() {
        var f = FirmStore()
        for i in 0..<10 { f.append(id: UInt32(100 + i), cluster: i % 3, village: i, region: 0, industry: 0, role: .manufacturer) }
        for s in 0..<10 { f.revenue[s] = Double(f.id[s]) }
        f.remove(at: 2); f.remove(at: 0); f.remove(at: f.count - 1)
        #expect(f.count == 7)
        #expect(Set(f.columnLengths()) == [7])
        for s in 0..<f.count { #expect(f.revenue[s] == Double(f.id[s])) }   // each row moved whole
        #expect(Set(f.id) == Set([101, 103, 104, 105, 106, 108, 109]))
        for s in 0..<f.count { #expect(Int(f.slotOfID[Int(f.id[s])]) == s) }
    }

    @Test func idMapFollowsFirmsMovedTwice() {
        // Removing slots 8 and 7 of 10 moves the last firm twice (9 → 8 → 7).
        var f = FirmStore()
        for i in 0..<10 { f.append(id: UInt32(i), cluster: 0, village: 0, region: 0, industry: 0, role: .supplier) }
        f.remove(slots: [8, 7])
        #expect(Array(f.id) == [0, 1, 2, 3, 4, 5, 6, 9])
        for s in 0..<f.count { #expect(Int(f.slotOfID[Int(f.id[s])]) == s) }
        #expect(f.slotOfID[7] == -1 && f.slotOfID[8] == -1)
    }

    /// With many leavers the columns are moved on several threads: the same store as on one.
    @Test func removalOnSeveralThreadsMovesTheSameBytes() {
        func store() -> FirmStore {
            var f = FirmStore()
            for i in 0..<6_000 { f.append(id: UInt32(i), cluster: i % 7, village: i % 50, region: i % 3, industry: i % 4, role: i % 3 == 0 ? .supplier : .brand) }
            for s in 0..<f.count { f.revenue[s] = Double(s) * 1.5; f.capability[s] = Double(s % 97) / 97; f.channels[s] = UInt8(s % 8) }
            // Links among the firms that stay (leavers have dropped theirs before they go).
            for s in stride(from: 1, to: 5_990, by: 3) where s % 3 != 0 {
                let t = s + 3
                f.links[s * FirmStore.maxDegree] = UInt32(t); f.links[t * FirmStore.maxDegree + 1] = UInt32(s)
                f.degree[s] += 1; f.degree[t] += 1
            }
            return f
        }
        let leaving = Array(stride(from: 0, to: 6_000, by: 3)) + [5_999, 5_998]   // 2,002 slots
        var one = store(), two = store()
        one.remove(slots: Array(Set(leaving)), threads: 1)
        two.remove(slots: Array(Set(leaving)), threads: 2)
        #expect(one.count == 6_000 - Set(leaving).count && Set(two.columnLengths()) == [two.count])
        #expect(Array(one.id) == Array(two.id) && Array(one.slotOfID) == Array(two.slotOfID))
        #expect(Array(one.revenue) == Array(two.revenue) && Array(one.capability) == Array(two.capability))
        #expect(Array(one.channels) == Array(two.channels) && Array(one.role) == Array(two.role))
        #expect(Array(one.links) == Array(two.links) && Array(one.degree) == Array(two.degree))
        // Each row moved whole, and partners still point at each other.
        for s in 0..<two.count { #expect(two.revenue[s] == Double(two.id[s]) * 1.5) }
        for s in 0..<two.count where two.links[s * FirmStore.maxDegree] != FirmStore.noLink {
            let t = Int(two.links[s * FirmStore.maxDegree])
            #expect(two.links[t * FirmStore.maxDegree + 1] == UInt32(s))
        }
    }
}
