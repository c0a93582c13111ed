// Adoption of online channels (MODEL.md §3(4); paper §2.1.2): probability
// logistic(β0 + β_g·Ĝ/F + β_E·E + β_peer·(adopter shares in village and cluster) + β_pub·G_pub + β_tal·G_tal),
// Ĝ the gain the firm expects from what it sees of adopters' margins (the demonstration effect),
// a one-off cost lowered by E, G_pub and platform maturity; a channel losing money for
// `adoption.drop_after` quarters is dropped; firms re-choose platforms now and then.

extension Model {
    /// Channels a role can use in part 1: suppliers sell inputs through B2B only.
    static func adoptable(_ role: ChainRole) -> [Channel] { role == .supplier ? [.b2b] : [.retail, .b2b, .live] }

    mutating func adopt(slot s: Int, _ c: Channel, cost: Double) {
        firms.channels[s] |= c.bit
        let platform = choosePlatform(c, id: firms.id[s], draw: UInt32(c.rawValue))
        switch c {
        case .retail: firms.platformRetail[s] = platform; firms.lossRetail[s] = 0
        case .b2b: firms.platformB2B[s] = platform; firms.lossB2B[s] = 0
        case .live: firms.platformLive[s] = platform; firms.lossLive[s] = 0
        default: break
        }
        if cost > 0 {
            // Paid now, expensed over the horizon: the charge runs until the balance is used up.
            firms.netWorth[s] -= cost
            firms.adoptionCharge[s] += cost / parameters.adoptionHorizon
            firms.adoptionBalance[s] += cost
        }
    }

    mutating func dropChannel(slot s: Int, _ c: Channel) {
        firms.channels[s] &= ~c.bit
        switch c {
        case .retail: firms.platformRetail[s] = -1
        case .b2b: firms.platformB2B[s] = -1
        case .live: firms.platformLive[s] = -1
        default: break
        }
    }

    mutating func adoptChannels() {
        guard digitalActive else { return }
        let p = parameters
        let hasLive = platforms.contains { $0.channel == .live }
        var maturity = [Double](repeating: 0, count: Channel.allCases.count)
        var counts = [Double](repeating: 0, count: Channel.allCases.count)
        for q in platforms { maturity[q.channel.rawValue] += (q.matching - p.muMin) / max(p.muMax - p.muMin, 1e-12); counts[q.channel.rawValue] += 1 }
        for c in maturity.indices where counts[c] > 0 { maturity[c] /= counts[c] }
        let demo = p.demonstration
        for s in 0..<firms.count {
            let id = firms.id[s]
            // Drop channels that lost money for too long.
            if firms.has(s, .retail) && Int(firms.lossRetail[s]) >= p.dropAfter { dropChannel(slot: s, .retail); firms.lossRetail[s] = 0; continue }
            if firms.has(s, .b2b) && Int(firms.lossB2B[s]) >= p.dropAfter { dropChannel(slot: s, .b2b); firms.lossB2B[s] = 0; continue }
            if firms.has(s, .live) && Int(firms.lossLive[s]) >= p.dropAfter { dropChannel(slot: s, .live); firms.lossLive[s] = 0; continue }
            let v = Int(firms.village[s]), k = Int(firms.cluster[s])
            let vs = villages[v], ks = clusters[k]
            let E = firms.capability[s]
            let gPub = policy(.pub, region: firms.region[s]), gTal = policy(.tal, region: firms.region[s])
            // Demonstration: the margin gap adopters show in the village, else in the cluster.
            let gap = vs.adopterCount > 0 ? vs.adopterMargin - vs.otherMargin : (ks.adopterCount > 0 ? ks.adopterMargin - ks.otherMargin : 0)
            let base = p.adoptIntercept + p.adoptE * E + p.adoptPub * gPub + p.adoptTal * gTal
            let scale = max(firms.revenue[s], 0) / max(firms.fixedCost[s], 1e-9)
            for c in Model.adoptable(firms.role[s]) where !firms.has(s, c) {
                if c == .live && !hasLive { continue }
                let fit: Double, peerV: Double, peerK: Double
                switch c {
                case .retail: fit = firms.fitRetail[s]; peerV = Double(vs.adoptersRetail) / Double(max(vs.firms, 1)); peerK = Double(ks.adoptersRetail) / Double(max(ks.firms, 1))
                case .b2b: fit = firms.fitB2B[s]; peerV = Double(vs.adoptersB2B) / Double(max(vs.firms, 1)); peerK = Double(ks.adoptersB2B) / Double(max(ks.firms, 1))
                default: fit = firms.fitLive[s]; peerV = Double(vs.adoptersLive) / Double(max(vs.firms, 1)); peerK = Double(ks.adoptersLive) / Double(max(ks.firms, 1))
                }
                let expectedGain = demo * fit * max(0, gap) * scale
                let x = base + p.adoptGain * expectedGain + demo * (p.adoptPeerVillage * peerV + p.adoptPeerCluster * peerK)
                let prob = 1 / (1 + exp(-x))
                let cost = p.adoptionCost * (1 - 0.5 * E) * (1 - 0.5 * gPub) * (1 - 0.5 * maturity[c.rawValue])
                guard firms.netWorth[s] > cost else { continue }
                if random.uniform(.adoption, period: period, id: id, draw: UInt32(c.rawValue)) < prob {
                    adopt(slot: s, c, cost: cost)
                }
            }
            // Platform switching: one online channel in twenty re-chooses each quarter.
            if firms.isOnline(s) && random.uniform(.platformChoice, period: period, id: id, draw: 100) < 0.05 {
                if firms.has(s, .retail) { firms.platformRetail[s] = choosePlatform(.retail, id: id, draw: 101) }
                if firms.has(s, .b2b) { firms.platformB2B[s] = choosePlatform(.b2b, id: id, draw: 102) }
                if firms.has(s, .live) { firms.platformLive[s] = choosePlatform(.live, id: id, draw: 103) }
            }
        }
    }
}

import Foundation
