import Foundation
import Testing
@testable import CoevoMeasure

/// Deterministic test data: SplitMix64 with Box–Muller normals (independent of Swift's random API).
/// `int` takes the high word of next × n (no rejection), as the fixtures were generated.
struct ExternalityTestRNG {
    var generator: SplitMix64
    init(state: UInt64) { generator = SplitMix64(seed: state) }
    mutating func next() -> UInt64 { generator.next() }
    mutating func uniform() -> Double { generator.nextDouble() }
    mutating func int(_ n: Int) -> Int { Int(next().multipliedFullWidth(by: UInt64(n)).high) }
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

/// A simulated panel with known slopes: firm effects and industry×period effects correlated with both
/// regressors, errors correlated within cluster (a cluster×period shock plus a cluster-wide AR-free
/// firm component), entry and exit (unbalanced).
struct SimulatedExternalityPanel {
    var panel: ExternalityPanel
    var beta: [Int: Double]
    var gamma: Double

    init(seed: UInt64, clusters: Int, firmsPerCluster: Int, industries: Int, periods: Int,
         beta: [Int: Double] = [1: -0.05, 2: -0.10, 3: -0.20, 4: -0.30], gamma: Double = -0.08) {
        var rng = ExternalityTestRNG(state: seed)
        // The stages of `beta`, in order, over equal blocks of periods.
        let stages = beta.keys.sorted()
        let stageOfPeriod = (0..<periods).map { stages[min(stages.count - 1, stages.count * $0 / periods)] }
        let delta = (0..<(industries * periods)).map { _ in rng.normal() }
        let shock = (0..<(clusters * periods)).map { _ in 0.15 * rng.normal() }
        var y = [Double](), ly = [Double](), lq = [Double](), firm = [Int32](), group = [Int32](), period = [Int32](), cl = [Int32]()
        var id: Int32 = 0
        for k in 0..<clusters {
            let j = k % industries
            let clusterLevel = rng.normal()
            for _ in 0..<firmsPerCluster {
                id += 1
                let entry = rng.int(periods / 3), exit = periods - rng.int(periods / 3)
                let alpha = rng.normal() + 0.5 * clusterLevel
                for t in entry..<exit {
                    let d = delta[j * periods + t]
                    let lY = 3 + 0.6 * alpha + 0.5 * d + 0.3 * clusterLevel + rng.normal()
                    let q = 1 + 0.4 * alpha - 0.3 * d + rng.normal()
                    let e = shock[k * periods + t] + 0.15 * rng.normal()
                    y.append(beta[stageOfPeriod[t]]! * lY + gamma * q + alpha + d + e)
                    ly.append(lY)
                    lq.append(q)
                    firm.append(id)
                    group.append(Int32(j))
                    period.append(Int32(t))
                    cl.append(Int32(k))
                }
            }
        }
        panel = ExternalityPanel(logAVC: y, logReach: ly, logOutput: lq, firm: firm, group: group, period: period,
                                 cluster: cl, stageOfPeriod: stageOfPeriod)
        self.beta = beta
        self.gamma = gamma
    }
}

@Suite struct ExternalityEstimatorTests {
    @Test func recoversKnownSlopesAndCoversThem() throws {
        let sim = SimulatedExternalityPanel(seed: 11, clusters: 40, firmsPerCluster: 40, industries: 4, periods: 24)
        let est = try estimateExternality(sim.panel, bootstrapDraws: 999, seed: 3)
        #expect(est.clusters == 40)
        #expect(est.byStage.count == 4)
        #expect(est.withinR2 > 0 && est.withinR2 < 1)
        for (s, truth) in sim.beta {
            let c = try #require(est.byStage[s])
            #expect(abs(c.estimate - truth) < 0.02, "stage \(s): \(c.estimate) vs \(truth)")
            #expect(abs(c.estimate - truth) < 4 * c.standardError, "stage \(s)")
            #expect(c.ciLow! < truth && truth < c.ciHigh!, "stage \(s): [\(c.ciLow!), \(c.ciHigh!)] misses \(truth)")
            #expect(c.ciLow! < c.estimate && c.estimate < c.ciHigh!)
        }
        let g = est.ownOutput
        #expect(abs(g.estimate - sim.gamma) < 0.02)
        #expect(g.ciLow! < sim.gamma && sim.gamma < g.ciHigh!)
        // Ignoring the fixed effects would be badly biased here (they are correlated with ln Y).
        let pooled = try ordinaryLeastSquares(columns: [[Double](repeating: 1, count: sim.panel.logAVC.count),
                                                        sim.panel.logReach, sim.panel.logOutput],
                                              response: sim.panel.logAVC)
        #expect(abs(pooled.coefficients[1] - (-0.15)) > 0.1)
    }

