import Testing
@testable import CoevoMeasure

/// The estimator against independent references: statsmodels (OLS with explicit dummies, CR1),
/// linearmodels (PanelOLS) and a brute-force numpy restricted wild cluster bootstrap. The panel and
/// the values are in ExternalityFixtureTests.swift, written by scripts/crosscheck/econometrics_fe.py.
@Suite struct ExternalityCrossCheckTests {
    func panel(cluster: [Int32]) -> ExternalityPanel {
        ExternalityPanel(logAVC: ExternalityFixture.logAVC, logReach: ExternalityFixture.logReach,
                         logOutput: ExternalityFixture.logOutput, firm: ExternalityFixture.firm,
                         group: ExternalityFixture.group, period: ExternalityFixture.period, cluster: cluster,
                         stageOfPeriod: ExternalityFixture.stageOfPeriod)
    }

    func check(_ est: ExternalityEstimate, _ ref: ExternalityFixture.Reference) {
        #expect(est.observations == ref.observations)
        #expect(est.droppedSingletons == ExternalityFixture.rows - ref.observations)
        #expect(est.clusters == ref.clusters)
        #expect(est.firms == ref.firms)
        #expect(est.absorbedParameters == ref.absorbed)
        #expect(abs(est.withinR2 - ref.withinR2) < 1e-9)
        #expect(Array(est.byStage.keys).sorted() == ExternalityFixture.stages)
        #expect(est.byStage[4] == nil)   // stage 4 never occurs in the fixture
        let coefficients = ExternalityFixture.stages.map { est.byStage[$0]! } + [est.ownOutput]
        for (p, c) in coefficients.enumerated() {
            #expect(abs(c.estimate - ref.estimate[p]) < 1e-8, "estimate \(p)")
            #expect(abs(c.standardError - ref.standardError[p]) < 1e-8, "CR1 standard error \(p)")
            #expect(abs(c.ciLow! - ref.ciLow[p]) < 1e-6, "ciLow \(p): \(c.ciLow!) vs \(ref.ciLow[p])")
            #expect(abs(c.ciHigh! - ref.ciHigh[p]) < 1e-6, "ciHigh \(p): \(c.ciHigh!) vs \(ref.ciHigh[p])")
            #expect(abs(c.pValue! - ref.pValue[p]) < 1e-12, "p-value \(p)")
        }
    }

    @Test func firmsNestedInClustersMatchReference() throws {
        let est = try estimateExternality(panel(cluster: ExternalityFixture.clusterNested),
                                          bootstrapDraws: ExternalityFixture.draws, seed: ExternalityFixture.seed)
        check(est, ExternalityFixture.nested)
    }

    @Test func crossedClustersMatchStatsmodelsDirectly() throws {
        // No effect is nested within clusters, so K counts every absorbed parameter, exactly as
        // statsmodels does with the explicit dummies.
        let ref = ExternalityFixture.crossed
        #expect(ref.standardError == ref.standardErrorAllEffectsCounted)
        let est = try estimateExternality(panel(cluster: ExternalityFixture.clusterCrossed),
                                          bootstrapDraws: ExternalityFixture.draws, seed: ExternalityFixture.seed)
        check(est, ref)
    }
}
