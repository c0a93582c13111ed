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

    /// `costFallSinceLastObservation()` followed by `snapshotForDecomposition()`. It writes only the
    /// snapshot's firm columns (reference storage), so it needs no mutable model: the observer runs
    /// it on a copy on another thread (Observer.swift).
    public func costFallThenSnapshot() -> CostFall { costFall(thenSnapshot: true) }

    /// The step; with `thenSnapshot`, also the snapshot (firm columns are reference storage, so
    /// this needs no mutable `self`). The columns are read through their base pointers, taken once:
    /// through `firms.x[s]` every access reloads the column and its base after each store.
    @inline(__always)
    private func costFall(thenSnapshot: Bool) -> CostFall {
        let n = FirmStore.costComponents, g = GainSource.allCases.count
        var f = CostFall()
        var survivors = 0.0
        var qS1 = 0.0, qS1phi = 0.0, qS2 = 0.0, qS2phi = 0.0
        var qE2 = 0.0, qE2phi = 0.0
        var qX1 = exitOutput, qX1phi = exitCostSum
        let fs = firms
        let output = fs.output.base, prevProduced = fs.prevProduced.base, prevCost = fs.prevCost.base, prevOutput = fs.prevOutput.base
        let cProd = fs.costProduction.base, cLog = fs.costLogistics.base, cFin = fs.costFinance.base, cTra = fs.costTransaction.base
        let cFee = fs.costFees.base, cInv = fs.costInventory.base, cFix = fs.costFixed.base
        let logWage = fs.logWage.base, prevLogWage = fs.prevLogWage.base, logA = fs.logA.base, prevLogA = fs.prevLogA.base
        let logPsi = fs.logPsi.base, prevLogPsi = fs.prevLogPsi.base
        let poolLocal = fs.poolLocal.base, poolB2B = fs.poolB2B.base, poolNetwork = fs.poolNetwork.base, poolEcosystem = fs.poolEcosystem.base
        let prevPoolLocal = fs.prevPoolLocal.base, prevPoolB2B = fs.prevPoolB2B.base
        let prevPoolNetwork = fs.prevPoolNetwork.base, prevPoolEcosystem = fs.prevPoolEcosystem.base
        let lLearning = fs.ledgerLearning.base, lCluster = fs.ledgerCluster.base, lNetwork = fs.ledgerNetwork.base
        let lEcosystem = fs.ledgerEcosystem.base, lShock = fs.ledgerShock.base, prevLedger = fs.prevLedger.base
        for s in 0..<fs.count {
            let now = output[s] > 1e-12, before = prevProduced[s]
            if now {
                let phi = cProd[s] + cLog[s] + cFin[s] + cTra[s] + cFee[s] + cInv[s] + cFix[s], q = output[s]
                if before { qS2 += q; qS2phi += q * phi } else { qE2 += q; qE2phi += q * phi }
            }
            if before {
                var phi1 = 0.0
                for c in 0..<n { phi1 += prevCost[s * n + c] }
                let q1 = prevOutput[s]
                if now { qS1 += q1; qS1phi += q1 * phi1 } else { qX1 += q1; qX1phi += q1 * phi1 }
            }
            if now && before {
                survivors += 1
                // Within-firm change by component (contributions to the fall: minus the change).
                let base = s * n
                let p2 = cProd[s], p1 = prevCost[base]
                let dW = logWage[s] - prevLogWage[s]
                let dA = logA[s] - prevLogA[s]
                let dLogPsi = logPsi[s] - prevLogPsi[s]
                // ln p = ln w − ln A + ln Ψ, so the log mean needs no logarithm: L = Δp/Δln p.
                let dLogP = dW - dA + dLogPsi
                let L = abs(dLogP) > 1e-12 ? (p2 - p1) / dLogP : (p2 + p1) / 2
                f.factorPrices -= L * dW
                f.productivity += L * dA
                var dPsi = 0.0
                let i2 = poolLocal[s] + poolB2B[s] + poolNetwork[s] + poolEcosystem[s]
                let i1 = prevPoolLocal[s] + prevPoolB2B[s] + prevPoolNetwork[s] + prevPoolEcosystem[s]
                if i2 > 0 && i1 > 0 && dLogPsi != 0 {
                    // Δln Ψ = exponent·Δln I_eff, split over the pool's parts by their change: Δ part/L(I).
                    let perUnit = -L * dLogPsi / (i2 - i1)
                    let local = perUnit * (poolLocal[s] - prevPoolLocal[s])
                    let b2b = perUnit * (poolB2B[s] - prevPoolB2B[s])
                    let net = perUnit * (poolNetwork[s] - prevPoolNetwork[s])
                    let eco = perUnit * (poolEcosystem[s] - prevPoolEcosystem[s])
                    f.cluster += local; f.economy += b2b; f.network += net; f.ecosystem += eco
                    dPsi = local + b2b + net + eco
                }
                f.inputSharing += dPsi
                // Production's change not explained by the three terms (rounding only) goes to other.
                f.other += -(p2 - p1) - (-L * dW + L * dA + dPsi)
                // Productivity by ledger source (in `GainSource` order); the rounding residual to other.
                let l = s * g
                var booked = 0.0
                let dLearning = lLearning[s] - prevLedger[l]
                booked += dLearning; f.learning += L * dLearning
                let dCluster = lCluster[s] - prevLedger[l + 1]
                booked += dCluster; f.cluster += L * dCluster
                let dNetwork = lNetwork[s] - prevLedger[l + 2]
                booked += dNetwork; f.network += L * dNetwork
                let dEcosystem = lEcosystem[s] - prevLedger[l + 3]
                booked += dEcosystem; f.ecosystem += L * dEcosystem
                let dShock = lShock[s] - prevLedger[l + 4]
                booked += dShock; f.other += L * dShock
                f.other += L * (dA - booked)
                f.other -= L * dW
                let dLog = -(cLog[s] - prevCost[base + 1])
                let dFin = -(cFin[s] - prevCost[base + 2])
                let dTra = -(cTra[s] - prevCost[base + 3])
                let dFee = -(cFee[s] - prevCost[base + 4])
                let dInv = -(cInv[s] - prevCost[base + 5])
                let dFix = -(cFix[s] - prevCost[base + 6])
                f.logistics += dLog; f.finance += dFin; f.transaction += dTra; f.fees += dFee; f.inventory += dInv; f.fixed += dFix
                f.economy += dLog + dFin + dTra + dFee + dInv
                f.learning += dFix
            }
        }
        if thenSnapshot { writeSnapshot() }
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
    public mutating func snapshotForDecomposition() { writeSnapshot() }

    /// The snapshot column by column (a plain column is one block copy), the strided ones in short
    /// passes: one pass writing every column at once kept ~40 memory streams open. A map over the
    /// firms, in chunks on several threads (FirmChunks.swift).
    private func writeSnapshot() {
        let w = FirmStore.costComponents, g = GainSource.allCases.count
        let fs = firms
        let output = fs.output.base, prevProduced = fs.prevProduced.base
        let prevCost = fs.prevCost.base
        let cProd = fs.costProduction.base, cLog = fs.costLogistics.base, cFin = fs.costFinance.base, cTra = fs.costTransaction.base
        let cFee = fs.costFees.base, cInv = fs.costInventory.base, cFix = fs.costFixed.base
        let prevLedger = fs.prevLedger.base
        let lLearning = fs.ledgerLearning.base, lCluster = fs.ledgerCluster.base, lNetwork = fs.ledgerNetwork.base
        let lEcosystem = fs.ledgerEcosystem.base, lShock = fs.ledgerShock.base
        let copies = [(fs.output, fs.prevOutput), (fs.logWage, fs.prevLogWage), (fs.logA, fs.prevLogA), (fs.logPsi, fs.prevLogPsi),
                      (fs.poolLocal, fs.prevPoolLocal), (fs.poolB2B, fs.prevPoolB2B),
                      (fs.poolNetwork, fs.prevPoolNetwork), (fs.poolEcosystem, fs.prevPoolEcosystem)].map { ($0.0.base, $0.1.base) }
        forEachFirmChunk(fs.count) { slots in
            for s in slots { prevProduced[s] = output[s] > 1e-12 }
            for (from, to) in copies { (to + slots.lowerBound).update(from: from + slots.lowerBound, count: slots.count) }
            for s in slots {
                let b = s * w
                prevCost[b] = cProd[s]; prevCost[b + 1] = cLog[s]; prevCost[b + 2] = cFin[s]; prevCost[b + 3] = cTra[s]
                prevCost[b + 4] = cFee[s]; prevCost[b + 5] = cInv[s]; prevCost[b + 6] = cFix[s]
            }
            for s in slots {
                let l = s * g
                prevLedger[l] = lLearning[s]; prevLedger[l + 1] = lCluster[s]; prevLedger[l + 2] = lNetwork[s]
                prevLedger[l + 3] = lEcosystem[s]; prevLedger[l + 4] = lShock[s]
            }
        }
    }
}

import Foundation
