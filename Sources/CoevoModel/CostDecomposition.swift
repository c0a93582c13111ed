// Why average cost fell (MODEL.md §4 "Cost accounting"): the output-weighted average cost is
// decomposed period to period (chained) by Melitz & Polanec (2015) into within-firm change,
// reallocation among survivors, entry and exit; the within part by cost component, production's
// change by LMDI over ln w − ln A + ln Ψ, and everything by level (cluster, network, ecosystem and
// economy external economies, internal learning, selection, other). All parts add up exactly.

/// One period's contributions to the fall of average cost (positive = cost fell).
public struct CostFall: Sendable {
    public var within = 0.0, reallocation = 0.0, entry = 0.0, exit = 0.0
    /// By source, adding up to `within`.
    public var factorPrices = 0.0, productivity = 0.0, inputSharing = 0.0, logistics = 0.0, finance = 0.0
    public var transaction = 0.0, fees = 0.0, inventory = 0.0, fixed = 0.0
    /// By level, adding up to the total.
    public var cluster = 0.0, network = 0.0, ecosystem = 0.0, economy = 0.0, learning = 0.0, other = 0.0
    public var selection: Double { reallocation + entry + exit }
    public var total: Double { within + reallocation + entry + exit }

    public static func += (a: inout CostFall, b: CostFall) {
        a.within += b.within; a.reallocation += b.reallocation; a.entry += b.entry; a.exit += b.exit
        a.factorPrices += b.factorPrices; a.productivity += b.productivity; a.inputSharing += b.inputSharing
        a.logistics += b.logistics; a.finance += b.finance; a.transaction += b.transaction; a.fees += b.fees
        a.inventory += b.inventory; a.fixed += b.fixed
        a.cluster += b.cluster; a.network += b.network; a.ecosystem += b.ecosystem; a.economy += b.economy
        a.learning += b.learning; a.other += b.other
    }
}

/// Logarithmic mean L(a, b) = (a − b)/(ln a − ln b), L(a, a) = a.
@inline(__always) func logMean(_ a: Double, _ b: Double) -> Double {
    let d = a - b
    if abs(d) <= 1e-12 * max(abs(a), abs(b)) { return (a + b) / 2 }
    return d / (log(a) - log(b))
}

extension Model {
    @inline(__always) func producing(_ s: Int) -> Bool { firms.output[s] > 1e-12 }

    @inline(__always) func costComponent(_ s: Int, _ c: Int) -> Double {
        switch c {
        case 0: firms.costProduction[s]
        case 1: firms.costLogistics[s]
        case 2: firms.costFinance[s]
        case 3: firms.costTransaction[s]
        case 4: firms.costFees[s]
        case 5: firms.costInventory[s]
        default: firms.costFixed[s]
        }
    }

    /// The chained Melitz–Polanec step from the previous observation to now. `previousOutput` is
    /// the total output at the previous observation, exiters included (their part is in
    /// `exitOutput`/`exitCostSum`, booked when they left).
    public func costFallSinceLastObservation() -> CostFall { costFall(thenSnapshot: false) }

    /// `costFallSinceLastObservation()` followed by `snapshotForDecomposition()`, in one pass over
    /// the firms (each firm's snapshot is written right after its step is read).
    public mutating func costFallThenSnapshot() -> CostFall { costFall(thenSnapshot: true) }

