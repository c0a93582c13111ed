// Exit while solvent (`exit.solvent`, Demography.swift and Demand.swift's `closes`) and lending on
// lost orders where the data trail reaches (`finance.order_credit`, Finance.swift): firms that
// their credit line would cut to a loss-making sliver close instead, and the within-firm part of
// the cost fall is no longer the climbing fixed cost per unit of the dying.

@testable import CoevoModel
import Testing

@Suite("Demography: owners close while solvent")
struct DemographyTests {
    /// Firms that produced nothing this quarter although credit-constrained, and whether each of
    /// them is insolvent (net worth < 0 after the quarter's accounts, so it exits at the quarter's end).
    static func closures(_ p: Parameters, seed: UInt64) -> (closed: Int, insolvent: Int) {
        var closed = 0, insolvent = 0
        _ = Simulation.run(parameters: p, seed: seed, keepObservations: false) { _, model in
            let f = model.firms
            for s in 0..<f.count where f.constrained[s] && f.output[s] == 0 {
                closed += 1
                if f.netWorth[s] < 0 { insolvent += 1 }
            }
        }
        return (closed, insolvent)
    }

    @Test func aFirmCutToALosingSliverClosesAndLeaves() {
        let on = Self.closures(testParameters(periods: 40), seed: 21)
        #expect(on.closed > 20, "closures \(on.closed)")
        #expect(on.insolvent == on.closed, "\(on.closed - on.insolvent) closed firms would not leave")
        // Without the rule a constrained firm produces what its line finances, however little.
        let off = Self.closures(testParameters(periods: 40) { $0.exitSolvent = false }, seed: 21)
        #expect(off.closed == 0)
    }

    @Test func withinFirmFallIsNotTheDyingFirmsFixedCost() {
        // fall.within at the end (4,000 firms): −0.05 to +0.06 over seeds 21–25 with the defaults;
        // −0.48 to −0.76 without exit.solvent (the last quarters of firms on a shrinking line, their
        // fixed cost over a sliver of output, dominate the unweighted mean of Melitz–Polanec).
        var with = 0.0, without = 0.0
        for seed in stageSeeds.prefix(5) {
            with += baselineRuns[seed]!["fall.within"].last!
            without += runSeries(testParameters { $0.exitSolvent = false }, seed: seed)["fall.within"].last!
        }
        #expect(with / 5 > -0.1, "mean fall.within \(with / 5)")
        #expect(without / 5 < -0.3, "mean fall.within without exit.solvent \(without / 5)")
    }

    @Test func lostOrdersAreFinancedOnlyWhereTheDataTrailReaches() {
        // With data-based credit off, lenders see no orders: order credit changes nothing.
        let noData = testParameters(firms: 1500, periods: 30) { $0.dataCredit = false }
        var plain = noData
        plain.orderCredit = false
        #expect(runSeries(noData, seed: 3)["cost.average"] == runSeries(plain, seed: 3)["cost.average"])
        // With it on, it does.
        let a = runSeries(testParameters(firms: 1500, periods: 30), seed: 3)["cost.average"]
        let b = runSeries(testParameters(firms: 1500, periods: 30) { $0.orderCredit = false }, seed: 3)["cost.average"]
        #expect(a != b)
    }
}
