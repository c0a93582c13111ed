// Network observation (MODEL.md §4): density, mean degree, the giant component's share (union–
// find over partner links), the shares of firms with a partner in another chain role ("lines"),
// another cluster and another region ("nets"), and super-clusters: groups of clusters tied by
// cross-cluster links of at least 5% of the smaller cluster's firms (MODEL.md §3(10), §2.3.2), and
// how many of them span two regions or more (stage 4's broken regional boundaries); and the
// coordination cost per link: the mean over linked firms of what one more link costs them,
// c_link·(1 + d)^γ_l / (1 + coord), which rises with the network unless coordination capacity does.

public struct NetworkSummary: Sendable {
    public var density = 0.0, degree = 0.0, giant = 0.0
    public var crossRole = 0.0, crossCluster = 0.0, crossRegion = 0.0
    public var superclusters = 0
    /// Super-clusters whose clusters lie in two or more regions (regional boundaries broken).
    public var superclustersAcrossRegions = 0
    /// Mean coordination cost of a further link over firms with partners (rev/quarter).
    public var linkCost = 0.0
    /// Firms with a partner in another cluster, by region (counts).
    public var crossClusterByRegion: [Double] = []
}

extension Model {
    public func networkSummary() -> NetworkSummary {
        var scratch = [UInt32](repeating: 0, count: 2 * firms.count)
        return scratch.withUnsafeMutableBufferPointer { networkSummary(nodes: $0.baseAddress!) }
    }

    /// Starts the network summary on another thread, its per-firm table in the model's scratch:
    /// the observer computes it beside its other work when the model runs on several threads
    /// (it reads links, degrees and firm attributes the observation does not write; the
    /// observation uses no scratch). The model is copied for the reader (its columns are shared,
    /// reference storage). The same bits as `networkSummaryInScratch()`.
    mutating func startNetworkSummary() -> PendingResult<NetworkSummary> {
        let address = UInt(bitPattern: scratch(words: firms.count))
        let model = self
        return PendingResult(label: "coevo.network-summary") {
            model.networkSummary(nodes: UnsafeMutablePointer<UInt32>(bitPattern: address)!)
        }
    }

    /// `networkSummary()` with its per-firm table in the model's scratch (no fresh pages each quarter).
    mutating func networkSummaryInScratch() -> NetworkSummary {
        let n = firms.count
        return withScratch(words: n) { model, raw in model.networkSummary(nodes: raw.bindMemory(to: UInt32.self, capacity: 2 * n)) }
    }

