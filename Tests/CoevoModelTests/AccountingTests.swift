// Cost accounting adds up exactly (INTERFACE.md): components to cost.average; fall.* to
// fall.total = cost.average(0) − cost.average(t); source.* to fall.within; levels to fall.total.

import CoevoModel
import Testing

@Suite struct AccountingTests {
    static let r = runSeries(testParameters(firms: 3000, periods: 60), seed: 5)

    func close(_ a: Double, _ b: Double, scale: Double) -> Bool { abs(a - b) <= 1e-9 * max(scale, 1e-12) }

    @Test func componentsAddUpToAverageCost() {
        let r = Self.r
        let parts = ["cost.production", "cost.logistics", "cost.finance", "cost.transaction", "cost.fees", "cost.inventory", "cost.fixed"]
        for t in r["cost.average"].indices {
            let sum = parts.reduce(0) { $0 + r[$1][t] }
            #expect(close(sum, r["cost.average"][t], scale: r["cost.average"][t]), "period \(t)")
        }
    }

    @Test func fallsAddUp() {
        let r = Self.r
        let c0 = r["cost.average"][0]
        let sources = ["source.factor_prices", "source.productivity", "source.input_sharing", "source.logistics", "source.finance",
                       "source.transaction", "source.fees", "source.inventory", "source.fixed"]
        let levels = ["externality.cluster", "externality.network", "externality.ecosystem", "externality.economy",
                      "internal.learning", "selection", "other"]
        for t in r["cost.average"].indices {
            let fall = c0 - r["cost.average"][t]
            #expect(close(r["fall.total"][t], fall, scale: c0), "period \(t): fall.total \(r["fall.total"][t]) vs \(fall)")
            let mp = r["fall.within"][t] + r["fall.reallocation"][t] + r["fall.entry"][t] + r["fall.exit"][t]
            #expect(close(mp, fall, scale: c0), "period \(t): Melitz–Polanec parts")
            #expect(close(sources.reduce(0) { $0 + r[$1][t] }, r["fall.within"][t], scale: c0), "period \(t): sources")
            #expect(close(levels.reduce(0) { $0 + r[$1][t] }, fall, scale: c0), "period \(t): levels")
            #expect(close(r["selection"][t], r["fall.reallocation"][t] + r["fall.entry"][t] + r["fall.exit"][t], scale: c0))
        }
        // The decomposition is not trivially zero: average cost moves and several parts are active.
        #expect(abs(r["fall.total"].last!) > 0.01)
        #expect(abs(r["externality.cluster"].last!) > 1e-3 && abs(r["externality.economy"].last!) > 1e-3)
        #expect(abs(r["fall.entry"].last!) + abs(r["fall.exit"].last!) > 1e-4)
    }
}
