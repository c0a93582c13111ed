// The innovation dilemma (MODEL.md §3(7); paper §2.2.1(2), §2.2.2, §3.7): quality is measured against
// a world frontier growing at g_F, and the outside good improves with it, so standing still means
// falling behind. A brand or manufacturer innovates when the expected return beats the R&D cost.
//
// Return. A quality step Δx raises the firm's attraction by θ_Q·Δx offline and θ_Q(1 + κ_on)·Δx
// online (online buyers weigh quality more), so the profit gain per quarter is
// Δx·θ_Q·(R_off + (1 + κ_on)·R_on)·margin on the market the firm reaches: its home region (fading with
// distance) offline, every region online (fading with distance far less, `demand.online_distance`).
// The gain lasts until the design is copied or obsolete.
// Offline buyers are lost to local copies at the cluster's imitation hazard h_k, which rises with
// local density (traditional clusters: copying is local, physical and free, the "prisoner's
// dilemma" of the paper); online buyers are matched to the original by search, ratings and its data
// trail, so density does not speed copying there: h_on = h·(1 − ½G_reg). Registered designs (DESIGN
// users) earn a royalty ρ from each imitator, which pays back ρ·h/(r + δ_q) of the rent per unit lost.
// Success P = π_0·E·(1 + π_D(1 − e^(−D/D_0)))(1 + π_des·DESIGN)(1 + π_G·G_tal): data lower the market
// risk, DESIGN brings crowdsourced and outsourced R&D, G_tal talent.
// Cost κ_0·e^(κ_x·|x − x_F|)·(1 − des_cost·DESIGN): it rises with the distance to the frontier, so a
// cluster that falls behind finds catching up ever dearer (the lock-in).
// Non-innovators imitate their cluster's best with hazard h_k, closing ι of the gap; DESIGN users buy
// a design instead (certain, closing ι of the gap). Copying or buying a registered design (the
// cluster has a DESIGN user at its best quality) pays the royalty ρ·(value of the copy) to the
// cluster's registered owners. Royalties are booked within existing columns: the payer's `rdCharge`
// (expensed as a fixed cost in the next accounts) and the owners' `netWorth`.

extension Model {
    mutating func innovate() {
        guard parameters.innovation else { return }
        // Royalties each imitator pays go to scratch in the (chunked) per-firm pass and are summed
        // by cluster afterwards in slot order.
        let n = firms.count
        withScratch(words: n) { model, raw in model.innovate(royalties: raw.bindMemory(to: Double.self, capacity: n)) }
    }

