// Transaction cost (MODEL.md §3(6); paper §2.1.1(3)): τ = τ_0(1 − trust)(1 + deg)^γ/(1 + coord), a
// share of production cost. Trust rises with escrow payment (RETAIL, B2B), G_reg and repeated
// trade, and falls with a fraud hazard ∝ anonymous online volume × (1 − G_reg). Coordination capacity
// rises with E, with IINET (× its platform's μ) and with ecosystem embedding (MODEL.md §3(6), §3(9)):
// without it a growing network chokes on its own cost (§2.3.1(2)).

extension Model {
    /// τ_i for a firm given economy-wide online share (the fraud exposure).
    @inline(__always)
    func transactionShare(slot s: Int, onlineShare: Double, gReg: Double, iinet: Bool = true) -> Double {
        let p = parameters
        let escrow = firms.channels[s] & (Channel.retail.bit | Channel.b2b.bit) != 0 ? 1.0 : 0.0
        let repeated = Model.repeatedTrade[min(Int(firms.age[s]), Model.repeatedTrade.count - 1)]
        let online = firms.isOnline(s) ? 1.0 : 0.0
        let fraud = p.fraudHazard * onlineShare * online * (1 - gReg)
        let trust = min(0.95, max(0, p.trustEscrow * escrow + p.trustRegulation * gReg + p.trustRepeat * repeated - fraud))
        let coord = coordinationCapacity(slot: s, iinet: iinet)
        let crowding = degreeCrowding[Int(firms.degree[s])]   // (1 + d)^γ, 1 at d = 0
        return p.transactionBase * (1 - trust) * crowding / (1 + coord)
    }

    /// Coordination capacity: from E, from IINET (× the platform's μ; left out when `iinet` is
    /// false, to value what IINET brings) and from ecosystem embedding.
    @inline(__always)
    func coordinationCapacity(slot s: Int, iinet: Bool = true) -> Double {
        var coord = parameters.coordE * firms.capability[s]
        if iinet { let q = firms.platform(s, .iinet); if q >= 0 { coord += parameters.coordIINET * platforms[Int(q)].matching } }
        if firms.ecosystem[s] != 0 { coord += parameters.coordECO }
        return coord
    }

    /// Trust from repeated trade by age in quarters: 1 − e^(−age/8), tabulated.
    static let repeatedTrade: [Double] = (0...64).map { 1 - exp(-Double($0) / 8) }
}

import Foundation
