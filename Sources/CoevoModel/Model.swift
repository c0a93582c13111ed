// The model state and its schedule (MODEL.md §3): one period is one quarter, mechanisms run in the
// order of MODEL.md §3, each in its own file. The model is a plain value; stepping and observing
// are separate functions (see Simulation.swift).

/// Aggregates by region (MODEL.md §2: wages rise with local employment; §3(1) government).
public struct RegionState: Sendable {
    public var wage = 1.0
    /// T_r, the region's technology level: the ln A around which its incumbents draw
    /// (`productivity.region_spread`; 0 when it is 0). Drawn once, in `Model.init`.
    public var technology = 0.0
    /// w̄_r, the wage at the reference employment: e^(T_r).
    public var baseWage = 1.0
    public var labour = 0.0
    public var labourRef = 0.0
    public var valueAdded = 0.0
    public var sales = 0.0
    public var salesRef = 0.0
    public var onlineVolume = 0.0
    public var logistics = 0.0
    /// Carriers' network K_r (rev/quarter of parcels at G_inf = 0; Logistics.swift).
    public var carrierCapacity = 0.0
    /// Policy capital stocks and indices, order reg, pub, tal, inf, bar.
    public var capital = [Double](repeating: 0, count: 5)
    public var policy = [Double](repeating: 0, count: 5)
    public var budget = 0.0
}

/// Indices into `RegionState.policy`.
public enum Lever: Int, CaseIterable, Sendable { case reg = 0, pub, tal, inf, bar
    public var name: String { ["reg", "pub", "tal", "inf", "bar"][rawValue] }
}

/// Aggregates by village, refreshed at the start of each period from last period's outcomes.
public struct VillageState: Sendable {
    public var firms = 0
    public var online = 0
    public var onlineRevenue = 0.0
    /// Observed profit margins of adopters and non-adopters (demonstration effect).
    public var adopterMargin = 0.0, otherMargin = 0.0
    public var adopterCount = 0, otherCount = 0
    /// Best visible capability (mean + 1.28 sd ≈ top decile).
    public var bestCapability = 0.0
    public var profitRate = 0.0
}

/// Aggregates by cluster.
public struct ClusterState: Sendable {
    public var firms = 0
    public var adopterMargin = 0.0, otherMargin = 0.0, adopterCount = 0, otherCount = 0
    /// Best practice ln A (mean + 1.28 sd of live firms' ln A), best quality of its sellers likewise.
    public var bestLogA = 0.0
    public var bestQuality = 0.0
    public var meanQuality = 0.0
    /// Imitation hazard its sellers face this quarter.
    public var imitationHazard = 0.0
    public var sellers = 0
    public var initialFirms = 0
    /// Supplier price index Σ p_s^(1−σ) of all suppliers and of those on B2B.
    public var supplierIndex = 0.0
    public var supplierIndexB2B = 0.0
    /// Input spending per unit of effective index, local and B2B (supplier revenue shifters).
    public var localDemand = 0.0
    public var b2bDemand = 0.0
    public var output = 0.0
    public var supplierProfitRate = 0.0, sellerProfitRate = 0.0
}

