// Productivity (MODEL.md §3(6); paper §2.1.1(5), §2.2): ln A grows by own learning ∝ E (internal),
// by catching up with the cluster's best practice when it is ahead, k_cl·(ln A_best − ln A)^+
// (labour pooling and knowledge spillovers: a cluster-level external economy; in a super-cluster the
// best practice is the whole super-cluster's, weighted by `network.supercluster_spillover`), by catching up with
// its best partner, k_net·(ln A_partner − ln A)^+ (a network-level external economy), by catching up
// with its ecosystem's best practice across industries when embedded, k_eco·(ln A_eco − ln A)^+
// (Jacobs spillovers, §2.3.2, §2.4: the ecosystem level), and by a shock.
// Every gain is booked in the firm's ledger by source, so the cost fall can be attributed exactly.

extension Model {
    mutating func updateProductivity() {
        let p = parameters
        // Best partner's productivity, in a pass of its own (short per firm, so the partners' cache
        // misses overlap; the update loop below draws a normal). Partners' productivity at the
        // start of the step (the observation snapshot), so the update does not depend on the
        // order firms are stored in.
        let n = firms.count
        let bestPartnerLogA = Column<Double>(repeating: -Double.infinity, count: n)
        for s in 0..<n where firms.degree[s] > 0 {
            var bestPartner = -Double.infinity
            for m in 0..<FirmStore.maxDegree {
                let other = firms.links[s * FirmStore.maxDegree + m]
                guard other != FirmStore.noLink else { continue }
                let o = Int(other)
                if o >= 0 { bestPartner = max(bestPartner, firms.prevLogA[o]) }
            }
            bestPartnerLogA[s] = bestPartner
        }
        for s in 0..<n {
            let learning = p.learningRate * firms.capability[s]
            let k = Int(firms.cluster[s])
            var best = clusters[k].bestLogA
            if k < superclusterBestLogA.count && superclusterBestLogA[k] > best {
                best += p.superclusterSpillover * (superclusterBestLogA[k] - best)
            }
            let cluster = p.clusterSpillover * max(0, best - firms.logA[s])
            let bestPartner = bestPartnerLogA[s]
            let network = bestPartner > firms.logA[s] ? p.partnerSpillover * (bestPartner - firms.logA[s]) : 0
            var ecosystem = 0.0
            let member = Int(firms.ecosystem[s])
            if member > 0 && member <= ecosystemBestLogA.count {
                ecosystem = p.ecoSpillover * max(0, ecosystemBestLogA[member - 1] - firms.logA[s])
            }
            let shock = p.productivityShock * random.normal(.productivity, period: period, id: firms.id[s])
            firms.logA[s] += learning + cluster + network + ecosystem + shock
            firms.ledgerEcosystem[s] += ecosystem
            firms.ledgerNetwork[s] += network
            firms.ledgerLearning[s] += learning
            firms.ledgerCluster[s] += cluster
            firms.ledgerShock[s] += shock
        }
    }
}
