// The innovation mechanism (MODEL.md §3(7)) when switched on: the frontier moves, firms innovate
// and imitate, R&D is paid; switched off, quality and the frontier stand still. Fact 6 (lock-in
// without digital commerce) is not yet reproduced: the mechanism is off by default (docs/ODD.md).

import CoevoModel
import Testing

@Suite struct InnovationTests {
    @Test func innovationMovesQualityAndCostsMoney() {
        let on = runSeries(testParameters(firms: 3000, periods: 40) { $0.innovation = true }, seed: 2)
        #expect(on["innovation.share"].suffix(20).reduce(0, +) > 0)
        // Quality is reported relative to a frontier that moves: without innovation it would fall by g_F per quarter.
        let drift = on["quality.mean"].last! - on["quality.mean"].first!
        #expect(drift > -0.01 * 39 + 0.02, "relative quality drift \(drift)")
        let off = runSeries(testParameters(firms: 3000, periods: 40) { $0.innovation = false }, seed: 2)
        #expect(off["innovation.share"].allSatisfy { $0 == 0 })
        #expect(off["lockin"].allSatisfy { $0 == 0 })
    }

    @Test func standingStillMeansFallingBehind() {
        // Innovation on but unaffordable: relative quality of incumbents falls with the frontier.
        let r = runSeries(testParameters(firms: 3000, periods: 40) { $0.innovation = true; $0.rdCost = 100; $0.imitationHazard = 0; $0.platforms = false }, seed: 2)
        #expect(r["innovation.share"].allSatisfy { $0 == 0 })
        #expect(r["quality.mean"].last! < r["quality.mean"].first! - 0.2)
        #expect(r["lockin"].last! == 1)
    }
}
