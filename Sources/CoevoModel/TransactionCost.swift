// Transaction cost (MODEL.md §3(6); paper §2.1.1(3)): τ = τ_0(1 − trust)(1 + deg)^γ/(1 + coord), a
// share of production cost. Trust rises with escrow payment (RETAIL, B2B), G_reg and repeated
// trade, and falls with a fraud hazard ∝ anonymous online volume × (1 − G_reg).

extension Model {
    /// τ_i for a firm given economy-wide online share (the fraud exposure).
    @inline(__always)
    func transactionShare(slot s: Int, onlineShare: Double, gReg: Double) -> Double {
        let p = parameters
        let escrow = firms.channels[s] & (Channel.retail.bit | Channel.b2b.bit) != 0 ? 1.0 : 0.0
        let repeated = Model.repeatedTrade[min(Int(firms.age[s]), Model.repeatedTrade.count - 1)]
        let online = firms.isOnline(s) ? 1.0 : 0.0
        let fraud = p.fraudHazard * onlineShare * online * (1 - gReg)
        let trust = min(0.95, max(0, p.trustEscrow * escrow + p.trustRegulation * gReg + p.trustRepeat * repeated - fraud))
        let degree = Double(firms.degree[s])
        let coord = p.coordE * firms.capability[s]
        let crowding = degree > 0 ? pow(1 + degree, p.degreeExponent) : 1
        return p.transactionBase * (1 - trust) * crowding / (1 + coord)
    }

    /// Trust from repeated trade by age in quarters: 1 − e^(−age/8), tabulated.
    static let repeatedTrade: [Double] = (0...64).map { 1 - exp(-Double($0) / 8) }
}

import Foundation