    /// The step; with `thenSnapshot`, also the snapshot (firm columns are reference storage, so
    /// this needs no mutable `self`).
    @inline(__always)
    private func costFall(thenSnapshot: Bool) -> CostFall {
        let n = FirmStore.costComponents, g = GainSource.allCases.count
        var f = CostFall()
        var survivors = 0.0
        var qS1 = 0.0, qS1phi = 0.0, qS2 = 0.0, qS2phi = 0.0
        var qE2 = 0.0, qE2phi = 0.0
        var qX1 = exitOutput, qX1phi = exitCostSum
        for s in 0..<firms.count {
            let now = producing(s), before = firms.prevProduced[s]
            if now {
                let phi = firms.averageCost(s), q = firms.output[s]
                if before { qS2 += q; qS2phi += q * phi } else { qE2 += q; qE2phi += q * phi }
            }
            if before {
                var phi1 = 0.0
                for c in 0..<n { phi1 += firms.prevCost[s * n + c] }
                let q1 = firms.prevOutput[s]
                if now { qS1 += q1; qS1phi += q1 * phi1 } else { qX1 += q1; qX1phi += q1 * phi1 }
            }
            if now && before {
                survivors += 1
                // Within-firm change by component (contributions to the fall: minus the change).
                let base = s * n
                let p2 = firms.costProduction[s], p1 = firms.prevCost[base]
                let dW = firms.logWage[s] - firms.prevLogWage[s]
                let dA = firms.logA[s] - firms.prevLogA[s]
                let dLogPsi = firms.logPsi[s] - firms.prevLogPsi[s]
                // ln p = ln w − ln A + ln Ψ, so the log mean needs no logarithm: L = Δp/Δln p.
                let dLogP = dW - dA + dLogPsi
                let L = abs(dLogP) > 1e-12 ? (p2 - p1) / dLogP : (p2 + p1) / 2
                f.factorPrices -= L * dW
                f.productivity += L * dA
                var dPsi = 0.0
                let i2 = firms.poolLocal[s] + firms.poolB2B[s] + firms.poolNetwork[s] + firms.poolEcosystem[s]
                let i1 = firms.prevPoolLocal[s] + firms.prevPoolB2B[s] + firms.prevPoolNetwork[s] + firms.prevPoolEcosystem[s]
                if i2 > 0 && i1 > 0 && dLogPsi != 0 {
                    // Δln Ψ = exponent·Δln I_eff, split over the pool's parts by their change: Δ part/L(I).
                    let perUnit = -L * dLogPsi / (i2 - i1)
                    let local = perUnit * (firms.poolLocal[s] - firms.prevPoolLocal[s])
                    let b2b = perUnit * (firms.poolB2B[s] - firms.prevPoolB2B[s])
                    let net = perUnit * (firms.poolNetwork[s] - firms.prevPoolNetwork[s])
                    let eco = perUnit * (firms.poolEcosystem[s] - firms.prevPoolEcosystem[s])
                    f.cluster += local; f.economy += b2b; f.network += net; f.ecosystem += eco
                    dPsi = local + b2b + net + eco
                }
                f.inputSharing += dPsi
                // Production's change not explained by the three terms (rounding only) goes to other.
                f.other += -(p2 - p1) - (-L * dW + L * dA + dPsi)
                // Productivity by ledger source; the rounding residual to other.
                var booked = 0.0
                for src in GainSource.allCases {
                    let d = firms.ledger(s, src) - firms.prevLedger[s * g + src.rawValue]
                    booked += d
                    switch src {
                    case .learning: f.learning += L * d
                    case .cluster: f.cluster += L * d
                    case .network: f.network += L * d
                    case .ecosystem: f.ecosystem += L * d
                    case .shock: f.other += L * d
                    }
                }
                f.other += L * (dA - booked)
                f.other -= L * dW
                let dLog = -(firms.costLogistics[s] - firms.prevCost[base + 1])
                let dFin = -(firms.costFinance[s] - firms.prevCost[base + 2])
                let dTra = -(firms.costTransaction[s] - firms.prevCost[base + 3])
                let dFee = -(firms.costFees[s] - firms.prevCost[base + 4])
                let dInv = -(firms.costInventory[s] - firms.prevCost[base + 5])
                let dFix = -(firms.costFixed[s] - firms.prevCost[base + 6])
                f.logistics += dLog; f.finance += dFin; f.transaction += dTra; f.fees += dFee; f.inventory += dInv; f.fixed += dFix
                f.economy += dLog + dFin + dTra + dFee + dInv
                f.learning += dFix
            }
            if thenSnapshot { snapshot(s, produced: now) }
        }
        // Sum over survivors → unweighted means.
        if survivors > 0 {
            let m = 1 / survivors
            f.factorPrices *= m; f.productivity *= m; f.inputSharing *= m; f.logistics *= m; f.finance *= m
            f.transaction *= m; f.fees *= m; f.inventory *= m; f.fixed *= m
            f.cluster *= m; f.network *= m; f.ecosystem *= m; f.economy *= m; f.learning *= m; f.other *= m
            // Production's rounding residual was booked in `other`; keep the source split exact too.
            f.within = f.factorPrices + f.productivity + f.inputSharing + f.logistics + f.finance + f.transaction + f.fees + f.inventory + f.fixed
            let levels = f.cluster + f.network + f.ecosystem + f.economy + f.learning + f.other
            f.factorPrices += levels - f.within   // (≈1e-16) residual: production's identity rounding
            f.within = levels
        }
        let phiS1 = qS1 > 0 ? qS1phi / qS1 : 0, phiS2 = qS2 > 0 ? qS2phi / qS2 : 0
        let q1 = qS1 + qX1, q2 = qS2 + qE2
        // ΔΦ_S = within-mean change + reallocation; contributions to the fall are minus changes.
        f.reallocation = -((phiS2 - phiS1) + f.within)   // f.within already holds −mean Δφ
        f.entry = q2 > 0 && qE2 > 0 ? -(qE2 / q2) * (qE2phi / qE2 - phiS2) : 0
        f.exit = q1 > 0 && qX1 > 0 ? -(qX1 / q1) * (phiS1 - qX1phi / qX1) : 0
        return f
    }

    /// Stores this observation's values as the next step's "before".
    public mutating func snapshotForDecomposition() {
        for s in 0..<firms.count { snapshot(s, produced: producing(s)) }
    }

    /// Stores firm `s`'s values as its next step's "before".
    @inline(__always)
    private func snapshot(_ s: Int, produced: Bool) {
        let n = FirmStore.costComponents, g = GainSource.allCases.count
        firms.prevProduced[s] = produced
        firms.prevOutput[s] = firms.output[s]
        let b = s * n
        firms.prevCost[b] = firms.costProduction[s]; firms.prevCost[b + 1] = firms.costLogistics[s]
        firms.prevCost[b + 2] = firms.costFinance[s]; firms.prevCost[b + 3] = firms.costTransaction[s]
        firms.prevCost[b + 4] = firms.costFees[s]; firms.prevCost[b + 5] = firms.costInventory[s]
        firms.prevCost[b + 6] = firms.costFixed[s]
        firms.prevLogWage[s] = firms.logWage[s]
        firms.prevLogA[s] = firms.logA[s]
        firms.prevLogPsi[s] = firms.logPsi[s]
        firms.prevPoolLocal[s] = firms.poolLocal[s]
        firms.prevPoolB2B[s] = firms.poolB2B[s]
        firms.prevPoolNetwork[s] = firms.poolNetwork[s]
        firms.prevPoolEcosystem[s] = firms.poolEcosystem[s]
        let l = s * g
        firms.prevLedger[l] = firms.ledgerLearning[s]; firms.prevLedger[l + 1] = firms.ledgerCluster[s]
        firms.prevLedger[l + 2] = firms.ledgerNetwork[s]; firms.prevLedger[l + 3] = firms.ledgerEcosystem[s]
        firms.prevLedger[l + 4] = firms.ledgerShock[s]
    }
}

import Foundation
