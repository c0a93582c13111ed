// Collaboration network (MODEL.md §3(9); paper §2.3, "lines into nets"): each quarter a firm may
// search for a partner — in its own cluster offline; when it trades through B2B, among B2B users
// anywhere, and when it is on the industrial internet (IINET), among IINET users anywhere along the
// chain, each with the matching efficiency μ of its platform. A link forms when the
// specialisation gain (complementary chain roles and capabilities) exceeds the coordination cost,
// which rises with both degrees, falls with coordination capacity, and is raised across regions
// by a barrier that G_bar lowers; with `network.knowledge_weight` κ_k > 0 (default 0, not in
// MODEL.md) the gain also counts the booked value of the partner catch-up; links decay. Links
// carry productivity spillovers (Productivity.swift), preferred supplier access (InputMarket.swift),
// referred orders (Demand.swift) and transaction costs (TransactionCost.swift). Degree is capped
// at FirmStore.maxDegree.

extension Model {
    mutating func updateNetwork() {
        guard parameters.network else { return }
        // The quarter's work runs in a non-mutating method (links and degrees are firm columns,
        // reference storage; its tables are lent to it): from a mutating method every call of
        // `linked` and `linkSurplus` copied the whole `Model` (2.3 kB) first. Tables in scratch:
        // where each searcher's candidate is listed (n words), then the members by cluster, the
        // searchers and their candidates (n 32-bit values each), then each firm's decaying links
        // (n bytes).
        let n = firms.count
        withScratch(words: n + (3 * n + 1) / 2 + (n + 7) / 8) { model, raw in
            let listed = raw.bindMemory(to: Int.self, capacity: n)
            let members = (raw + 8 * n).bindMemory(to: Int32.self, capacity: 3 * n)
            let decayed = (raw + 20 * n).bindMemory(to: UInt8.self, capacity: n)
            model.decayAndSearch(members: members, listed: listed, decayed: decayed)
        }
    }

