// Productivity (MODEL.md §3(6); paper §2.1.1(5), §2.2): ln A grows by own learning ∝ E (internal),
// by catching up with the cluster's best practice when it is ahead, k_cl·(ln A_best − ln A)^+
// (labour pooling and knowledge spillovers: a cluster-level external economy; in a super-cluster the
// best practice moves towards the whole super-cluster's, by `network.supercluster_spillover`, and
// that part is booked at the network level: it came over cross-cluster links), by catching up with
// its best partner, k_net·max_o w_o·(ln A_o − ln A)^+, w_o = 1 for a partner in another cluster and
// `network.local_knowledge` in its own (a network-level external economy; docs/ODD.md §8.4), by catching up
// with its ecosystem's best practice across industries when embedded, k_eco·(ln A_eco − ln A)^+
// (Jacobs spillovers, §2.3.2, §2.4: the ecosystem level), and by a shock.
// Every gain is booked in the firm's ledger by source, so the cost fall can be attributed exactly.
// A level switched off (`external.*`, ExternalLevels.swift) brings no catch-up from quarter 0.

extension Model {
    mutating func updateProductivity() {
        let n = firms.count
        // Best partners' productivity in scratch lent by the model (no fresh pages each quarter).
        withScratch(words: n) { model, raw in model.updateProductivity(bestPartnerLogA: raw.bindMemory(to: Double.self, capacity: n)) }
    }

    /// The per-firm passes: non-mutating (they write firm columns, reference storage), so they
    /// read the model in place.
    private func updateProductivity(bestPartnerLogA: UnsafeMutablePointer<Double>) {
        let p = parameters, n = firms.count
        // Best partner's productivity, in a pass of its own (short per firm, so the partners' cache
        // misses overlap; the update loop below draws a normal). Partners' productivity at the
        // start of the step (the observation snapshot), so the update does not depend on the
        // order firms are stored in.
        // Each partner's lead counts with weight 1 from another cluster and ω_local from the firm's
        // own (`network.local_knowledge`); `bestPartnerLogA` holds ln A + the largest weighted lead.
        bestPartnerLogA.update(repeating: -Double.infinity, count: n)
        // Columns through their base pointers, taken once.
        let degree = firms.degree.base, links = firms.links.base, prevLogA = firms.prevLogA.base
        let cluster = firms.cluster.base, logA = firms.logA.base
        let localWeight = p.localPartnerKnowledge
        forEachFirmChunk(n) { slots in for s in slots where degree[s] > 0 {
            var lead = -Double.infinity
            let a = logA[s], k = cluster[s]
            for m in 0..<FirmStore.maxDegree {
                let other = links[s * FirmStore.maxDegree + m]
                guard other != FirmStore.noLink else { continue }
                let o = Int(other)
                let gap = prevLogA[o] - a
                lead = max(lead, cluster[o] == k ? localWeight * gap : gap)
            }
            bestPartnerLogA[s] = a + lead
        } }
        let capability = firms.capability.base
        let ecosystemOf = firms.ecosystem.base, id = firms.id.base
        let lEcosystem = firms.ledgerEcosystem.base, lNetwork = firms.ledgerNetwork.base, lLearning = firms.ledgerLearning.base
        let lCluster = firms.ledgerCluster.base, lShock = firms.ledgerShock.base
        let levels = externalLevels
        forEachFirmChunk(n) { slots in for s in slots {
            let learning = p.learningRate * capability[s]
            let k = Int(cluster[s])
            // The catch-up target: the cluster's best practice, moved towards its super-cluster's
            // (§7.30). What the super-cluster adds came over cross-cluster links (paper §2.3.2: the
            // network stage), so it is a network-level external economy: booked there, and gone
            // with `external.network`; the cluster's own best practice goes with `external.cluster`.
            let own = clusters[k].bestLogA
            var best = own
            if levels.network && k < superclusterBestLogA.count && superclusterBestLogA[k] > best {
                best += p.superclusterSpillover * (superclusterBestLogA[k] - best)
            }
            let a = logA[s]
            let towardOwn = p.clusterSpillover * max(0, own - a), towardBest = p.clusterSpillover * max(0, best - a)
            let ownClusterGain = levels.cluster ? towardOwn : 0
            let catchUp = levels.cluster ? towardBest : towardBest - towardOwn   // the step toward the target
            let bestPartner = bestPartnerLogA[s]
            let network = levels.network && bestPartner > a ? p.partnerSpillover * (bestPartner - a) : 0
            var ecosystem = 0.0
            let member = Int(ecosystemOf[s])
            if levels.ecosystem && member > 0 && member <= ecosystemBestLogA.count {
                ecosystem = p.ecoSpillover * max(0, ecosystemBestLogA[member - 1] - a)
            }
            let shock = p.productivityShock * random.normal(.productivity, period: period, id: id[s])
            logA[s] = a + (learning + catchUp + network + ecosystem + shock)
            lEcosystem[s] += ecosystem
            lNetwork[s] += network + (catchUp - ownClusterGain)
            lLearning[s] += learning
            lCluster[s] += ownClusterGain
            lShock[s] += shock
        } }
    }
}