    @Test func bootstrapIntervalsHaveRoughlyNominalCoverage() throws {
        // 200 small panels (16 clusters), 199 draws each; the intervals of β_1, β_2 and γ should each cover the
        // truth in roughly 95% of them.
        var covered = [0, 0, 0]
        let replications = 200
        for r in 0..<replications {
            let sim = SimulatedExternalityPanel(seed: 1000 + UInt64(r), clusters: 16, firmsPerCluster: 5, industries: 2,
                                                periods: 8, beta: [1: -0.1, 2: -0.3], gamma: -0.08)
            let est = try estimateExternality(sim.panel, bootstrapDraws: 199, seed: UInt64(r) + 1)
            let estimates = [est.byStage[1]!, est.byStage[2]!, est.ownOutput]
            let truths = [-0.1, -0.3, -0.08]
            for p in 0..<3 where estimates[p].ciLow! <= truths[p] && truths[p] <= estimates[p].ciHigh! {
                covered[p] += 1
            }
        }
        for p in 0..<3 {
            let rate = Double(covered[p]) / Double(replications)
            #expect(rate >= 0.88 && rate <= 0.99, "coverage of coefficient \(p): \(rate)")
        }
    }

    @Test func absentStagesAreNilAndAbsorbedStagesAreListed() throws {
        var sim = SimulatedExternalityPanel(seed: 5, clusters: 10, firmsPerCluster: 10, industries: 2, periods: 12)
        // Stage 4 never occurs.
        sim.panel.stageOfPeriod = sim.panel.stageOfPeriod.map { min($0, 3) }
        // In stage 2, ln Y varies only by industry×period: the cell effects absorb it.
        for r in sim.panel.logAVC.indices where sim.panel.stageOfPeriod[Int(sim.panel.period[r])] == 2 {
            sim.panel.logReach[r] = 2 + 0.1 * Double(sim.panel.group[r]) + 0.03 * Double(sim.panel.period[r])
        }
        let est = try estimateExternality(sim.panel, bootstrapDraws: 99)
        #expect(est.byStage[4] == nil)
        #expect(est.byStage[2] == nil)
        #expect(est.stagesWithoutVariation == [2])
        #expect(est.byStage[1] != nil && est.byStage[3] != nil)
    }

    @Test func singletonsAreDroppedIteratively() throws {
        let sim = SimulatedExternalityPanel(seed: 8, clusters: 6, firmsPerCluster: 6, industries: 2, periods: 6)
        var p = sim.panel
        let base = try estimateExternality(p, bootstrapDraws: 0)
        // Firm 9001 observed once; firm 9002 alone in industry 77 at period 0, then alone once more.
        func add(_ firm: Int32, _ group: Int32, _ period: Int32) {
            p.logAVC.append(0.3); p.logReach.append(1.7); p.logOutput.append(0.9)
            p.firm.append(firm); p.group.append(group); p.period.append(period); p.cluster.append(0)
        }
        add(9001, 0, 2)
        add(9002, 77, 0)
        add(9002, 1, 3)
        let est = try estimateExternality(p, bootstrapDraws: 0)
        #expect(est.droppedSingletons == base.droppedSingletons + 3)
        #expect(est.observations == base.observations)
        #expect(est.ownOutput == base.ownOutput)
        #expect(est.byStage == base.byStage)
    }

