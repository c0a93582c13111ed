// Firm accounts (MODEL.md §3(6)): per-unit cost components, profit by channel and in total, value
// added (revenue − purchased inputs − fees − logistics), net worth, the online data trail, and the
// regional and platform totals the next quarter's mechanisms read.

/// Regional and platform totals of one quarter's accounts, summed in slot order.
struct AccountTotals {
    var labour: [Double], valueAdded: [Double], sales: [Double], onlineVolume: [Double]
    var gmv: [Double]
    var volume = 0.0, totalSales = 0.0
    init(regions: Int, platforms: Int) {
        labour = Array(repeating: 0, count: regions); valueAdded = labour; sales = labour; onlineVolume = labour
        gmv = Array(repeating: 0, count: platforms)
    }
}

extension Model {
    /// Settles every firm's accounts and stores the regional and platform totals.
    mutating func settleAccounts() {
        var t = AccountTotals(regions: regions.count, platforms: platforms.count)
        settleFirmAccounts(into: &t)
        for r in regions.indices {
            regions[r].labour = t.labour[r]; regions[r].valueAdded = t.valueAdded[r]
            regions[r].sales = t.sales[r]; regions[r].onlineVolume = t.onlineVolume[r]
        }
        for q in platforms.indices { platforms[q].gmv = t.gmv[q] }
        onlineVolume = t.volume
        onlineShare = t.totalSales > 0 ? t.volume / t.totalSales : 0
    }

    /// The per-firm part of `settleAccounts`: writes the firm columns (reference storage) and sums
    /// the totals into `t`. Non-mutating on purpose: the helpers it calls (`transactionShare`, …)
    /// then read `self` in place, where from a mutating method the optimiser copied the whole
    /// `Model` (≈ 100 retains and releases) for every IINET user.
    private func settleFirmAccounts(into t: inout AccountTotals) {
        let p = parameters
        var volume = 0.0, sales = 0.0
        let C = Channel.count
        for s in 0..<firms.count {
            let r = Int(firms.region[s])
            let rev = firms.revenue[s], q = firms.output[s]
            let ch = firms.channels[s]
            // Selling channels: fee and logistics on each channel's revenue; GMV to its platform.
            var fees = 0.0, logistics = 0.0
            let variable = firms.costProduction[s] + firms.costTransaction[s] + firms.costFinance[s] + firms.costInventory[s]
            let margin = firms.price[s] > 0 ? 1 - variable / firms.price[s] : 0
            var sellingChannels = 0.0
            if ch & Channel.sellingBits != 0 {
                for raw in 0..<4 {   // the selling channels: RETAIL, B2B, LIVE, XBORDER
                    let c = Channel(rawValue: raw).unsafelyUnwrapped
                    let pc = firms.platform(s, c)
                    guard pc >= 0 else { continue }
                    let revenue = channelRevenue(slot: s, c)
                    let fee = platforms[Int(pc)].fee, l = logisticsShare(slot: s, platform: pc)
                    fees += fee * revenue; logistics += l * revenue
                    t.gmv[Int(pc)] += revenue
                    sellingChannels += 1
                    // Channel profit: its revenue net of variable cost, fee and logistics, and its fixed cost.
                    firms.setChannelProfit(s, c, revenue * (margin - fee - l) - p.channelFixedCost)
                }
            }
            // Sharing services: a fee on the share of revenue the service carries (the users' whole
            // revenue is the platform's GMV: the business it sees and learns from); the channel's
            // profit is the cost it saves (MAKE: fixed cost and inventory; IINET: transaction cost;
            // DESIGN: what the design market brought, `designValue`) less that fee.
            var fixedCost = firms.fixedCost[s]
            if ch & (Channel.design.bit | Channel.make.bit | Channel.iinet.bit) != 0 {
                let production = firms.costProduction[s]
                for raw in 4..<Channel.count {   // the sharing services: DESIGN, MAKE, IINET
                    let c = Channel(rawValue: raw).unsafelyUnwrapped
                    let pc = firms.platform(s, c)
                    guard pc >= 0 else { continue }
                    let base = p.serviceShare * max(rev, 0)
                    let charge = platforms[Int(pc)].fee * base
                    fees += charge
                    t.gmv[Int(pc)] += max(rev, 0)   // the business the service carries (its data)
                    let saving: Double
                    switch c {
                    case .make:
                        let fixedSaving = firms.fixedCost[s] * (1 - p.makeFixedFactor)
                        fixedCost -= fixedSaving
                        saving = fixedSaving + q * production * (makeToStockShare(slot: s) - firms.costInventory[s] / max(production, 1e-300))
                    case .iinet:
                        let without = transactionShare(slot: s, onlineShare: onlineShare, gReg: regions[r].policy[Lever.reg.rawValue], iinet: false)
                        saving = q * (without * production - firms.costTransaction[s])
                    default:
                        saving = firms.designValue[s]
                    }
                    firms.setChannelProfit(s, c, saving - charge)
                }
            }
            firms.designValue[s] = 0
            let online = firms.revenueOnline[s]
            let channelFixed = p.channelFixedCost * sellingChannels
            let amortized = min(firms.adoptionCharge[s], firms.adoptionBalance[s])
            let fixed = fixedCost + channelFixed + amortized + firms.rdCharge[s] + (firms.exporter[s] ? p.exportFixedCost : 0)
            firms.rdCharge[s] = 0
            let profit = rev - q * variable - fees - logistics - fixed
            firms.profit[s] = profit
            if q > 1e-12 {
                firms.costFees[s] = fees / q
                firms.costLogistics[s] = logistics / q
                firms.costFixed[s] = fixed / q
            } else {
                firms.costFees[s] = 0; firms.costLogistics[s] = 0; firms.costFixed[s] = 0
            }
            if ch != 0 {
                for c in 0..<C {
                    let i = s * C + c
                    firms.channelLosses[i] = firms.channelPlatform[i] >= 0 && firms.channelProfit[i] < 0 ? min(firms.channelLosses[i] &+ 1, 200) : 0
                }
            }
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
            t.labour[r] += q * exp(-firms.logA[s])
            t.valueAdded[r] += rev - firms.inputSpending[s] - fees - logistics
            t.sales[r] += rev
            t.onlineVolume[r] += online
            volume += online; sales += rev
        }
        t.volume = volume; t.totalSales = sales
    }

    /// Revenue of a selling channel this quarter (rev).
    @inline(__always) func channelRevenue(slot s: Int, _ c: Channel) -> Double {
        switch c {
        case .retail: firms.revenueRetail[s]
        case .b2b: firms.revenueB2B[s]
        case .live: firms.revenueLive[s]
        case .xborder: firms.revenueXborder[s]
        default: 0
        }
    }
}

import Foundation
