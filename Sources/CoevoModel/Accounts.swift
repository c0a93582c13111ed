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
        // Each firm's labour and value added go to scratch in the (chunked) per-firm pass and are
        // summed afterwards in slot order.
        let n = firms.count
        withScratch(words: 2 * n) { model, raw in
            let terms = raw.bindMemory(to: Double.self, capacity: 2 * n)
            model.settleFirmAccounts(labour: terms, valueAdded: terms + n)
            model.sumAccounts(into: &t, labour: terms, valueAdded: terms + n)
        }
        for r in regions.indices {
            regions[r].labour = t.labour[r]; regions[r].valueAdded = t.valueAdded[r]
            regions[r].sales = t.sales[r]; regions[r].onlineVolume = t.onlineVolume[r]
        }
        for q in platforms.indices { platforms[q].gmv = t.gmv[q] }
        onlineVolume = t.volume
        onlineShare = t.totalSales > 0 ? t.volume / t.totalSales : 0
    }

    /// The per-firm part of `settleAccounts`: writes the firm columns (reference storage) and each
    /// firm's labour and value added; a map over the firms, run in chunks on several threads
    /// (FirmChunks.swift). Non-mutating on purpose: the helpers it calls (`transactionShare`, …)
    /// then read `self` in place, where from a mutating method the optimiser copied the whole
    /// `Model` (≈ 100 retains and releases) for every IINET user.
    private func settleFirmAccounts(labour: UnsafeMutablePointer<Double>, valueAdded: UnsafeMutablePointer<Double>) {
        let p = parameters
        let C = Channel.count
        // Columns through their base pointers taken once (through `firms.x[s]` each access reloads
        // the column and its base).
        let region = firms.region.base, revenueOf = firms.revenue.base, output = firms.output.base, channels = firms.channels.base
        let cProd = firms.costProduction.base, cTra = firms.costTransaction.base, cFin = firms.costFinance.base, cInv = firms.costInventory.base
        let price = firms.price.base, fixedCostOf = firms.fixedCost.base, designValue = firms.designValue.base
        let revenueOnline = firms.revenueOnline.base, adoptionCharge = firms.adoptionCharge.base, adoptionBalance = firms.adoptionBalance.base
        let rdCharge = firms.rdCharge.base, exporter = firms.exporter.base, profitOf = firms.profit.base
        let cFee = firms.costFees.base, cLog = firms.costLogistics.base, cFix = firms.costFixed.base
        let channelLosses = firms.channelLosses.base, channelPlatform = firms.channelPlatform.base, channelProfit = firms.channelProfit.base
        let lossFirm = firms.lossFirm.base, netWorth = firms.netWorth.base, dataTrail = firms.dataTrail.base
        let onlineShareLast = firms.onlineShareLast.base, logA = firms.logA.base, inputSpending = firms.inputSpending.base
        let gRegOf = regions.map { $0.policy[Lever.reg.rawValue] }
        forEachFirmChunk(firms.count) { slots in for s in slots {
            let r = Int(region[s])
            let rev = revenueOf[s], q = output[s]
            let ch = channels[s]
            // Selling channels: fee and logistics on each channel's revenue (GMV to its platform in
            // `sumAccounts`).
            var fees = 0.0, logistics = 0.0
            let variable = cProd[s] + cTra[s] + cFin[s] + cInv[s]
            let margin = price[s] > 0 ? 1 - variable / price[s] : 0
            var sellingChannels = 0.0
            if ch & Channel.sellingBits != 0 {
                for raw in 0..<4 {   // the selling channels: RETAIL, B2B, LIVE, XBORDER
                    let c = Channel(rawValue: raw).unsafelyUnwrapped
                    let pc = channelPlatform[s &* C &+ raw]
                    guard pc >= 0 else { continue }
                    let revenue = channelRevenue(slot: s, c)
                    let fee = platforms[Int(pc)].fee, l = logisticsShare(slot: s, platform: pc)
                    fees += fee * revenue; logistics += l * revenue
                    sellingChannels += 1
                    // Channel profit: its revenue net of variable cost, fee and logistics, and its fixed cost.
                    channelProfit[s &* C &+ raw] = revenue * (margin - fee - l) - p.channelFixedCost
                }
            }
            // Sharing services: a fee on the share of revenue the service carries (the users' whole
            // revenue is the platform's GMV: the business it sees and learns from); the channel's
            // profit is the cost it saves (MAKE: fixed cost and inventory; IINET: transaction cost;
            // DESIGN: what the design market brought, `designValue`) less that fee.
            var fixedCost = fixedCostOf[s]
            if ch & (Channel.design.bit | Channel.make.bit | Channel.iinet.bit) != 0 {
                let production = cProd[s]
                for raw in 4..<Channel.count {   // the sharing services: DESIGN, MAKE, IINET
                    let c = Channel(rawValue: raw).unsafelyUnwrapped
                    let pc = channelPlatform[s &* C &+ raw]
                    guard pc >= 0 else { continue }
                    let base = p.serviceShare * max(rev, 0)
                    let charge = platforms[Int(pc)].fee * base
                    fees += charge
                    let saving: Double
                    switch c {
                    case .make:
                        let fixedSaving = fixedCostOf[s] * (1 - p.makeFixedFactor)
                        fixedCost -= fixedSaving
                        saving = fixedSaving + q * production * (makeToStockShare(slot: s) - cInv[s] / max(production, 1e-300))
                    case .iinet:
                        let without = transactionShare(slot: s, onlineShare: onlineShare, gReg: gRegOf[r], iinet: false)
                        saving = q * (without * production - cTra[s])
                    default:
                        saving = designValue[s]
                    }
                    channelProfit[s &* C &+ raw] = saving - charge
                }
            }
            designValue[s] = 0
            let online = revenueOnline[s]
            let channelFixed = p.channelFixedCost * sellingChannels
            let amortized = min(adoptionCharge[s], adoptionBalance[s])
            let fixed = fixedCost + channelFixed + amortized + rdCharge[s] + (exporter[s] ? p.exportFixedCost : 0)
            rdCharge[s] = 0
            let profit = rev - q * variable - fees - logistics - fixed
            profitOf[s] = profit
            if q > 1e-12 {
                cFee[s] = fees / q
                cLog[s] = logistics / q
                cFix[s] = fixed / q
            } else {
                cFee[s] = 0; cLog[s] = 0; cFix[s] = 0
            }
            if ch != 0 {
                for c in 0..<C {
                    let i = s * C + c
                    channelLosses[i] = channelPlatform[i] >= 0 && channelProfit[i] < 0 ? min(channelLosses[i] &+ 1, 200) : 0
                }
            }
            lossFirm[s] = profit < 0 ? min(lossFirm[s] &+ 1, 200) : 0
            // Cash: the adoption charge is non-cash (paid at adoption), owners take a payout and consume.
            let cash = profit + amortized
            netWorth[s] += cash - p.payout * max(profit, 0) - p.netWorthDecay * max(netWorth[s], 0)
            if amortized > 0 {
                adoptionBalance[s] -= amortized
                if adoptionBalance[s] <= 1e-12 { adoptionBalance[s] = 0; adoptionCharge[s] = 0 }
            }
            dataTrail[s] += online
            onlineShareLast[s] = rev > 0 ? online / rev : 0
            labour[s] = q * exp(-logA[s])
            valueAdded[s] = rev - inputSpending[s] - fees - logistics
        } }
    }

    /// The regional and platform totals of the accounts, summed in slot order on one thread (the
    /// same bits whatever the thread count): labour and value added from the per-firm pass, sales
    /// and online sales, and each platform's GMV — a selling channel's revenue, and for a sharing
    /// service the whole revenue of its user (the business it carries: its data).
    private func sumAccounts(into t: inout AccountTotals, labour: UnsafeMutablePointer<Double>, valueAdded: UnsafeMutablePointer<Double>) {
        let C = Channel.count
        // Sums in local columns (no uniqueness or bounds check per write).
        let labourSum = Column<Double>(repeating: 0, count: t.labour.count), valueAddedSum = Column<Double>(repeating: 0, count: t.labour.count)
        let salesSum = Column<Double>(repeating: 0, count: t.labour.count), onlineSum = Column<Double>(repeating: 0, count: t.labour.count)
        let gmv = Column<Double>(repeating: 0, count: t.gmv.count)
        let region = firms.region.base, revenueOf = firms.revenue.base, channels = firms.channels.base
        let revenueOnline = firms.revenueOnline.base, channelPlatform = firms.channelPlatform.base
        var volume = 0.0, sales = 0.0
        for s in 0..<firms.count {
            let r = Int(region[s]), rev = revenueOf[s], ch = channels[s]
            if ch & Channel.sellingBits != 0 {
                for raw in 0..<4 {
                    let pc = channelPlatform[s &* C &+ raw]
                    if pc >= 0 { gmv[Int(pc)] += channelRevenue(slot: s, Channel(rawValue: raw).unsafelyUnwrapped) }
                }
            }
            if ch & (Channel.design.bit | Channel.make.bit | Channel.iinet.bit) != 0 {
                for raw in 4..<C {
                    let pc = channelPlatform[s &* C &+ raw]
                    if pc >= 0 { gmv[Int(pc)] += max(rev, 0) }
                }
            }
            let online = revenueOnline[s]
            labourSum[r] += labour[s]
            valueAddedSum[r] += valueAdded[s]
            salesSum[r] += rev
            onlineSum[r] += online
            volume += online; sales += rev
        }
        t.labour = Array(labourSum); t.valueAdded = Array(valueAddedSum); t.sales = Array(salesSum); t.onlineVolume = Array(onlineSum)
        t.gmv = Array(gmv)
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
