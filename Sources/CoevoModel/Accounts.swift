// Firm accounts (MODEL.md §3(6)): per-unit cost components, profit by channel and in total, value
// added (revenue − purchased inputs − fees − logistics), net worth, the online data trail, and the
// regional and platform totals the next quarter's mechanisms read.

extension Model {
    mutating func settleAccounts() {
        let p = parameters
        for r in regions.indices { regions[r].labour = 0; regions[r].valueAdded = 0; regions[r].sales = 0; regions[r].onlineVolume = 0 }
        for q in platforms.indices { platforms[q].gmv = 0 }
        var volume = 0.0, sales = 0.0
        for s in 0..<firms.count {
            let r = Int(firms.region[s])
            let rev = firms.revenue[s], q = firms.output[s]
            let l = regions[r].logistics
            var fees = 0.0
            let pr = firms.platformRetail[s], pb = firms.platformB2B[s], pl = firms.platformLive[s]
            if pr >= 0 { fees += platforms[Int(pr)].fee * firms.revenueRetail[s]; platforms[Int(pr)].gmv += firms.revenueRetail[s] }
            if pb >= 0 { fees += platforms[Int(pb)].fee * firms.revenueB2B[s]; platforms[Int(pb)].gmv += firms.revenueB2B[s] }
            if pl >= 0 { fees += platforms[Int(pl)].fee * firms.revenueLive[s]; platforms[Int(pl)].gmv += firms.revenueLive[s] }
            let online = firms.revenueOnline[s]
            let logistics = l * online
            let channelFixed = p.channelFixedCost * Double((firms.channels[s] & (Channel.retail.bit | Channel.b2b.bit | Channel.live.bit)).nonzeroBitCount)
            let amortized = min(firms.adoptionCharge[s], firms.adoptionBalance[s])
            let fixed = firms.fixedCost[s] + channelFixed + amortized + firms.rdCharge[s] + (firms.exporter[s] ? p.exportFixedCost : 0)
            firms.rdCharge[s] = 0
            let variable = firms.costProduction[s] + firms.costTransaction[s] + firms.costFinance[s] + firms.costInventory[s]
            let profit = rev - q * variable - fees - logistics - fixed
            firms.profit[s] = profit
            if q > 1e-12 {
                firms.costFees[s] = fees / q
                firms.costLogistics[s] = logistics / q
                firms.costFixed[s] = fixed / q
            } else {
                firms.costFees[s] = 0; firms.costLogistics[s] = 0; firms.costFixed[s] = 0
            }
            // Channel profit: its revenue net of variable cost, its fee and logistics, and its fixed cost.
            let margin = firms.price[s] > 0 ? 1 - variable / firms.price[s] : 0
            if pr >= 0 { firms.profitRetail[s] = firms.revenueRetail[s] * (margin - platforms[Int(pr)].fee - l) - p.channelFixedCost }
            if pb >= 0 { firms.profitB2B[s] = firms.revenueB2B[s] * (margin - platforms[Int(pb)].fee - l) - p.channelFixedCost }
            if pl >= 0 { firms.profitLive[s] = firms.revenueLive[s] * (margin - platforms[Int(pl)].fee - l) - p.channelFixedCost }
            firms.lossRetail[s] = pr >= 0 && firms.profitRetail[s] < 0 ? firms.lossRetail[s] &+ 1 : 0
            firms.lossB2B[s] = pb >= 0 && firms.profitB2B[s] < 0 ? firms.lossB2B[s] &+ 1 : 0
            firms.lossLive[s] = pl >= 0 && firms.profitLive[s] < 0 ? firms.lossLive[s] &+ 1 : 0
            firms.lossFirm[s] = profit < 0 ? min(firms.lossFirm[s] &+ 1, 200) : 0
            // Cash: the adoption charge is non-cash (paid at adoption), owners take a payout and consume.
            let cash = profit + amortized
            firms.netWorth[s] += cash - p.payout * max(profit, 0) - p.netWorthDecay * max(firms.netWorth[s], 0)
            if amortized > 0 {
                firms.adoptionBalance[s] -= amortized
                if firms.adoptionBalance[s] <= 1e-12 { firms.adoptionBalance[s] = 0; firms.adoptionCharge[s] = 0 }
            }
            firms.dataTrail[s] += online
            firms.onlineShareLast[s] = rev > 0 ? online / rev : 0
            regions[r].labour += q * exp(-firms.logA[s])
            regions[r].valueAdded += rev - firms.inputSpending[s] - fees - logistics
            regions[r].sales += rev
            regions[r].onlineVolume += online
            volume += online; sales += rev
        }
        onlineVolume = volume
        onlineShare = sales > 0 ? volume / sales : 0
    }
}

import Foundation
