// The innovation dilemma (MODEL.md §3(7); paper §2.2.1(2), §3.7): quality is measured against a
// world frontier growing at g_F, and the outside good improves with it, so standing still means
// falling behind. A brand or manufacturer innovates when the expected return beats the R&D cost:
// P·Δx·θ_Q·(1 + κ_on·online share)·margin·R·exclusivity > κ_0·e^(κ_x·|x − x_F|) (R&D costs more the
// further the firm is from the frontier, behind or beyond; online buyers weigh quality more), P = π_0·E·(1 + π_D(1 − e^(−D/D_0)))(1 + π_G·G_tal),
// exclusivity = 1/(h_k + r), h_k the imitation hazard in its cluster (rising with local density,
// lowered by G_reg). Non-innovators imitate their cluster's best with hazard h_k,
// closing ι of the gap. Small markets and fast local copying make innovation unprofitable: without
// digital commerce the cluster falls behind the frontier (lock-in). DESIGN sharing, registration and
// royalties (MODEL.md §3(7), part 2) are not built yet.

extension Model {
    mutating func innovate() {
        let p = parameters
        guard p.innovation else { return }
        let frontierNow = frontier
        let margin = 1 / (1 + p.thetaP)
        for s in 0..<firms.count {
            firms.innovated[s] = false
            guard firms.role[s] != .supplier else { continue }
            let k = Int(firms.cluster[s])
            let hazard = clusters[k].imitationHazard
            let position = firms.quality[s] - frontierNow
            let gTal = regions[Int(firms.region[s])].policy[Lever.tal.rawValue]
            let data = 1 - exp(-firms.dataTrail[s] / p.dataCreditScale)
            let success = min(0.95, p.innovationSuccess * firms.capability[s] * (1 + p.innovationData * data) * (1 + p.innovationTalent * gTal))
            let sensitivity = p.thetaQ * (1 + p.onlineQuality * firms.onlineShareLast[s])
            let value = success * p.qualityStep * sensitivity * margin * max(firms.revenue[s], 0) / (hazard + p.innovationDiscount)
            let cost = p.rdCost * exp(p.rdCostGap * abs(position))
            let id = firms.id[s]
            if value > cost && firms.netWorth[s] > cost {
                firms.innovated[s] = true
                firms.rdCharge[s] = cost
                if random.uniform(.innovation, period: period, id: id) < success { firms.quality[s] += p.qualityStep }
            } else if random.uniform(.innovation, period: period, id: id, draw: 1) < hazard {
                firms.quality[s] += p.imitationGap * max(0, clusters[k].bestQuality - firms.quality[s])
            }
        }
    }

    /// Imitation hazard per cluster: h·(cluster firms / initial)·(1 − ½G_reg): copying in a traditional
    /// cluster is local and physical, so it rises with density (MODEL.md's "information speed" term is
    /// left out: online information helps the innovator's buyers as much as its imitators).
    mutating func updateImitationHazards() {
        let p = parameters
        for k in clusters.indices {
            let density = clusters[k].initialFirms > 0 ? Double(clusters[k].firms) / Double(clusters[k].initialFirms) : 1
            let gReg = regions[world.clusterRegion[k]].policy[Lever.reg.rawValue]
            clusters[k].imitationHazard = min(1, p.imitationHazard * density * (1 - 0.5 * gReg))
        }
    }
}

import Foundation
