// Group aggregates refreshed at the start of each quarter from last quarter's outcomes: what a
// firm can see of its village, cluster and platforms (adopter shares, adopters' and others'
// margins, best capability and best practice), seller counts per platform, supplier margins. These
// are the inputs of the demonstration effect (MODEL.md §3(4), paper §2.1.2), of learning from the best
// visible entrepreneur (§3(8)) and of catch-up to best practice (§3(6)).

extension Model {
    mutating func refreshAggregates() {
        let V = villages.count, K = clusters.count
        // Per-group sums in flat local arrays (one write per firm per sum), copied into the group
        // states once at the end.
        let C = Channel.count
        // (Columns rather than arrays: no uniqueness or bounds check on each of the per-firm writes.)
        func ints(_ n: Int) -> Column<Int> { Column(repeating: 0, count: n) }
        func sums(_ n: Int) -> Column<Double> { Column(repeating: 0, count: n) }
        let vN = ints(V), vOnline = ints(V), vAdopt = ints(V), vOther = ints(V)
        let vE = sums(V), vE2 = sums(V), vProfit = sums(V), vRevenue = sums(V), vOnlineRevenue = sums(V)
        let vAdoptProfit = sums(V), vAdoptRev = sums(V), vOtherProfit = sums(V), vOtherRev = sums(V)
        let kN = ints(K), kAdopt = ints(K), kOther = ints(K)
        let vUsers = Column<Int32>(repeating: 0, count: V * C), kUsers = Column<Int32>(repeating: 0, count: K * C)
        let kUserProfit = sums(K * C), kUserRev = sums(K * C)
        let kA = sums(K), kA2 = sums(K), kOutput = sums(K)
        let kQ = sums(K), kQ2 = sums(K), kSellers = ints(K)
        let supProfit = sums(K), supRev = sums(K), selProfit = sums(K), selRev = sums(K)
        let kAdoptProfit = sums(K), kAdoptRev = sums(K), kOtherProfit = sums(K), kOtherRev = sums(K)
        let sellers = ints(platforms.count)
        var onE = 0.0, onE2 = 0.0, onN = 0.0
        let online = Channel.sellingBits
        // Columns through their base pointers, taken once.
        let village = firms.village.base, cluster = firms.cluster.base, capability = firms.capability.base
        let logA = firms.logA.base, profitOf = firms.profit.base, revenueOf = firms.revenue.base, channels = firms.channels.base
        let output = firms.output.base, role = firms.role.base, quality = firms.quality.base
        let channelPlatform = firms.channelPlatform.base, revenueOnline = firms.revenueOnline.base
        // The village sums and the cluster (and platform) sums are separate accumulations, each in
        // slot order: side by side on two threads when the run has them (the same bits).
        let n = firms.count
        func villageSums() {
            for s in 0..<n {
                let v = Int(village[s])
                let E = capability[s], profit = profitOf[s], revenue = revenueOf[s]
                let ch = channels[s]
                vN[v] += 1
                vE[v] += E; vE2[v] += E * E
                vProfit[v] += profit; vRevenue[v] += revenue
                if ch != 0 {
                    for c in 0..<C where ch & (1 << UInt8(c)) != 0 { vUsers[v * C + c] += 1 }
                }
                if ch & online != 0 {
                    vOnline[v] += 1; vOnlineRevenue[v] += revenueOnline[s]
                    vAdoptProfit[v] += profit; vAdoptRev[v] += revenue; vAdopt[v] += 1
                    onE += E; onE2 += E * E; onN += 1
                } else {
                    vOtherProfit[v] += profit; vOtherRev[v] += revenue; vOther[v] += 1
                }
            }
        }
        func clusterSums() {
            for s in 0..<n {
                let k = Int(cluster[s])
                let a = logA[s], profit = profitOf[s], revenue = revenueOf[s]
                let ch = channels[s]
                kN[k] += 1
                kA[k] += a; kA2[k] += a * a
                kOutput[k] += output[s]
                if role[s] == .supplier { supProfit[k] += profit; supRev[k] += revenue } else {
                    selProfit[k] += profit; selRev[k] += revenue
                    let q = quality[s]
                    kQ[k] += q; kQ2[k] += q * q; kSellers[k] += 1
                }
                if ch != 0 {
                    for c in 0..<C where ch & (1 << UInt8(c)) != 0 {
                        kUsers[k * C + c] += 1
                        kUserProfit[k * C + c] += profit; kUserRev[k * C + c] += revenue
                        let q = channelPlatform[s * C + c]
                        if q >= 0 { sellers[Int(q)] += 1 }
                    }
                }
                if ch & online != 0 {
                    kAdoptProfit[k] += profit; kAdoptRev[k] += revenue; kAdopt[k] += 1
                } else {
                    kOtherProfit[k] += profit; kOtherRev[k] += revenue; kOther[k] += 1
                }
            }
        }
        if threads > 1 && n > Model.firmsPerChunk { sideBySide(villageSums, clusterSums) } else { villageSums(); clusterSums() }
        for v in 0..<V {
            let n = Double(max(vN[v], 1))
            let mean = vE[v] / n, sd = max(0, vE2[v] / n - mean * mean).squareRoot()
            var g = VillageState()
            g.firms = vN[v]
            g.online = vOnline[v]; g.onlineRevenue = vOnlineRevenue[v]
            g.adopterCount = vAdopt[v]; g.otherCount = vOther[v]
            g.bestCapability = vN[v] > 0 ? min(0.999, mean + 1.28 * sd) : 0
            g.profitRate = vRevenue[v] > 0 ? vProfit[v] / vRevenue[v] : 0
            g.adopterMargin = vAdoptRev[v] > 0 ? vAdoptProfit[v] / vAdoptRev[v] : 0
            g.otherMargin = vOtherRev[v] > 0 ? vOtherProfit[v] / vOtherRev[v] : 0
            villages[v] = g
        }
        for k in 0..<K {
            let n = Double(max(kN[k], 1))
            let mean = kA[k] / n, sd = max(0, kA2[k] / n - mean * mean).squareRoot()
            var g = ClusterState()
            g.initialFirms = clusters[k].initialFirms > 0 ? clusters[k].initialFirms : kN[k]
            let ns = Double(max(kSellers[k], 1))
            let mq = kQ[k] / ns
            g.bestQuality = mq + 1.28 * max(0, kQ2[k] / ns - mq * mq).squareRoot()
            g.meanQuality = mq
            g.sellers = kSellers[k]
            g.supplierIndex = clusters[k].supplierIndex; g.supplierIndexB2B = clusters[k].supplierIndexB2B
            g.firms = kN[k]
            g.adopterCount = kAdopt[k]; g.otherCount = kOther[k]; g.output = kOutput[k]
            g.bestLogA = mean + 1.28 * sd
            g.supplierProfitRate = supRev[k] > 0 ? supProfit[k] / supRev[k] : 0
            g.sellerProfitRate = selRev[k] > 0 ? selProfit[k] / selRev[k] : 0
            g.adopterMargin = kAdoptRev[k] > 0 ? kAdoptProfit[k] / kAdoptRev[k] : 0
            g.otherMargin = kOtherRev[k] > 0 ? kOtherProfit[k] / kOtherRev[k] : 0
            clusters[k] = g
        }
        // Channel users and their margins against the cluster's other online firms.
        villageUsers = Array(vUsers); clusterUsers = Array(kUsers)
        if clusterUserMargin.count != K * C { clusterUserMargin = [Double](repeating: 0, count: K * C); clusterNonUserMargin = clusterUserMargin }
        for k in 0..<K {
            for c in 0..<C {
                let i = k * C + c
                clusterUserMargin[i] = kUserRev[i] > 0 ? kUserProfit[i] / kUserRev[i] : 0
                let otherProfit = kAdoptProfit[k] - kUserProfit[i], otherRev = kAdoptRev[k] - kUserRev[i]
                clusterNonUserMargin[i] = otherRev > 1e-12 ? otherProfit / otherRev : clusters[k].otherMargin
            }
        }
        updateImitationHazards()
        let live = Double(max(firms.count, 1))
        for q in platforms.indices { platforms[q].sellers = sellers[q]; platforms[q].sellerShare = Double(sellers[q]) / live }
        updatePlatformCongestion()
        let mean = onN > 0 ? onE / onN : 0
        platformBestCapability = onN > 0 ? min(0.999, mean + 1.28 * max(0, onE2 / onN - mean * mean).squareRoot()) : 0
    }
}
