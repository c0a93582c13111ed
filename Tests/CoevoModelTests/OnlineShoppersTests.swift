// The consumer side of online retail (docs/ODD.md §7.12, §8.5): `online.share.retail` counts the
// consumer channels over final-goods sales at home, and with `demand.shoppers_path` only a share
// π(t) of consumers shops online, so online sellers reach less of the retail market.

@testable import CoevoModel
import Testing

@Suite struct OnlineShoppersTests {
    @Test func shopperShareFollowsItsLogistic() {
        var p = testParameters(firms: 600, periods: 4)
        p.onlineShoppersPath = true
        var model = Model(parameters: p, seed: 1)
        model.burnIn()
        // Quarter 0 is 2009Q1: 0.75 / (1 + e^(33/14.7)) ≈ 0.0717.
        #expect(abs(model.onlineShoppers - 0.75 / (1 + exp(33 / 14.7))) < 1e-15)
        #expect(abs(model.onlineShoppers - 0.0717) < 0.001)
        p.onlineShoppersPath = false
        #expect(Model(parameters: p, seed: 1).onlineShoppers == 1)
    }

    @Test func fewerShoppersMeanALowerOnlineRetailShare() {
        let all = runSeries(testParameters(firms: 3000, periods: 32), seed: 3)
        let some = runSeries(testParameters(firms: 3000, periods: 32) { $0.onlineShoppersPath = true }, seed: 3)
        // Both take up online retail; with a third of consumers online at quarter 31 the online
        // retail share is well below the every-consumer economy's.
        #expect(all["online.share.retail"].last! > 0.05)
        #expect(some["online.share.retail"].last! > 0)
        #expect(some["online.share.retail"].last! < 0.6 * all["online.share.retail"].last!)
        // Without platforms nobody sells online: the share is 0 with or without the path.
        let none = runSeries(testParameters(firms: 1000, periods: 8) { $0.platforms = false; $0.onlineShoppersPath = true }, seed: 3)
        #expect(none["online.share.retail"].allSatisfy { $0 == 0 })
    }
}

import Foundation
