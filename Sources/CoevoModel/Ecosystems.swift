// Ecosystems and virtual clusters (MODEL.md §2 "ECO", §3(10); paper §2.4, §2.2.2): a platform family
// whose platform has integrated logistics, finance and information services is an active
// ecosystem; a firm using two or more channels on platforms of one active ecosystem is embedded
// (ECO, derived, never adopted). Embedded firms get a smart-logistics discount (UnitCost.swift),
// platform finance (Finance.swift), coordination capacity (TransactionCost.swift,
// CollaborationNetwork.swift) and catch up with the ecosystem's best practice across industries
// (Jacobs spillovers, Productivity.swift, booked as the ecosystem level). Online-oriented firms
// selling on one platform across regions form virtual clusters (counted, MODEL.md §4).

extension Model {
    /// Families with at least one ecosystem core, ascending.
    public func activeEcosystems() -> [Int] {
        var active: [Int] = []
        for q in platforms where q.isCore && q.family >= 0 && !active.contains(q.family) { active.append(q.family) }
        return active.sorted()
    }

    /// Derives each firm's ecosystem membership and each ecosystem's best practice (mean + 1.28 sd
    /// of its members' ln A, the top decile under normality), from the platforms firms use now.
    mutating func updateEcosystems() {
        let families = max(parameters.retailPlatforms, 1)
        if ecosystemBestLogA.count != families { ecosystemBestLogA = [Double](repeating: -.infinity, count: families) }
        var activeFamily = [Bool](repeating: false, count: families)
        for q in platforms where q.isCore && q.family >= 0 && q.family < families { activeFamily[q.family] = true }
        // Each platform's family if it is an active one, else −1 (a table, so the per-firm pass
        // reads no platform records).
        let activeFamilyOf = platforms.map { q in q.family >= 0 && q.family < families && activeFamily[q.family] ? q.family : -1 }
        let any = activeFamily.contains(true)
        let count = firms.count
        let channels = firms.channels.base, channelPlatform = firms.channelPlatform.base
        let ecosystem = firms.ecosystem.base, logA = firms.logA.base
        // Membership: a map over the firms (each writes its own slot), on every thread.
        activeFamilyOf.withUnsafeBufferPointer { familyOf in
            forEachFirmChunk(count) { slots in for s in slots {
                var member: UInt8 = 0
                if any && channels[s].nonzeroBitCount >= 2 {
                    // Count channels per active family (families ≤ 5; an 8-byte tally, no allocation).
                    var tally: UInt64 = 0
                    for c in 0..<Channel.count {
                        let q = channelPlatform[s * Channel.count + c]
                        guard q >= 0 else { continue }
                        let f = familyOf[Int(q)]
                        guard f >= 0 else { continue }
                        tally += 1 << (8 * UInt64(f))
                        if (tally >> (8 * UInt64(f))) & 0xff >= 2 { member = UInt8(f + 1); break }
                    }
                }
                ecosystem[s] = member
            } }
        }
        // The members' ln A sums, in slot order on one thread.
        var n = [Double](repeating: 0, count: families), sum = n, sum2 = n
        if any {
            for s in 0..<count where ecosystem[s] > 0 {
                let f = Int(ecosystem[s]) - 1, a = logA[s]
                n[f] += 1; sum[f] += a; sum2[f] += a * a
            }
        }
        for f in 0..<families {
            guard n[f] >= 2 else { ecosystemBestLogA[f] = -.infinity; continue }
            let mean = sum[f] / n[f]
            ecosystemBestLogA[f] = mean + 1.28 * max(0, sum2[f] / n[f] - mean * mean).squareRoot()
        }
    }

    /// Virtual clusters (paper §2.2.2, the virtual industrial park): groups of online-oriented
    /// firms (at least half of revenue online) of one industry on one RETAIL, LIVE or XBORDER
    /// platform, with members in at least two regions and at least 0.2% of live firms.
    public func virtualClusterCount() -> Int {
        let J = world.industries, P = platforms.count
        guard P > 0, firms.count > 0 else { return 0 }
        var members = [Int](repeating: 0, count: P * J)
        var regionsSeen = [UInt32](repeating: 0, count: P * J)
        for s in 0..<firms.count where firms.onlineShareLast[s] >= 0.5 {
            let j = Int(firms.industry[s]), r = UInt32(firms.region[s]) & 31
            // A firm counts once, on its main consumer platform.
            var q = firms.platform(s, .retail)
            if q < 0 { q = firms.platform(s, .live) }
            if q < 0 { q = firms.platform(s, .xborder) }
            guard q >= 0 else { continue }
            members[Int(q) * J + j] += 1
            regionsSeen[Int(q) * J + j] |= 1 << r
        }
        let minimum = max(10, Int(0.002 * Double(firms.count)))
        var count = 0
        for g in members.indices where members[g] >= minimum && regionsSeen[g].nonzeroBitCount >= 2 { count += 1 }
        return count
    }
}

import Foundation