/// The whole model state.
public struct Model: Sendable {
    public let parameters: Parameters
    public let world: World
    public let random: CounterRandom
    public var firms = FirmStore()
    public var platforms: [Platform] = []
    public var regions: [RegionState]
    public var villages: [VillageState]
    public var clusters: [ClusterState]
    /// Current period: negative during burn-in, 0 the first reported period.
    public var period: Int
    public var nextID: UInt32 = 0
    /// Market sizes X_jr by industry × (regions + world) at period 0, before growth.
    public var marketBase: [Double]
    /// Outside-good attraction exp(V_0) per industry × market and segment (retail, wholesale).
    public var outsideRetail: [Double]
    public var outsideWholesale: [Double]
    /// Normalisation of the supplier index (mean initial cluster index).
    public var supplierIndexRef = 0.0
    /// Supplier index of each ecosystem's embedded suppliers by industry (family × industry) and by
    /// cluster (family × cluster), and the matching input demand (InputMarket.swift).
    public var ecosystemSupplierIndex: [Double] = []
    public var ecosystemSupplierIndexByCluster: [Double] = []
    var ecosystemDemand: [Double] = []
    var ecosystemDemandByCluster: [Double] = []
    /// Each cluster's own supplier pool at quarter 0, used from then on when `external.cluster` is off.
    var frozenLocalPool: [Double] = []
    /// Σ over the clusters of an industry in a region of the B2B supplier index (industries × regions).
    public var industryB2BIndex: [Double] = []
    /// Weight of B2B suppliers in region r' to a buyer in region r (regions × regions, this quarter):
    /// ω within a region, less across regions as the regional barrier raises the freight
    /// (`updateB2BRegionWeights`, InputMarket.swift).
    public var b2bRegionWeight: [Double] = []
    /// Offline visibility of a seller from region r in market m (regions × markets), this period.
    public var offlineVisibility: [Double] = []
    /// Online consumer visibility of a seller in region r to buyers in market m, v(r, m)^δ_on
    /// (`demand.online_distance`), regions × markets; 1 in the world market (XBORDER is not faded).
    public var onlineVisibility: [Double] = []
    /// Scratch buffer (attraction and 4 online weights per slot, Demand.swift), reused every period.
    var attraction: [Double] = []
    var funds: [Double] = []
    /// Scratch words lent in turn to the per-firm passes that need a per-firm table (network
    /// search, best partners, network summary; see `withScratch`), reused across quarters.
    var scratchWords = Column<UInt64>()
    var partnerPurchases: [Double] = []
    /// Threads the per-firm map passes may use (FirmChunks.swift). Not a parameter: the outputs
    /// are the same bits for every value.
    public var threads = 1
    /// Economy-wide aggregates of the last period.
    public var onlineVolume = 0.0
    public var initialSales = 1.0
    public var onlineShare = 0.0
    public var entrantsLastPeriod = 0
    /// Firms whose entrepreneurs moved them to another region last quarter (Mobility.swift).
    public var moversLastPeriod = 0
    /// Villages of each cluster (built once, for movers).
    var villagesOfCluster: [[Int32]] = []
    public var exitsLastPeriod = 0
    /// Firms that exited during the burn-in (the settled traditional economy should lose few).
    public var burnInExits = 0
    /// Demand components of the current period (for welfare): log-sum value per industry × market.
    public var consumerSurplus = 0.0
    /// Exporters' offline sales in the world market last quarter (rev/quarter; after credit limits).
    public var offlineExports = 0.0
    /// Exiters' output and Σ q·AC at their last period (Melitz–Polanec exit term).
    public var exitOutput = 0.0
    public var exitCostSum = 0.0
    /// Best capability visible among online platforms' top sellers (mean + 1.28 sd of sellers' E).
    public var platformBestCapability = 0.0
    /// Each platform's traffic per seller relative to μ, (n_q/n̄)^(−κ) (`platform.congestion`; all 1
    /// when it is 0), refreshed with the seller counts (Aggregates.swift).
    var platformCongestion: [Double] = []
    /// Users of each channel by village and by cluster (`Channel.count` per group), and per cluster
    /// the profit margin of each channel's users and of the cluster's online firms that do not use
    /// it (what a firm sees of a channel: the demonstration effect). Refreshed with the aggregates.
    public var villageUsers: [Int32] = []
    public var clusterUsers: [Int32] = []
    public var clusterUserMargin: [Double] = []
    public var clusterNonUserMargin: [Double] = []
    /// Buyer-facing online sellers' mean online revenue last quarter, S̄ (the ranking's reference, Demand.swift).
    public var rankingMean = 0.0
    /// Clusters with a platform's dedicated "industrial belt" storefront (ClusterPlatforms.swift).
    public var clusterStorefront: [Bool] = []
    /// Super-cluster (root cluster index) of each cluster and its best practice ln A (SuperClusters.swift).
    public var superclusterOf: [Int] = []
    public var superclusterBestLogA: [Double] = []
    /// Best practice ln A of each ecosystem family's embedded firms (−∞ while it has none).
    public var ecosystemBestLogA: [Double] = []
    public var events: [(period: Int, kind: String, detail: String)] = []
    /// Powers of small integers the per-firm passes need, tabulated once (the same values `pow`
    /// gives): (1 + d)^γ_τ by degree d = 0…d_max (1 at d = 0; TransactionCost.swift) and
    /// k^γ_l for k = (1 + d_a)(1 + d_b) = 0…(1 + d_max)² (CollaborationNetwork.swift).
    let degreeCrowding: [Double]
    let linkCrowding: [Double]

    public var markets: Int { world.regions + 1 }
    /// World quality frontier (log-quality), 0 at the start of the burn-in.
    public var frontier: Double { parameters.innovation ? parameters.frontierGrowth * Double(period + parameters.burnIn) : 0 }
    public var isBurnIn: Bool { period < 0 }
    public var digitalActive: Bool { parameters.platforms && !isBurnIn }

    /// Builds the initial economy (MODEL.md §3(11)); period starts at −burnIn. `threads` splits
    /// the per-firm passes from the start (the initial markets' calibration runs the cost and
    /// price passes each round of the incumbents' selection); the same bits for every value.
    public init(parameters p: Parameters, seed: UInt64, threads: Int = 1) {
        self.threads = max(1, threads)
        parameters = p
        world = World(p)
        random = CounterRandom(seed: seed)
        regions = Array(repeating: RegionState(), count: p.regions)
        villages = Array(repeating: VillageState(), count: world.villages)
        clusters = Array(repeating: ClusterState(), count: p.clusters)
        period = -p.burnIn
        marketBase = []; outsideRetail = []; outsideWholesale = []
        let dMax = FirmStore.maxDegree
        degreeCrowding = (0...dMax).map { $0 > 0 ? pow(1 + Double($0), p.degreeExponent) : 1 }
        linkCrowding = (0...(1 + dMax) * (1 + dMax)).map { pow(Double($0), p.linkCostExponent) }
        for r in regions.indices where p.regionTechnologySpread > 0 {
            regions[r].technology = drawRegionTechnology(r)
            regions[r].baseWage = exp(regions[r].technology); regions[r].wage = regions[r].baseWage
        }
        initialize()
    }
}

import Foundation

extension Model {
    /// Lends at least `words` 8-byte words of scratch to `body` (its contents are unspecified).
    /// One buffer serves every phase in turn and is kept across quarters, so a phase's table costs
    /// no fresh pages each quarter. `body` must not itself call `withScratch`.
    mutating func withScratch<R>(words: Int, _ body: (inout Model, UnsafeMutableRawPointer) -> R) -> R {
        let raw = scratch(words: words)
        return body(&self, raw)
    }

    /// The scratch buffer, grown to at least `words` words (its contents are unspecified). Valid
    /// until the next call that grows it; see `withScratch` for who may use it when.
    mutating func scratch(words: Int) -> UnsafeMutableRawPointer {
        if scratchWords.count < words { scratchWords = Column(repeating: 0, count: words + words / 8) }
        return UnsafeMutableRawPointer(scratchWords.base)
    }
}