    private func decayAndSearch(members: UnsafeMutablePointer<Int32>, listed: UnsafeMutablePointer<Int>, decayed: UnsafeMutablePointer<UInt8>) {
        let p = parameters
        let n = firms.count, dMax = FirmStore.maxDegree
        // Cluster membership (counting sort) and the B2B users, for O(1) candidate draws.
        var start = [Int](repeating: 0, count: clusters.count + 1)
        for s in 0..<n { start[Int(firms.cluster[s]) + 1] += 1 }
        for k in 0..<clusters.count { start[k + 1] += start[k] }
        var fill = start
        var b2bUsers: [Int32] = [], iinetUsers: [Int32] = []
        let cluster = firms.cluster.base, channels = firms.channels.base, degree = firms.degree.base
        let links = firms.links.base, id = firms.id.base
        for s in 0..<n {
            let k = Int(cluster[s])
            members[fill[k]] = Int32(s); fill[k] += 1
            if channels[s] & Channel.b2b.bit != 0 { b2bUsers.append(Int32(s)) }
            if channels[s] & Channel.iinet.bit != 0 { iinetUsers.append(Int32(s)) }
        }
        // Decay: each link is examined once, by the partner in the lower slot. Which links decay is
        // a map over the firms (on every thread): a firm's draws are keyed by its id and the slot,
        // and dropping a link never moves another, so what a firm holds of its higher partners is
        // the same whichever links were dropped before it. The drops follow in slot order.
        let noLink = FirmStore.noLink, linkDecay = p.linkDecay
        forEachFirmChunk(n) { slots in for s in slots {
            var mask: UInt8 = 0
            if degree[s] > 0 {
                let me = id[s]
                for m in 0..<dMax {
                    let other = links[s * dMax + m]
                    guard other != noLink, s < Int(other) else { continue }
                    if random.uniform(.network, period: period, id: me, draw: 100 + UInt32(m)) < linkDecay { mask |= 1 << UInt8(m) }
                }
            }
            decayed[s] = mask
        } }
        for s in 0..<n where decayed[s] != 0 {
            for m in 0..<dMax where decayed[s] & (1 << UInt8(m)) != 0 { unlink(s, Int(links[s * dMax + m])) }
        }
        // Search, in passes with the same outcome as one: first every firm's draws and where its
        // candidate is listed (they depend on neither links nor degrees: a map over the firms, on
        // every thread, each firm's entry at its own slot, then gathered in slot order), then the
        // candidates looked up, then, in slot order, the checks and links. Each pass is short per
        // firm, so the random reads (the candidate lists, the candidates' columns) overlap.
        let searcher = members + n, chosen = members + 2 * n
        // `listed`: index in its list × 4 + list (0 cluster, 1 B2B, 2 IINET); −1: no search
        let b2bCount = b2bUsers.count, iinetCount = iinetUsers.count
        let linkSearch = p.linkSearch, linkFar = p.linkFar, iinetFar = p.iinetFar
        let channelPlatform = firms.channelPlatform.base, C = Channel.count
        let b2b = Channel.b2b.rawValue, iinet = Channel.iinet.rawValue
        forEachFirmChunk(n) { slots in for s in slots {
            listed[s] = -1
            let me = id[s]
            guard random.uniform(.network, period: period, id: me, draw: 0) < linkSearch else { continue }
            let pb = channelPlatform[s * C + b2b], pi = channelPlatform[s * C + iinet]
            if pi >= 0 && iinetCount > 1
                && random.uniform(.network, period: period, id: me, draw: 4) < iinetFar * platforms[Int(pi)].matching {
                let u = random.uniform(.network, period: period, id: me, draw: 5)
                listed[s] = min(iinetCount - 1, Int(u * Double(iinetCount))) << 2 | 2
            } else if pb >= 0 && b2bCount > 0
                && random.uniform(.network, period: period, id: me, draw: 1) < linkFar * platforms[Int(pb)].matching {
                let u = random.uniform(.network, period: period, id: me, draw: 2)
                listed[s] = min(b2bCount - 1, Int(u * Double(b2bCount))) << 2 | 1
            } else {
                let k = Int(cluster[s])
                let size = start[k + 1] - start[k]
                guard size > 1 else { continue }
                let u = random.uniform(.network, period: period, id: me, draw: 3)
                listed[s] = (start[k] + min(size - 1, Int(u * Double(size)))) << 2
            }
        } }
        var searches = 0
        for s in 0..<n where listed[s] >= 0 {
            searcher[searches] = Int32(s); listed[searches] = listed[s]; searches += 1
        }
        for i in 0..<searches {
            let entry = listed[i], j = entry >> 2
            switch entry & 3 {
            case 0: chosen[i] = members[j]
            case 1: chosen[i] = b2bUsers[j]
            default: chosen[i] = iinetUsers[j]
            }
        }
        // Each search's outcome as things stand before any link forms this quarter, a map over the
        // searches (on every thread), kept in `listed` with the two degrees it saw: forming a link
        // only adds to both firms' degrees, so a search whose two degrees are still those it saw
        // meets the same checks and surplus (the same bits) in the slot-order pass, which looks
        // again only at the others. The random reads of the candidates' columns happen in the map.
        forEachFirmChunk(searches) { range in for i in range {
            let s = Int(searcher[i]), candidate = Int(chosen[i])
            let seen = Int(degree[s]) << 8 | Int(degree[candidate]) << 16
            listed[i] = seen | (linkForms(s, candidate) ? 1 : 0)
        } }
        for i in 0..<searches {
            let s = Int(searcher[i]), candidate = Int(chosen[i])
            let verdict = listed[i]
            let unchanged = verdict >> 8 == Int(degree[s]) | Int(degree[candidate]) << 8
            if unchanged ? verdict & 1 != 0 : linkForms(s, candidate) { link(s, candidate) }
        }
    }

    /// Whether searcher s links to `candidate`: a firm searches only while below the degree cap
    /// (links formed earlier this quarter count), and a link forms when its surplus is positive.
    @inline(__always) private func linkForms(_ s: Int, _ candidate: Int) -> Bool {
        let dMax = FirmStore.maxDegree
        guard candidate != s, Int(firms.degree[s]) < dMax, Int(firms.degree[candidate]) < dMax,
              !linked(s, UInt32(candidate)) else { return false }
        return linkSurplus(s, candidate) > 0
    }

