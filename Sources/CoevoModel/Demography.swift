// Firm demography (MODEL.md §3(11); paper §2.1.2, the Taobao-village boom): exit on negative net
// worth, or on `exit.losses` losing quarters after age `exit.age`, or (with `exit.solvent`, not in
// MODEL.md) when a losing firm's net worth would not cover another such quarter; a constrained
// firm whose financed plan would leave it insolvent has already closed (Demand.swift, `closes`).
// Entry: each village's remaining households open firms at a Bass rate (p + q·online share of the
// village) × remaining pool × profitability, faster where online shops make entry cheap; entrants
// copy the village's online mix in proportion to the demonstration effect, and choose the supplier
// role when suppliers earn more than sellers in their cluster (free entry of suppliers, which makes
// the input pool of InputMarket.swift grow with demand).

extension Model {
    mutating func exitFirms() {
        let p = parameters
        exitOutput = 0; exitCostSum = 0
        // Who leaves is a map over the firms (on every thread, each firm's flag at its slot); the
        // leavers' output and cost are then summed in slot order.
        let n = firms.count
        var leaving: [Int] = []
        withScratch(words: (n + 7) / 8) { model, raw in
            let leaves = raw.bindMemory(to: Bool.self, capacity: n)
            let age = model.firms.age.base, lossFirm = model.firms.lossFirm.base
            let profit = model.firms.profit.base, netWorth = model.firms.netWorth.base
            model.forEachFirmChunk(n) { slots in for s in slots {
                let losing = Int(age[s]) >= p.exitAge && Int(lossFirm[s]) >= p.exitLosses
                // With `exit.solvent` the owners close before the equity is gone: one more quarter
                // like this one would leave the firm insolvent.
                let closing = p.exitSolvent && profit[s] < 0 && netWorth[s] + profit[s] < 0
                leaves[s] = netWorth[s] < 0 || losing || closing
            } }
            for s in 0..<n where leaves[s] {
                if model.firms.output[s] > 1e-12 {
                    model.exitOutput += model.firms.output[s]
                    model.exitCostSum += model.firms.output[s] * model.firms.averageCost(s)
                }
                leaving.append(s)
            }
        }
        dropLinks(ofLeaving: leaving)
        firms.remove(slots: leaving, threads: threads)
        exitsLastPeriod = leaving.count
    }

    mutating func enterFirms() {
        let p = parameters
        var entrants: [(village: Int, role: ChainRole, online: Bool)] = []
        let supplierLogit = log(p.supplierShare / (1 - p.supplierShare))
        // Entrants copy their village's online mix in proportion to the demonstration effect;
        // without it they go online at the economy-wide rate.
        let copy = min(1, p.demonstration)
        var economyOnline = 0.0
        for v in villages.indices { economyOnline += Double(villages[v].online) }
        economyOnline /= Double(max(firms.count, 1))
        for v in 0..<villages.count {
            let vs = villages[v]
            let pool = world.villageHouseholds[v] - vs.firms
            guard pool > 0 else { continue }
            let onlineShare = vs.firms > 0 ? Double(vs.online) / Double(vs.firms) : 0
            let costMix = onlineShare * p.entryCostOnline + (1 - onlineShare) * p.entryCostOffline
            let cheapness = p.entryCostOffline / max(costMix, 1e-9)
            let profitability = min(2, max(0, vs.profitRate / 0.1))
            let expected = (p.bassP + p.bassQ * onlineShare) * Double(pool) * profitability * min(cheapness, 5)
            var n = Int(expected)
            if random.uniform(.entry, period: period, id: UInt32(v), draw: 0) < expected - Double(n) { n += 1 }
            n = min(n, pool)
            let k = world.villageCluster[v]
            for e in 0..<n {
                let u = random.uniform(.entry, period: period, id: UInt32(v), draw: UInt32(1 + 3 * e))
                let tilt = 10 * (clusters[k].supplierProfitRate - clusters[k].sellerProfitRate)
                let pSupplier = 1 / (1 + exp(-(supplierLogit + tilt)))
                let role: ChainRole = u < pSupplier ? .supplier
                    : (random.uniform(.entry, period: period, id: UInt32(v), draw: UInt32(2 + 3 * e)) * (1 - p.supplierShare) < p.brandShare ? .brand : .manufacturer)
                let pOnline = copy * onlineShare + (1 - copy) * economyOnline
                let online = digitalActive && random.uniform(.entry, period: period, id: UInt32(v), draw: UInt32(3 + 3 * e)) < pOnline
                entrants.append((v, role, online))
            }
        }
        let first = firms.appendBlank(entrants.count)
        for (i, e) in entrants.enumerated() { initializeFirm(slot: first + i, village: e.village, role: e.role, online: e.online, entrant: true) }
        entrantsLastPeriod = entrants.count
    }
}

import Foundation
