// Entrepreneurs' mobility (MODEL.md §3(8); paper §2.3.1(2), §3(5) G_bar and G_tal): an entrepreneur
// whose firm earns less than the sellers (or suppliers) of its industry's most profitable cluster in
// another region moves the firm there with hazard m·(profit-rate gap)·(¼ + ¾·Ḡ_bar)·(1 + G_tal),
// Ḡ_bar the mean barrier-removal index of origin and destination: regional barriers hold mobility
// back, talent policy helps entrepreneurs use it. A mover keeps its capability and productivity,
// leaves its local partnerships behind (links in a traditional cluster are local) and settles in a
// village of the destination cluster.

extension Model {
    mutating func relocateEntrepreneurs() {
        let p = parameters
        moversLastPeriod = 0
        guard p.mobility > 0 else { return }
        let K = clusters.count, J = world.industries
        // Best cluster per industry and role group (sellers, suppliers) by last quarter's profit rate.
        var bestSeller = [Int](repeating: -1, count: J), bestSupplier = bestSeller
        for k in 0..<K {
            let j = world.clusterIndustry[k]
            if bestSeller[j] < 0 || clusters[k].sellerProfitRate > clusters[bestSeller[j]].sellerProfitRate { bestSeller[j] = k }
            if bestSupplier[j] < 0 || clusters[k].supplierProfitRate > clusters[bestSupplier[j]].supplierProfitRate { bestSupplier[j] = k }
        }
        if villagesOfCluster.count != K {
            villagesOfCluster = [[Int32]](repeating: [], count: K)
            for v in 0..<world.villages { villagesOfCluster[world.villageCluster[v]].append(Int32(v)) }
        }
        // Who moves where is a map over the firms (on every thread): each firm's decision reads its
        // own columns, the clusters' profit rates and the regions' policy (fixed in this pass) and
        // draws keyed by its id. The moves follow in slot order (a mover's partners drop its links).
        let n = firms.count
        withScratch(words: n) { model, raw in
            let destination = raw.bindMemory(to: Int64.self, capacity: n)   // village × K + cluster, or −1
            model.decideMoves(into: destination, bestSeller: bestSeller, bestSupplier: bestSupplier)
            for s in 0..<n where destination[s] >= 0 {
                let target = Int(destination[s] % Int64(K)), v = Int32(destination[s] / Int64(K))
                model.dropLinks(ofLeaving: [s])
                model.firms.cluster[s] = Int32(target); model.firms.region[s] = Int32(model.world.clusterRegion[target])
                model.firms.village[s] = v
                model.moversLastPeriod += 1
            }
        }
    }

    /// Each firm's move this quarter: village × K + target cluster, or −1 (stays).
    private func decideMoves(into destination: UnsafeMutablePointer<Int64>, bestSeller: [Int], bestSupplier: [Int]) {
        let p = parameters, K = clusters.count
        let age = firms.age.base, revenue = firms.revenue.base, industry = firms.industry.base
        let cluster = firms.cluster.base, role = firms.role.base, profit = firms.profit.base
        let region = firms.region.base, ids = firms.id.base
        forEachFirmChunk(firms.count) { slots in for s in slots {
            destination[s] = -1
            guard Int(age[s]) >= p.exitAge && revenue[s] > 0 else { continue }
            let j = Int(industry[s]), k = Int(cluster[s])
            let supplier = role[s] == .supplier
            let target = supplier ? bestSupplier[j] : bestSeller[j]
            guard target >= 0, target != k, world.clusterRegion[target] != world.clusterRegion[k] else { continue }
            let destinationRate = supplier ? clusters[target].supplierProfitRate : clusters[target].sellerProfitRate
            let gap = destinationRate - profit[s] / revenue[s]
            guard gap > 0 else { continue }
            let origin = Int(region[s]), goal = world.clusterRegion[target]
            let gBar = (regions[origin].policy[Lever.bar.rawValue] + regions[goal].policy[Lever.bar.rawValue]) / 2
            let gTal = regions[origin].policy[Lever.tal.rawValue]
            let hazard = min(1, p.mobility * gap * (0.25 + 0.75 * gBar) * (1 + gTal))
            let id = ids[s]
            guard random.uniform(.mobility, period: period, id: id) < hazard else { continue }
            let villages = villagesOfCluster[target]
            let v = villages[min(villages.count - 1, Int(random.uniform(.mobility, period: period, id: id, draw: 1) * Double(villages.count)))]
            destination[s] = Int64(v) * Int64(K) + Int64(target)
        } }
    }
}
