// Finance (MODEL.md §3(6); paper §2.1.1(3)): loan rate r = r_f + s_max(1 − info) with
// info = max(collateral, 1 − e^(−D/D_0)) when lenders read the online data trail D; finance cost
// φ = r·(working capital per unit of production cost); a credit limit lev·info·revenue caps output
// when working-capital needs exceed net worth plus the limit.

extension Model {
    /// Lender's information about a firm, in [0, 1].
    @inline(__always)
    func creditInformation(slot s: Int) -> Double {
        let p = parameters
        let collateral = 1 - exp(-max(firms.netWorth[s], 0) / p.collateralScale)
        let data = p.dataCredit ? 1 - exp(-firms.dataTrail[s] / p.dataCreditScale) : 0
        return max(collateral, data)
    }

    @inline(__always)
    func loanRate(information: Double) -> Double { parameters.riskFreeRate + parameters.spreadMax * (1 - information) }

    /// Funds available for working capital: net worth plus the credit limit on last revenue.
    @inline(__always)
    func workingCapitalFunds(slot s: Int, information: Double) -> Double {
        max(firms.netWorth[s], 0) + parameters.leverage * information * max(firms.revenue[s], 0)
    }
}

import Foundation