    @Test func resultsAreDeterministicAndIndependentOfRowOrder() throws {
        let sim = SimulatedExternalityPanel(seed: 21, clusters: 12, firmsPerCluster: 8, industries: 3, periods: 10)
        let a = try estimateExternality(sim.panel, bootstrapDraws: 199, seed: 9)
        let b = try estimateExternality(sim.panel, bootstrapDraws: 199, seed: 9)
        #expect(a == b)
        let json = try JSONEncoder().encode(a)
        #expect(try JSONDecoder().decode(ExternalityEstimate.self, from: json) == a)
        let c = try estimateExternality(sim.panel, bootstrapDraws: 199, seed: 10)
        #expect(a.ownOutput.ciLow != c.ownOutput.ciLow)   // another seed, other draws
        // Reverse the rows: codes follow label order, so the same draws hit the same clusters.
        var q = sim.panel
        q.logAVC.reverse(); q.logReach.reverse(); q.logOutput.reverse()
        q.firm.reverse(); q.group.reverse(); q.period.reverse(); q.cluster.reverse()
        let d = try estimateExternality(q, bootstrapDraws: 199, seed: 9)
        for s in a.byStage.keys {
            #expect(abs(a.byStage[s]!.estimate - d.byStage[s]!.estimate) < 1e-9)
            #expect(abs(a.byStage[s]!.ciLow! - d.byStage[s]!.ciLow!) < 1e-7)
            #expect(a.byStage[s]!.pValue == d.byStage[s]!.pValue)
        }
    }

