// Adoption of channels (MODEL.md §3(4); paper §2.1.2, §2.2.1): probability
// logistic(β0 + β_g·Ĝ/F + β_E·E + β_peer·(user shares in village and cluster)) — MODEL.md's direct
// policy terms β_pub·G_pub + β_tal·G_tal are left out: policy acts through the cost (G_pub) and
// the capability E (G_tal) it buys (docs/ODD.md §8.2),
// Ĝ the gain the firm expects from what it sees of users' margins (the demonstration effect: for
// the selling channels RETAIL, B2B and LIVE, online firms against offline ones; for XBORDER and the
// sharing services DESIGN, MAKE and IINET, the channel's users against the cluster's other online
// firms), a one-off cost lowered by E, G_pub and platform maturity. Sharing channels need an online
// shop first. A channel that loses money for `adoption.drop_after` quarters is dropped; firms
// re-choose platforms now and then.

extension Model {
    /// Whether a firm of `role` can use channel `c`: suppliers sell inputs through B2B and may join
    /// the industrial internet; manufacturers and brands can use every channel.
    @inline(__always) static func adoptable(_ role: ChainRole, _ c: Channel) -> Bool {
        role != .supplier || c == .b2b || c == .iinet
    }

    /// Non-mutating (firm columns are reference storage): a call from the per-firm loop does not
    /// copy the model.
    func adopt(slot s: Int, _ c: Channel, cost: Double) {
        firms.channels[s] |= c.bit
        firms.setPlatform(s, c, choosePlatform(c, industry: firms.industry[s], id: firms.id[s], draw: UInt32(c.rawValue)))
        firms.setLosses(s, c, 0)
        if cost > 0 {
            // Paid now, expensed over the horizon: the charge runs until the balance is used up.
            firms.netWorth[s] -= cost
            firms.adoptionCharge[s] += cost / parameters.adoptionHorizon
            firms.adoptionBalance[s] += cost
        }
    }

    func dropChannel(slot s: Int, _ c: Channel) {
        firms.channels[s] &= ~c.bit
        firms.setPlatform(s, c, -1)
        firms.setLosses(s, c, 0)
        firms.setChannelProfit(s, c, 0)
    }

    /// Non-mutating: every write goes to the firm's own slots in the firm columns (reference
    /// storage), so the per-firm loop and its `choosePlatform` calls never copy the model, and the
    /// loop runs in chunks on several threads.
    func adoptChannels() {
        guard digitalActive else { return }
        let p = parameters, C = Channel.count
        // Which platform types exist, and how mature they are (mean of (μ − μ_min)/(μ_max − μ_min)).
        var maturity = [Double](repeating: 0, count: C), counts = maturity
        for q in platforms { maturity[q.channel.rawValue] += (q.matching - p.muMin) / max(p.muMax - p.muMin, 1e-12); counts[q.channel.rawValue] += 1 }
        for c in 0..<C where counts[c] > 0 { maturity[c] /= counts[c] }
        let demo = p.demonstration
        forEachFirmChunk(firms.count) { slots in for s in slots {
            let id = firms.id[s]
            // Drop one channel that lost money for too long (and decide nothing else this quarter).
            var dropped = false
            for c in Channel.all where firms.has(s, c) && Int(firms.losses(s, c)) >= p.dropAfter {
                dropChannel(slot: s, c); dropped = true; break
            }
            if dropped { continue }
            let v = Int(firms.village[s]), k = Int(firms.cluster[s])
            let vs = villages[v], ks = clusters[k]
            let E = firms.capability[s]
            let gPub = policy(.pub, region: firms.region[s])
            // Demonstration for selling channels: the margin gap online firms show in the village, else the cluster.
            let onlineGap = vs.adopterCount > 0 ? vs.adopterMargin - vs.otherMargin : (ks.adopterCount > 0 ? ks.adopterMargin - ks.otherMargin : 0)
            // Policy is not a term of the logit: G_pub lowers the cost below, G_tal raises E
            // (Entrepreneurs.swift), so each lever acts through what it buys.
            let base = p.adoptIntercept + p.adoptE * E
            let scale = max(firms.revenue[s], 0) / max(firms.fixedCost[s], 1e-9)
            let online = firms.isOnline(s)
            let role = firms.role[s]
            for c in Channel.all where counts[c.rawValue] > 0 && !firms.has(s, c) && Model.adoptable(role, c) {
                let sharing = c.rawValue >= Channel.xborder.rawValue
                if sharing && !online { continue }
                let storefront = clusterStorefront.isEmpty || !clusterStorefront[k] ? 1 : 1 - p.storefrontDiscount
                let cost = p.adoptionCost * (1 - 0.5 * E) * (1 - 0.5 * gPub) * (1 - 0.5 * maturity[c.rawValue]) * storefront
                // Affordability first: the probability below is not needed for a firm that cannot pay.
                guard firms.netWorth[s] > cost else { continue }
                let gap = sharing ? clusterUserMargin[k * C + c.rawValue] - clusterNonUserMargin[k * C + c.rawValue] : onlineGap
                let peerV = Double(villageUsers[v * C + c.rawValue]) / Double(max(vs.firms, 1))
                let peerK = Double(clusterUsers[k * C + c.rawValue]) / Double(max(ks.firms, 1))
                let expectedGain = demo * firms.fit(s, c) * max(0, gap) * scale
                let intercept = sharing ? p.adoptSharingIntercept - p.adoptIntercept : 0
                let x = base + intercept + p.adoptGain * expectedGain + demo * (p.adoptPeerVillage * peerV + p.adoptPeerCluster * peerK)
                let prob = 1 / (1 + exp(-x))
                if random.uniform(.adoption, period: period, id: id, draw: UInt32(c.rawValue)) < prob {
                    adopt(slot: s, c, cost: cost)
                }
            }
            // Platform switching: one firm in twenty re-chooses its platforms each quarter.
            if firms.channels[s] != 0 && random.uniform(.platformChoice, period: period, id: id, draw: 100) < 0.05 {
                for c in Channel.all where firms.has(s, c) {
                    firms.setPlatform(s, c, choosePlatform(c, industry: firms.industry[s], id: id, draw: 101 + UInt32(c.rawValue)))
                }
            }
        } }
    }
}

import Foundation
