// Super-clusters (MODEL.md §3(10); paper §2.3.2, §3(3)): clusters tied by many cross-cluster
// collaboration links — at least 5% of the smaller cluster's firms — merge into a super-cluster by
// union–find over the cluster graph. A super-cluster is an economic unit: its clusters' firms catch
// up with the best practice of the whole super-cluster (labour pooling and knowledge spillovers at
// the larger scale), weighted by `network.supercluster_spillover`; that increment came over
// cross-cluster links, so it is booked at the network level (Productivity.swift, docs/ODD.md §7.30).
// The `superclusters` metric (NetworkMetrics.swift) counts groups of two or more clusters, by the
// same rule (`superclusterRoots`).

extension Model {
    /// Rebuilds the super-cluster of every cluster and its best practice (the maximum of its
    /// clusters' best-practice ln A), from this quarter's links. Runs after the network phase.
    mutating func updateSuperclusters() {
        let K = clusters.count
        let dMax = FirmStore.maxDegree
        let n = firms.count
        let degree = firms.degree.base, cluster = firms.cluster.base, links = firms.links.base
        // Cross-cluster links between every pair of clusters, counted over the firms split into
        // one contiguous part per thread, each with a K × K table of its own, then added: integer
        // counts, so the same numbers whatever the split.
        // (One part where the tables would outweigh the firms: many clusters, few firms.)
        let parts = threads > 1 && n > Model.firmsPerChunk && K * K <= n ? threads : 1
        let partSize = max(1, (n + parts - 1) / parts)
        let tables = Column<Int>(repeating: 0, count: parts * K * K)   // (no uniqueness check per write)
        func count<Code: FixedWidthInteger>(_ code: UnsafePointer<Code>, _ slots: Range<Int>, into between: UnsafeMutablePointer<Int>) {
            for s in slots where degree[s] > 0 {
                let ks = Int(code[s])
                for m in 0..<dMax {
                    let other = links[s * dMax + m]
                    guard other != FirmStore.noLink, Int(other) > s else { continue }
                    let ko = Int(code[Int(other)])
                    if ko != ks { between[ks * K + ko] += 1; between[ko * K + ks] += 1 }
                }
            }
        }
        if K <= 256 {
            // The partners' clusters read from a byte per firm (a table a quarter the size of the
            // cluster column, so the random reads hit the cache more often).
            withScratch(words: n / 8 + 1) { model, raw in
                let code = raw.bindMemory(to: UInt8.self, capacity: n)
                forEachChunk(count: n, chunkSize: partSize, threads: parts) { _, slots in
                    for s in slots { code[s] = UInt8(truncatingIfNeeded: cluster[s]) }
                }
                forEachChunk(count: n, chunkSize: partSize, threads: parts) { part, slots in
                    count(code, slots, into: tables.base + part * K * K)
                }
            }
        } else {
            forEachChunk(count: n, chunkSize: partSize, threads: parts) { part, slots in
                count(cluster, slots, into: tables.base + part * K * K)
            }
        }
        let between = tables   // (the column itself, not its base: it must stay alive while read)
        for part in 1..<max(parts, 1) { for i in 0..<(K * K) { between[i] += between[part * K * K + i] } }
        let root = superclusterRoots(between: between)
        var best = [Double](repeating: -.infinity, count: K)
        for k in 0..<K { best[root[k]] = max(best[root[k]], clusters[k].bestLogA) }
        if superclusterOf.count != K { superclusterOf = [Int](repeating: 0, count: K); superclusterBestLogA = [Double](repeating: 0, count: K) }
        for k in 0..<K { superclusterOf[k] = root[k]; superclusterBestLogA[k] = best[root[k]] }
    }

    /// Each cluster's super-cluster, named by its lowest cluster: union–find over the clusters,
    /// a and b tied when `between[a·K + b]` (cross-cluster links between them) is at least 5% of
    /// the smaller cluster's firms. The one rule both the model (`updateSuperclusters`) and the
    /// observation (`networkSummary`) apply.
    func superclusterRoots(between: Column<Int>) -> [Int] {
        let K = clusters.count
        var parent = Array(0..<K)
        func find(_ x: Int) -> Int { var r = x; while parent[r] != r { r = parent[r] }; return r }
        for a in 0..<K {
            for b in (a + 1)..<max(a + 1, K) where b < K {
                let smaller = Double(max(1, min(clusters[a].firms, clusters[b].firms)))
                if Double(between[a * K + b]) >= 0.05 * smaller {
                    let ra = find(a), rb = find(b)
                    if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
                }
            }
        }
        return (0..<K).map(find)
    }
}