    /// Specialisation gain minus coordination cost of a link between two firms (rev/quarter).
    func linkSurplus(_ a: Int, _ b: Int) -> Double {
        let p = parameters
        let complementary = firms.role[a] != firms.role[b] ? 1.0 : 0.4
        var gain = p.linkGain * complementary * (firms.capability[a] + firms.capability[b])
        if p.linkKnowledgeWeight > 0 { gain += p.linkKnowledgeWeight * knowledgeValue(a, b) }
        let crowding = linkCrowding[(1 + Int(firms.degree[a])) * (1 + Int(firms.degree[b]))]   // ((1 + d_a)(1 + d_b))^γ_l
        let coordination = 1 + (coordinationCapacity(slot: a) + coordinationCapacity(slot: b)) / 2
        var cost = p.linkCost * crowding / coordination
        let ra = Int(firms.region[a]), rb = Int(firms.region[b])
        if ra != rb { cost *= crossRegionBarrier(ra, rb) }
        return gain - cost
    }

    /// The regional administrative barrier between regions a ≠ b, as a factor on the cost of any
    /// dealing across them: 1 + b_R·(1 − Ḡ_bar)², Ḡ_bar the two regions' mean G_bar; the first
    /// barriers removed matter most (docs/ODD.md §7.25). It multiplies a cross-region link's cost
    /// (here) and the freight of cross-region B2B sourcing (InputMarket.swift).
    @inline(__always) func crossRegionBarrier(_ a: Int, _ b: Int) -> Double {
        let gBar = (regions[a].policy[Lever.bar.rawValue] + regions[b].policy[Lever.bar.rawValue]) / 2
        return 1 + parameters.regionBarrier * (1 - gBar) * (1 - gBar)
    }

    /// The booked value of the knowledge a link between a and b carries (rev): the partner catch-up
    /// k_net·w·(ln A_o − ln A)^+ (Productivity.swift) lowers the learner's production bill by that
    /// share each quarter, for the link's expected life 1/(δ_link + r_f); w is 1 across clusters and
    /// `network.local_knowledge` within one. Whichever of the two is behind learns.
    func knowledgeValue(_ a: Int, _ b: Int) -> Double {
        let p = parameters
        let lead = firms.logA[b] - firms.logA[a]
        let learner = lead > 0 ? a : b
        let w = firms.cluster[a] == firms.cluster[b] ? p.localPartnerKnowledge : 1
        let bill = firms.costProduction[learner] * firms.output[learner]
        return p.partnerSpillover * w * abs(lead) * bill / (p.linkDecay + p.riskFreeRate)
    }

    func linked(_ s: Int, _ other: UInt32) -> Bool {   // `other` a slot
        let dMax = FirmStore.maxDegree
        for m in 0..<dMax where firms.links[s * dMax + m] == other { return true }
        return false
    }

    /// Links and unlinks write only the `links` and `degree` columns (reference storage), so they
    /// need no mutable `self` (calling them from non-mutating code avoids copies of `Model`).
    func link(_ a: Int, _ b: Int) {
        addLink(a, UInt32(b)); addLink(b, UInt32(a))
    }

    func unlink(_ a: Int, _ b: Int) {
        dropLink(a, UInt32(b)); dropLink(b, UInt32(a))
    }

    private func addLink(_ s: Int, _ other: UInt32) {
        let dMax = FirmStore.maxDegree
        for m in 0..<dMax where firms.links[s * dMax + m] == FirmStore.noLink {
            firms.links[s * dMax + m] = other
            firms.degree[s] += 1
            return
        }
    }

    private func dropLink(_ s: Int, _ other: UInt32) {
        let dMax = FirmStore.maxDegree
        for m in 0..<dMax where firms.links[s * dMax + m] == other {
            firms.links[s * dMax + m] = FirmStore.noLink
            firms.degree[s] -= 1
            return
        }
    }

    /// Before firms leave: their partners drop the links.
    func dropLinks(ofLeaving leaving: [Int]) {
        let dMax = FirmStore.maxDegree
        for s in leaving where firms.degree[s] > 0 {
            for m in 0..<dMax {
                let other = firms.links[s * dMax + m]
                guard other != FirmStore.noLink else { continue }
                dropLink(Int(other), UInt32(s))
                firms.links[s * dMax + m] = FirmStore.noLink
            }
            firms.degree[s] = 0
        }
    }

    /// Calls `body` with the slot of each live partner of `s`.
    @inline(__always)
    func forEachPartner(_ s: Int, _ body: (Int) -> Void) {
        guard firms.degree.base[s] > 0 else { return }
        let dMax = FirmStore.maxDegree, row = firms.links.base + s * dMax
        for m in 0..<dMax where row[m] != FirmStore.noLink { body(Int(row[m])) }
    }
}

import Foundation