    /// Non-mutating (firm columns are reference storage), so the per-firm pass reads the model in
    /// place and runs in chunks on several threads (FirmChunks.swift).
    private func innovate(royalties royaltyOf: UnsafeMutablePointer<Double>) {
        let p = parameters
        let frontierNow = frontier
        let margin = 1 / (1 + p.thetaP)
        let persistence = p.innovationDiscount + p.obsolescence
        // Registered owners per cluster: DESIGN users holding a design at the cluster's best.
        var owners = [Int](repeating: 0, count: clusters.count), ownerSlots: [Int] = []
        for s in 0..<firms.count where firms.role[s] != .supplier && firms.has(s, .design) {
            let k = Int(firms.cluster[s])
            if firms.quality[s] >= clusters[k].bestQuality { owners[k] += 1; ownerSlots.append(s) }
        }
        // Columns through their base pointers, taken once.
        let innovated = firms.innovated.base, role = firms.role.base, cluster = firms.cluster.base, region = firms.region.base
        let channels = firms.channels.base, dataTrail = firms.dataTrail.base, capability = firms.capability.base
        let revenueOnline = firms.revenueOnline.base, revenue = firms.revenue.base, quality = firms.quality.base
        let netWorth = firms.netWorth.base, ids = firms.id.base, rdCharge = firms.rdCharge.base, designValue = firms.designValue.base
        forEachFirmChunk(firms.count) { slots in for s in slots {
            innovated[s] = false
            royaltyOf[s] = 0
            guard role[s] != .supplier else { continue }
            let k = Int(cluster[s]), r = Int(region[s])
            let design = channels[s] & Channel.design.bit != 0
            let gReg = regions[r].policy[Lever.reg.rawValue]
            let gTal = regions[r].policy[Lever.tal.rawValue]
            let hazardOffline = clusters[k].imitationHazard
            let hazardOnline = min(1, p.imitationHazard * (1 - 0.5 * gReg))
            let data = 1 - exp(-dataTrail[s] / p.dataCreditScale)
            let success = min(0.95, p.innovationSuccess * capability[s] * (1 + p.innovationData * data)
                              * (1 + (design ? p.designSuccess : 0)) * (1 + p.innovationTalent * gTal))
            let online = max(revenueOnline[s], 0), offline = max(revenue[s] - revenueOnline[s], 0)
            let value = success * p.qualityStep * p.thetaQ * margin * (
                offline * exclusivity(hazard: hazardOffline, registered: design, persistence: persistence)
                + (1 + p.onlineQuality) * online * exclusivity(hazard: hazardOnline, registered: design, persistence: persistence))
            let cost = rdCost(position: quality[s] - frontierNow, design: design)
            let id = ids[s]
            if value > cost && netWorth[s] > cost {
                innovated[s] = true
                rdCharge[s] += cost
                // What DESIGN saved on this project (the DESIGN channel's value in the accounts).
                if design { designValue[s] += cost * p.designCostDiscount / max(1 - p.designCostDiscount, 1e-12) }
                // The frontier is the world's best practice: a success can carry a firm at most
                // `innovation.lead_steps` steps beyond it (R&D costs rise with the distance either way).
                if random.uniform(.innovation, period: period, id: id) < success {
                    let ceiling = frontierNow + Double(p.leadSteps) * p.qualityStep
                    quality[s] = max(quality[s], min(quality[s] + p.qualityStep, ceiling))
                }
                continue
            }
            let gap = max(0, clusters[k].bestQuality - quality[s])
            // Non-innovators copy the cluster's best at the imitation hazard; DESIGN users may instead
            // buy a design on the platform, at `innovation.design_buy` per quarter.
            let u = random.uniform(.innovation, period: period, id: id, draw: 1)
            guard gap > 0, u < hazardOffline || (design && u < p.designBuy) else { continue }
            let step = p.imitationGap * gap
            quality[s] += step
            // A bought design arrives now rather than at the imitation hazard: its quarter of rent.
            if design { designValue[s] += (1 - hazardOffline) * step * p.thetaQ * margin * (offline + (1 + p.onlineQuality) * online) }
            if owners[k] > 0 {
                let royalty = p.royalty * step * p.thetaQ * margin * (offline + (1 + p.onlineQuality) * online) / persistence
                rdCharge[s] += royalty
                royaltyOf[s] = royalty
            }
        } }
        var royaltyPool = [Double](repeating: 0, count: clusters.count)
        for s in 0..<firms.count where royaltyOf[s] != 0 { royaltyPool[Int(cluster[s])] += royaltyOf[s] }
        for s in ownerSlots {
            let k = Int(firms.cluster[s])
            let income = royaltyPool[k] / Double(owners[k])
            firms.netWorth[s] += income
            firms.designValue[s] += income
        }
    }

    /// Quarters of rent a quality lead is worth, 1/(h + r + δ_q), and for a registered design also the
    /// royalties imitators pay: each copy (hazard h) returns ρ of the rent for its life 1/(r + δ_q).
    func exclusivity(hazard h: Double, registered: Bool, persistence: Double) -> Double {
        let base = 1 / (h + persistence)
        return registered ? base * (1 + parameters.royalty * h / persistence) : base
    }

    /// R&D cost κ_0·e^(κ_x·|x − x_F|), discounted by des_cost for DESIGN users.
    func rdCost(position: Double, design: Bool) -> Double {
        parameters.rdCost * exp(parameters.rdCostGap * abs(position)) * (design ? 1 - parameters.designCostDiscount : 1)
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
