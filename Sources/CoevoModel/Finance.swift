// Finance (MODEL.md §3(6); paper §2.1.1(3)): loan rate r = r_f + s_max(1 − info) with
// info = max(collateral, 1 − e^(−D/D_0)) when lenders read the online data trail D; finance cost
// φ = r·(working capital per unit of production cost); a credit limit lev·info·revenue caps output
// when working-capital needs exceed net worth plus the limit. The limit is set on last quarter's
// revenue, which for a firm cut short is what its last line allowed; a lender that reads the firm's
// online data trail also sees the orders the cut lost, and with `finance.order_credit` (on by
// default) lends on that share of them (transaction-based lending, paper §2.1.1(3)): the spiral
// down of a firm cut short once is broken only where the data reach (docs/ODD.md §7.13, §8.8).
// Platform finance (MODEL.md §3(3), §3(10)): selling on a platform with integrated finance, and
// being embedded in an ecosystem, each close half of `ecosystem.finance` of the gap the data trail
// leaves.

extension Model {
    /// Lender's information about a firm, in [0, 1].
    @inline(__always)
    func creditInformation(slot s: Int) -> Double {
        let p = parameters
        let collateral = 1 - exp(-max(firms.netWorth[s], 0) / p.collateralScale)
        return max(collateral, dataInformation(slot: s))
    }

    /// What lenders learn from the firm's online data trail, in [0, 1]: 1 − e^(−D/D_0), with
    /// platform finance closing `ecosystem.finance` × access of the rest (0 when data-based credit
    /// is off).
    @inline(__always)
    func dataInformation(slot s: Int) -> Double {
        let p = parameters
        guard p.dataCredit else { return 0 }
        var data = 1 - exp(-firms.dataTrail[s] / p.dataCreditScale)
        let platformFinance = platformFinanceAccess(slot: s)
        if platformFinance > 0 { data = 1 - (1 - data) * (1 - p.ecoFinance * platformFinance) }
        return data
    }

    /// Access to platform finance in [0, 1]: half for selling on a platform with integrated finance,
    /// half for being embedded in an ecosystem (0 when data-based credit is off).
    @inline(__always)
    func platformFinanceAccess(slot s: Int) -> Double {
        guard parameters.dataCredit else { return 0 }
        var access = firms.ecosystem[s] != 0 ? 0.5 : 0
        let q = firms.platform(s, .retail) >= 0 ? firms.platform(s, .retail) : firms.platform(s, .b2b)
        if q >= 0 && platforms[Int(q)].has(.finance) { access += 0.5 }
        return access
    }

    @inline(__always)
    func loanRate(information: Double) -> Double { parameters.riskFreeRate + parameters.spreadMax * (1 - information) }

    /// Funds available for working capital: net worth plus the credit limit on last revenue; a
    /// platform lender that sees sales as they happen (integrated finance, ecosystem) lends up to
    /// `ecosystem.finance` × access more against them.
    @inline(__always)
    func workingCapitalFunds(slot s: Int, information: Double) -> Double {
        let platformLending = 1 + parameters.ecoFinance * platformFinanceAccess(slot: s)
        // A lender reading the data trail sees the orders a credit cut lost, and lends on that
        // share of them too.
        var base = firms.revenue[s]
        if parameters.orderCredit && firms.orders[s] > base { base += dataInformation(slot: s) * (firms.orders[s] - base) }
        return max(firms.netWorth[s], 0) + parameters.leverage * platformLending * information * max(base, 0)
    }
}

import Foundation
