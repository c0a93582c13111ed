// Group aggregates refreshed at the start of each quarter from last quarter's outcomes: what a
// firm can see of its village, cluster and platforms (adopter shares, adopters' and others'
// margins, best capability and best practice), seller counts per platform, supplier margins.

extension Model {
    mutating func refreshAggregates() {
        for v in villages.indices {
            let ref = villages[v].revenueRef
            villages[v] = VillageState(); villages[v].revenueRef = ref
        }
        for k in clusters.indices {
            let c = clusters[k]
            clusters[k] = ClusterState()
            clusters[k].supplierIndex = c.supplierIndex; clusters[k].supplierIndexB2B = c.supplierIndexB2B
        }
        for q in platforms.indices { platforms[q].sellers = 0 }
        var vE = [Double](repeating: 0, count: villages.count), vE2 = vE
        var vProfit = vE, vRevenue = vE
        var kA = [Double](repeating: 0, count: clusters.count), kA2 = kA
        var supProfit = kA, supRev = kA, selProfit = kA, selRev = kA
        var adoptRev = 0.0, adoptProfit = 0.0
        var onE = 0.0, onE2 = 0.0, onN = 0.0
        var vAdoptProfit = vE, vAdoptRev = vE, vOtherProfit = vE, vOtherRev = vE
        var kAdoptProfit = kA, kAdoptRev = kA, kOtherProfit = kA, kOtherRev = kA
        for s in 0..<firms.count {
            let v = Int(firms.village[s]), k = Int(firms.cluster[s])
            let E = firms.capability[s], a = firms.logA[s]
            villages[v].firms += 1; clusters[k].firms += 1
            vE[v] += E; vE2[v] += E * E
            kA[k] += a; kA2[k] += a * a
            vProfit[v] += firms.profit[s]; vRevenue[v] += firms.revenue[s]
            clusters[k].output += firms.output[s]
            if firms.role[s] == .supplier { supProfit[k] += firms.profit[s]; supRev[k] += firms.revenue[s] }
            else { selProfit[k] += firms.profit[s]; selRev[k] += firms.revenue[s] }
            if firms.has(s, .retail) { villages[v].adoptersRetail += 1; clusters[k].adoptersRetail += 1 }
            if firms.has(s, .b2b) { villages[v].adoptersB2B += 1; clusters[k].adoptersB2B += 1 }
            if firms.has(s, .live) { villages[v].adoptersLive += 1; clusters[k].adoptersLive += 1 }
            if firms.platformRetail[s] >= 0 { platforms[Int(firms.platformRetail[s])].sellers += 1 }
            if firms.platformB2B[s] >= 0 { platforms[Int(firms.platformB2B[s])].sellers += 1 }
            if firms.platformLive[s] >= 0 { platforms[Int(firms.platformLive[s])].sellers += 1 }
            if firms.isOnline(s) {
                villages[v].online += 1
                villages[v].onlineRevenue += firms.revenueOnline[s]
                vAdoptProfit[v] += firms.profit[s]; vAdoptRev[v] += firms.revenue[s]; villages[v].adopterCount += 1
                kAdoptProfit[k] += firms.profit[s]; kAdoptRev[k] += firms.revenue[s]; clusters[k].adopterCount += 1
                adoptRev += firms.revenue[s]; adoptProfit += firms.profit[s]
                onE += E; onE2 += E * E; onN += 1
            } else {
                vOtherProfit[v] += firms.profit[s]; vOtherRev[v] += firms.revenue[s]; villages[v].otherCount += 1
                kOtherProfit[k] += firms.profit[s]; kOtherRev[k] += firms.revenue[s]; clusters[k].otherCount += 1
            }
        }
        for v in villages.indices {
            let n = Double(max(villages[v].firms, 1))
            let mean = vE[v] / n, sd = max(0, vE2[v] / n - mean * mean).squareRoot()
            villages[v].bestCapability = villages[v].firms > 0 ? min(0.999, mean + 1.28 * sd) : 0
            villages[v].profitRate = vRevenue[v] > 0 ? vProfit[v] / vRevenue[v] : 0
            villages[v].adopterMargin = vAdoptRev[v] > 0 ? vAdoptProfit[v] / vAdoptRev[v] : 0
            villages[v].otherMargin = vOtherRev[v] > 0 ? vOtherProfit[v] / vOtherRev[v] : 0
        }
        for k in clusters.indices {
            let n = Double(max(clusters[k].firms, 1))
            let mean = kA[k] / n, sd = max(0, kA2[k] / n - mean * mean).squareRoot()
            clusters[k].bestLogA = mean + 1.28 * sd
            clusters[k].supplierProfitRate = supRev[k] > 0 ? supProfit[k] / supRev[k] : 0
            clusters[k].sellerProfitRate = selRev[k] > 0 ? selProfit[k] / selRev[k] : 0
            clusters[k].adopterMargin = kAdoptRev[k] > 0 ? kAdoptProfit[k] / kAdoptRev[k] : 0
            clusters[k].otherMargin = kOtherRev[k] > 0 ? kOtherProfit[k] / kOtherRev[k] : 0
        }
        let live = Double(max(firms.count, 1))
        for q in platforms.indices { platforms[q].sellerShare = Double(platforms[q].sellers) / live }
        let mean = onN > 0 ? onE / onN : 0
        platformBestCapability = onN > 0 ? min(0.999, mean + 1.28 * max(0, onE2 / onN - mean * mean).squareRoot()) : 0
    }
}
