// The geography and industry structure (MODEL.md §2): regions on a circle with distances, industries
// with tacitness, clusters (home region × industry), villages with household pools. Sizes scale
// with the number of firms so shares and timing do not depend on N.

/// Channels a firm can adopt (MODEL.md §2): four that sell (RETAIL, B2B, LIVE, XBORDER) and three
/// sharing services (DESIGN: R&D sharing; MAKE: C2M and shared factories; IINET: the industrial
/// internet across the chain). ECO is derived, not adopted (`FirmStore.ecosystem`).
public enum Channel: Int, CaseIterable, Sendable {
    case retail = 0, b2b, live, xborder, design, make, iinet
    public static let count = 7
    /// All channels in order, stored once (`allCases` builds a new array on every call).
    public static let all: [Channel] = [.retail, .b2b, .live, .xborder, .design, .make, .iinet]
    public var bit: UInt8 { 1 << UInt8(rawValue) }
    public var name: String { ["retail", "b2b", "live", "xborder", "design", "make", "iinet"][rawValue] }
    /// Channels that carry sales (revenue, fee and logistics per unit sold).
    public static let selling: [Channel] = [.retail, .b2b, .live, .xborder]
    public static let sellingBits: UInt8 = Channel.retail.bit | Channel.b2b.bit | Channel.live.bit | Channel.xborder.bit
    /// Platform types that enter by the fixed-cost rule (RETAIL and B2B exist from the start).
    public static let entering: [Channel] = [.live, .xborder, .design, .make, .iinet]
}

/// A firm's place in the value chain (MODEL.md §2).
public enum ChainRole: UInt8, Sendable, BitwiseCopyable {
    case supplier = 0, manufacturer, brand
    public var name: String { ["supplier", "manufacturer", "brand"][Int(rawValue)] }
}

/// Fixed structure of the economy.
public struct World: Sendable {
    public let regions: Int
    public let industries: Int
    public let clusters: Int
    /// Distance d(r, s) in [0, 1], row-major regions × regions.
    public let distance: [Double]
    /// Tacitness τ_j in [0, 1] per industry (apparel high, hardware low).
    public let tacitness: [Double]
    public let clusterRegion: [Int]
    public let clusterIndustry: [Int]
    /// Villages: cluster of each, and household pool of each (the entry pool; its 10% is the
    /// e-commerce village's shop bar, Observer.isECommerceVillage).
    public let villageCluster: [Int]
    public let villageHouseholds: [Int]
    /// Initial firms of each village (sums to the initial firm count).
    public let villageFirms: [Int]

    public var villages: Int { villageCluster.count }

    public init(_ p: Parameters) {
        regions = p.regions; industries = p.industries; clusters = p.clusters
        var d = [Double](repeating: 0, count: regions * regions)
        for a in 0..<regions { for b in 0..<regions {
            // Regions on a circle; chord distance normalised so the farthest pair is 1.
            let angle = Double.pi * Double(abs(a - b)) / Double(regions)
            d[a * regions + b] = sin(angle) / (regions > 1 ? sin(Double.pi * Double(regions / 2) / Double(regions)) : 1)
        } }
        distance = d
        let J = p.industries
        tacitness = (0..<J).map { J == 1 ? 0.5 : Double($0) / Double(J - 1) }
        // Each industry's clusters are spread over different regions.
        clusterIndustry = (0..<clusters).map { $0 % p.industries }
        clusterRegion = (0..<clusters).map { ($0 + $0 / p.industries) % p.regions }
        // Clusters differ in size (weights 0.4–1.6, fixed pattern), so cluster output varies across clusters.
        let villageCount = max(clusters, Int((Double(p.firms) / Double(p.firmsPerVillage)).rounded()))
        let weights = (0..<p.clusters).map { 1 + 0.6 * sin(2.399 * Double($0) + 0.5) }
        let total = weights.reduce(0, +)
        var assignment = [Int](); assignment.reserveCapacity(villageCount)
        var cumulative = 0.0
        for k in 0..<p.clusters {
            cumulative += weights[k] / total
            let upTo = k == p.clusters - 1 ? villageCount : max(assignment.count + 1, Int((cumulative * Double(villageCount)).rounded()))
            while assignment.count < min(upTo, villageCount - (p.clusters - 1 - k)) { assignment.append(k) }
        }
        while assignment.count < villageCount { assignment.append(p.clusters - 1) }
        villageCluster = assignment
        // Village sizes (`village.size_spread` σ_v): relative size w_v = e^(σ_v·z_v − σ_v²/2) with z_v
        // the standard normal quantile at the golden-ratio point frac(0.5 + 0.618·v), so sizes are
        // geography (the same in every seed) and spread evenly over each cluster's villages. A
        // village holds about w_v times the mean initial firms and households, at least one of
        // each (so no cluster starts empty); σ_v = 0 gives every village the same size.
        let sizes = (0..<villageCount).map { v -> Double in
            let u = (0.5 + 0.6180339887498949 * Double(v)).truncatingRemainder(dividingBy: 1)
            return exp(p.villageSizeSpread * normalQuantile(u) - p.villageSizeSpread * p.villageSizeSpread / 2)
        }
        let sizeTotal = sizes.reduce(0, +)
        let least = p.firms >= villageCount ? 1 : 0
        villageFirms = World.apportion(p.firms - least * villageCount, weights: sizes, total: sizeTotal).map { $0 + least }
        villageHouseholds = sizes.map { max(1, Int((Double(p.householdsPerVillage) * $0 * Double(villageCount) / sizeTotal).rounded())) }
    }

    /// Splits `count` into whole parts proportional to `weights` (largest remainders; ties to the
    /// lower index), so the parts sum to `count`.
    static func apportion(_ count: Int, weights: [Double], total: Double) -> [Int] {
        let quotas = weights.map { Double(count) * $0 / total }
        var parts = quotas.map { Int($0.rounded(.down)) }
        let order = quotas.indices.sorted { (quotas[$0] - Double(parts[$0]), $1) > (quotas[$1] - Double(parts[$1]), $0) }
        for i in order.prefix(count - parts.reduce(0, +)) { parts[i] += 1 }
        return parts
    }
}

import Foundation
