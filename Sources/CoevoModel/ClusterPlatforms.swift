// Platforms for clusters (MODEL.md §3(3); paper §2.2.1(1), §2.1.2): a cluster's leading firms, with
// G_pub support, launch the cluster's own vertical industry platform — a B2B marketplace for its
// industry in every region (the Shaoxing textile market's online platforms) — when the fee revenue
// it could earn on its industry's wholesale trade covers its fixed cost; and a RETAIL platform opens
// a dedicated "industrial belt" storefront for a cluster whose online sales have grown large,
// lowering its firms' adoption cost (Adoption.swift).

extension Model {
    mutating func clusterPlatforms() {
        let p = parameters
        guard digitalActive else { return }
        let K = clusters.count, J = world.industries
        if clusterStorefront.count != K { clusterStorefront = [Bool](repeating: false, count: K) }
        var clusterOnline = [Double](repeating: 0, count: K), industryB2B = [Double](repeating: 0, count: J)
        var clusterRevenue = [Double](repeating: 0, count: K)
        for s in 0..<firms.count {
            let k = Int(firms.cluster[s])
            clusterOnline[k] += firms.revenueOnline[s]; clusterRevenue[k] += firms.revenue[s]
            industryB2B[Int(firms.industry[s])] += firms.revenueB2B[s]
        }
        var b2bPlatforms = platforms.reduce(0) { $0 + ($1.channel == .b2b ? 1 : 0) }
        var launched = [Bool](repeating: false, count: K)
        for q in platforms where q.homeCluster >= 0 { launched[q.homeCluster] = true }
        for k in 0..<K {
            // Storefront: online sales past the threshold multiple of the cluster's initial revenue.
            let initialRevenue = Double(clusters[k].initialFirms) * initialSales / Double(max(parameters.firms, 1))
            if !clusterStorefront[k] && clusterOnline[k] >= p.storefrontThreshold * initialRevenue && clusterOnline[k] > 0 {
                clusterStorefront[k] = true
                events.append((period, "storefront", "an industrial-belt storefront opens for cluster \(k)"))
            }
            // Vertical platform: fee revenue on a newcomer's share of the industry's B2B trade.
            guard !launched[k] else { continue }
            let j = world.clusterIndustry[k]
            let gPub = regions[world.clusterRegion[k]].policy[Lever.pub.rawValue]
            let expected = (p.feeMin + p.fee0) * industryB2B[j] / Double(b2bPlatforms + 1)
            let fixed = p.verticalFixedCost * (1 - p.publicPlatformSupport * gPub) * initialSales
            guard expected >= fixed, clusterRevenue[k] > 0 else { continue }
            var platform = newPlatform(.b2b, index: 0)
            platform.family = -1; platform.industry = j; platform.homeCluster = k
            platforms.append(platform)
            launched[k] = true; b2bPlatforms += 1
            events.append((period, "platform_entry", "VERTICAL platform \(platforms.count - 1) launched by cluster \(k) for industry \(j): expected fee revenue \(fmt(expected)) ≥ fixed cost \(fmt(fixed))"))
        }
    }
}