    @Test func badInputIsRejectedWithOneLineErrors() throws {
        let sim = SimulatedExternalityPanel(seed: 2, clusters: 6, firmsPerCluster: 5, industries: 2, periods: 8)
        let good = sim.panel

        var p = good
        p.logReach.removeLast()
        #expect(throws: RegressionError.lengthMismatch(field: "logReach", expected: good.logAVC.count,
                                                       found: good.logAVC.count - 1, reference: "logAVC")) {
            try estimateExternality(p, bootstrapDraws: 0)
        }
        let empty = ExternalityPanel(logAVC: [], logReach: [], logOutput: [], firm: [], group: [], period: [],
                                     cluster: [], stageOfPeriod: [1])
        #expect(throws: RegressionError.noObservations(detail: "the panel has no rows")) {
            try estimateExternality(empty, bootstrapDraws: 0)
        }
        p = good
        p.logAVC[3] = .nan
        #expect(throws: RegressionError.self) { try estimateExternality(p, bootstrapDraws: 0) }
        p = good
        p.period[0] = Int32(good.stageOfPeriod.count)
        #expect(throws: RegressionError.self) { try estimateExternality(p, bootstrapDraws: 0) }
        p = good
        p.stageOfPeriod[1] = 7
        #expect(throws: RegressionError.outOfRange(field: "stageOfPeriod", index: 1, expected: "a stage label in 0...4", found: "7")) {
            try estimateExternality(p, bootstrapDraws: 0)
        }
        // Every row a singleton.
        let lonely = ExternalityPanel(logAVC: [1, 2], logReach: [1, 2], logOutput: [1, 2], firm: [1, 2], group: [1, 1],
                                      period: [0, 1], cluster: [1, 2], stageOfPeriod: [1, 1])
        #expect(throws: RegressionError.self) { try estimateExternality(lonely, bootstrapDraws: 0) }
        // One cluster.
        p = good
        p.cluster = p.cluster.map { _ in 4 }
        #expect(throws: RegressionError.noObservations(detail: "cluster-robust inference needs at least 2 clusters, found 1")) {
            try estimateExternality(p, bootstrapDraws: 0)
        }
        // Perfectly collinear: one stage only, ln q an affine function of ln Y.
        p = good
        p.stageOfPeriod = p.stageOfPeriod.map { _ in 1 }
        p.logOutput = p.logReach.map { 2 * $0 + 1 }
        #expect(throws: RegressionError.collinear(column: "logOutput", others: ["logReach×stage1"])) {
            try estimateExternality(p, bootstrapDraws: 0)
        }
        // ln q constant within firm: absorbed by the firm effects.
        p = good
        p.logOutput = p.firm.map { Double($0) * 0.1 }
        #expect(throws: RegressionError.noVariation(column: "logOutput")) { try estimateExternality(p, bootstrapDraws: 0) }
        #expect(throws: RegressionError.self) { try estimateExternality(good, bootstrapDraws: -1) }
        #expect(throws: RegressionError.self) { try estimateExternality(good, confidenceLevel: 1) }
        // Descriptions are one line.
        let error = RegressionError.lengthMismatch(field: "logReach", expected: 5, found: 4, reference: "logAVC")
        #expect(error.description == "regression input: column `logReach` has 4 rows, expected 5 (the length of `logAVC`)")
        #expect(!RegressionError.collinear(column: "a", others: ["b"]).description.contains("\n"))
    }

    /// Several panels at once (`coevo run`'s two regressions): each result is the bits of the
    /// single call (compared as encoded JSON, so −0 and NaN count), whether panels share their rows
    /// (and so the design) or differ in any identifier, on one thread or two; an invalid panel
    /// fails alone, wherever it stands, and duplicates each get their own result.
    @Test func severalPanelsGiveEachSingleCallsBits() throws {
        let sim = SimulatedExternalityPanel(seed: 31, clusters: 10, firmsPerCluster: 12, industries: 3, periods: 12)
        var other = sim.panel   // the same rows, another regressor
        other.logReach = other.logReach.enumerated().map { i, x in 0.5 * x + 0.01 * Double(i % 7) }
        var singletons = sim.panel   // rows that differ: a lone row (a singleton) added
        singletons.logAVC.append(1); singletons.logReach.append(2); singletons.logOutput.append(3)
        singletons.firm.append(9_999); singletons.group.append(0); singletons.period.append(0); singletons.cluster.append(0)
        var clusters = sim.panel   // the same firms and periods, other clusters (other standard errors)
        clusters.cluster = clusters.cluster.map { $0 / 2 }
        var groups = sim.panel   // other industries (other cells)
        groups.group = groups.group.map { $0 == 2 ? 1 : $0 }
        var stages = sim.panel   // other stage labels
        stages.stageOfPeriod = stages.stageOfPeriod.map { $0 == 4 ? 3 : $0 }
        var broken = sim.panel
        broken.logReach[5] = .infinity
        let panels = [broken, sim.panel, other, singletons, clusters, groups, stages, sim.panel]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for jobs in [1, 2] {
            let results = estimateExternality(panels, bootstrapDraws: 99, seed: 4, jobs: jobs)
            #expect(results.count == panels.count)
            #expect(throws: RegressionError.nonFinite(field: "logReach", index: 5, value: .infinity)) { try results[0].get() }
            for (panel, result) in zip(panels, results).dropFirst() {
                let alone = try estimateExternality(panel, bootstrapDraws: 99, seed: 4)
                #expect(try encoder.encode(result.get()) == encoder.encode(alone))
            }
            #expect(try results[3].get().droppedSingletons == 1)
            #expect(try results[4].get().byStage[1]!.ciLow != results[1].get().byStage[1]!.ciLow)
        }
        #expect(sim.panel.sameRows(as: other))
        for different in [singletons, clusters, groups, stages] { #expect(!sim.panel.sameRows(as: different)) }
        // Panels on the same rows whose shared part fails (every row a singleton) fail alike.
        let lonely = ExternalityPanel(logAVC: [1, 2], logReach: [1, 2], logOutput: [1, 2], firm: [1, 2], group: [1, 1],
                                      period: [0, 1], cluster: [1, 2], stageOfPeriod: [1, 1])
        for result in estimateExternality([lonely, lonely], bootstrapDraws: 0, jobs: 2) {
            #expect(throws: RegressionError.self) { try result.get() }
        }
    }

    /// Matrices filled into a workspace's memory (made ready beforehand, here full of NaN so that
    /// an element the fill skipped would show) give the bits fresh memory gives; a workspace too
    /// small is not used, and is let go.
    @Test func aWorkspaceChangesNoBit() throws {
        let sim = SimulatedExternalityPanel(seed: 31, clusters: 10, firmsPerCluster: 12, industries: 3, periods: 12)
        var other = sim.panel
        other.logReach = other.logReach.enumerated().map { i, x in 0.5 * x + 0.01 * Double(i % 7) }
        let panels = [sim.panel, other]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plain = try estimateExternality(panels, bootstrapDraws: 99, seed: 4, jobs: 2).map { try encoder.encode($0.get()) }
        let columns = 4 + 2   // ln AVC, ln Y in each of the four stages, ln q
        let enough = sim.panel.logAVC.count * columns
        for (elements, used) in [(enough + 1_000, true), (enough, true), (10, false)] {
            for jobs in [1, 2] {
                let workspace = RegressionWorkspace(matrices: 2, elements: elements, filling: .nan)
                let results = estimateExternality(panels, bootstrapDraws: 99, seed: 4, jobs: jobs, workspace: workspace)
                #expect(try results.map { try encoder.encode($0.get()) } == plain)
                #expect(workspace.handedOut == (used ? 2 : 0))
                // What was not taken has been let go.
                for i in 0..<2 { #expect(workspace.take(i, elements: 0) == nil) }
            }
        }
    }
}