    /// The summary with its per-firm table (2 × count values) in `nodes`.
    func networkSummary(nodes node: UnsafeMutablePointer<UInt32>) -> NetworkSummary {
        var out = NetworkSummary()
        let n = firms.count, K = clusters.count
        guard n > 1 else { return out }
        var links = 0.0, role = 0.0, cluster = 0.0, region = 0.0, linked = 0.0, costSum = 0.0
        let between = Column<Int>(repeating: 0, count: K * K)   // (no uniqueness check per write)
        var byRegion = [Double](repeating: 0, count: world.regions)
        let dMax = FirmStore.maxDegree
        // What the partner loop reads of a partner, packed per slot into 4 bytes,
        // in bit fields, cluster << 7 | region << 2 | role: one cache miss per partner instead of
        // three (role, cluster and region are separate columns), a table small enough to stay in
        // cache at 10⁶ firms, and each part read by a shift and a mask (mixed-radix codes took three
        // integer divisions per link). The top 3 of 32 bits hold flags, so K < 2²² (`between` below
        // is K² anyway) and R ≤ 32. Each slot's place sits next to its union–find parent (node[2s],
        // node[2s + 1]): a partner costs one cache miss, not two.
        let R = world.regions
        let regionShift: UInt32 = 2, clusterShift: UInt32 = 7, roleMask: UInt32 = 3, regionMask: UInt32 = 31 << 2
        precondition(R <= 32 && K < 1 << 22, "network summary: place codes need R ≤ 32 and K < 2^22")
        let clusterOf = firms.cluster.base, regionOf = firms.region.base, roleOf = firms.role.base
        let degree = firms.degree.base, linksOf = firms.links.base
        // c_link·(1 + d)^γ_l by degree d from the model's table of k^γ_l (Model.linkCrowding).
        let linkCost = parameters.linkCost
        var largest = 0
        do {
            for s in 0..<n {
                node[2 * s] = UInt32(clusterOf[s]) << clusterShift | UInt32(regionOf[s]) << regionShift | UInt32(roleOf[s].rawValue)
                node[2 * s + 1] = UInt32(s)
            }
            // Union–find with path halving.
            func find(_ x: UInt32) -> UInt32 {
                var y = x
                while node[2 * Int(y) + 1] != y { node[2 * Int(y) + 1] = node[2 * Int(node[2 * Int(y) + 1]) + 1]; y = node[2 * Int(y) + 1] }
                return y
            }
            // The link cost first, in a pass of its own: the partner loop below is then short per
            // firm, so the partners' cache misses overlap.
            for s in 0..<n where degree[s] > 0 {
                linked += 1
                costSum += linkCost * linkCrowding[1 + Int(degree[s])] / (1 + coordinationCapacity(slot: s))   // c_link·(1 + d)^γ_l
            }
            // Each link is looked at once, from its lower end, and both ends learn what it crosses:
            // the flags of the higher end go to the top bits of its place word (on the cache line
            // just read), and a firm's flags are complete when its own turn comes.
            let flagRole: UInt32 = 1 << 31, flagCluster: UInt32 = 1 << 30, flagRegion: UInt32 = 1 << 29
            let placeMask: UInt32 = (1 << 29) - 1
            for s in 0..<n where degree[s] > 0 {
                let word = node[2 * s]
                let me = word & placeMask
                var flags = word & ~placeMask
                let ks = Int(clusterOf[s])
                // s's root, found once: a union keeps the smaller root, so it stays s's root or
                // becomes the partner's.
                var rootS = UInt32.max
                for m in 0..<dMax {
                    let other = linksOf[s * dMax + m]
                    guard other != FirmStore.noLink else { continue }
                    let o = Int(other)
                    links += 1
                    // Links are symmetric (NetworkTests): the link is seen from its lower end.
                    guard s < o else { continue }
                    let partnerWord = node[2 * o]
                    let partner = partnerWord & placeMask
                    if partner != me {
                        var f: UInt32 = 0
                        let differs = partner ^ me
                        if differs & roleMask != 0 { f |= flagRole }
                        let ko = Int(partner >> clusterShift)
                        if ko != ks { f |= flagCluster; between[ks * K + ko] += 1; between[ko * K + ks] += 1 }
                        if differs & regionMask != 0 { f |= flagRegion }
                        node[2 * o] = partnerWord | f
                        flags |= f
                    }
                    if rootS == .max { rootS = find(UInt32(s)) }
                    let b = find(other)
                    if rootS != b { node[2 * Int(max(rootS, b)) + 1] = min(rootS, b); rootS = min(rootS, b) }
                }
                if flags & flagRole != 0 { role += 1 }
                if flags & flagCluster != 0 { cluster += 1; byRegion[Int(regionOf[s])] += 1 }
                if flags & flagRegion != 0 { region += 1 }
            }
            // Component sizes, counted in the place halves (no longer needed).
            for s in 0..<n { node[2 * s] = 0 }
            for s in 0..<n {
                let r = Int(find(UInt32(s)))
                node[2 * r] += 1
                largest = max(largest, Int(node[2 * r]))
            }
        }
        let N = Double(n)
        out.degree = links / N
        out.density = links / (N * (N - 1))
        out.giant = Double(largest) / N
        out.crossRole = role / N; out.crossCluster = cluster / N; out.crossRegion = region / N
        out.crossClusterByRegion = byRegion
        out.linkCost = linked > 0 ? costSum / linked : 0
        // Super-clusters on the cluster graph (the model's rule, SuperClusters.swift).
        let root = superclusterRoots(between: between)
        var members = [Int](repeating: 0, count: K)
        for k in 0..<K { members[root[k]] += 1 }
        out.superclusters = members.filter { $0 >= 2 }.count
        var firstRegion = [Int](repeating: -1, count: K), spans = [Bool](repeating: false, count: K)
        for k in 0..<K {
            let r = world.clusterRegion[k]
            if firstRegion[root[k]] < 0 { firstRegion[root[k]] = r } else if firstRegion[root[k]] != r { spans[root[k]] = true }
        }
        out.superclustersAcrossRegions = spans.filter { $0 }.count
        return out
    }
}

import Foundation
