// The model's typed parameter set (MODEL.md §2–§6, PARAMETERS.md). Units: money in "rev", the mean
// initial firm revenue per quarter; one period is a quarter; every threshold is relative (a share
// of firms or a multiple of initial sales), so nothing depends on the number of firms.

/// Every parameter of a run. Each field's doc comment gives meaning, unit and valid range; the
/// same facts are machine-readable in `Parameters.registry` (used by YAML scenarios, `--set`,
/// the web form and validation).
public struct Parameters: Sendable, Codable, Equatable {
    public init() {}

    // MARK: Scale and time
    /// Initial number of firms (count, ≥ 500). Villages and market sizes scale with it.
    public var firms: Int = 20_000
    /// Reported periods (quarters, 1–400).
    public var periods: Int = 80
    /// Burn-in quarters without platforms, not reported (0–40).
    public var burnIn: Int = 8
    /// Calendar year of period 0, for comparison with real data.
    public var startYear: Int = 2009
    /// Real villages the model's villages stand for (count): the e-commerce village count is scaled
    /// by this over the number of model villages when set beside AliResearch's Taobao villages.
    public var clusterVillages: Double = 10_000
    /// Regions (2–20), industries (1–20), clusters (≥ industries).
    public var regions: Int = 6
    public var industries: Int = 6
    public var clusters: Int = 12
    /// Initial firms per village (count) and households per village (count): the pool entrants come from.
    public var firmsPerVillage: Int = 40
    public var householdsPerVillage: Int = 100
    /// Spread of village sizes (log-sd of a village's initial firms and households around the
    /// means above, –); 0: every village the same size.
    public var villageSizeSpread: Double = 0
    /// Initial role shares: suppliers and brands (share of firms); the rest are manufacturers.
    public var supplierShare: Double = 0.30
    public var brandShare: Double = 0.20
    /// Brands' reputation: buyers value a brand's product as if its log-quality were this much
    /// higher (a role attribute: imitators cannot copy it, and quality relative to the world
    /// frontier does not count it).
    public var brandEquity: Double = 0.15

    // MARK: Demand (§3.5)
    /// Logit price and quality coefficients (–). θ_P > 1.
    public var thetaP: Double = 4
    public var thetaQ: Double = 2
    /// Initial inside-good share at home (share).
    public var insideShare: Double = 0.5
    /// Exogenous spending growth (per quarter).
    public var marketGrowth: Double = 0.005
    /// Wholesale segment's share of spending, bought offline or through B2B (share).
    public var wholesaleShare: Double = 0.3
    /// Whether only a share π(t) of consumers shops online (false: every consumer sees online offers).
    /// π(t) = π_max / (1 + e^(−(t − t_mid)/τ)) in the quarter t, fitted to CNNIC's online shoppers
    /// over population, 2009–2022 (docs/ODD.md §7.12, §8.5). The others buy offline only.
    public var onlineShoppersPath: Bool = false
    public var shoppersMax: Double = 0.75
    public var shoppersMid: Double = 33
    public var shoppersScale: Double = 14.7
    /// World market size relative to one region's (×), open only to exporters.
    public var worldMarket: Double = 2
    /// Share of firms (top productivity) that export offline, and their fixed export cost (rev/quarter).
    public var exporterShare: Double = 0.02
    public var exportFixedCost: Double = 0.3
    /// Offline distance price markup and visibility decay (per unit distance).
    public var distanceMarkup: Double = 0.5
    public var visibilityDecay: Double = 3
    /// Online consumer visibility (RETAIL, LIVE) fades with the distance between seller and buyer:
    /// its log is this share of the offline visibility's (decay and distance markup,
    /// `offlineVisibility`), u = v^δ_on. Online buyers still favour nearby sellers (trust, delivery
    /// time, returns, tastes), far less than offline: on eBay the distance effect is about 65%
    /// smaller than in offline trade (Lendle et al. 2016, EJ), so δ_on ≤ 0.35; fitted by `coevo
    /// calibrate` to China's online share and Taobao villages, 0.2455 [0.225, 0.266] (docs/ODD.md
    /// §8.10). 0: online offers are seen alike everywhere (MODEL.md's design).
    public var onlineDistanceShare: Double = 0.2455
    /// LIVE trust bonus per unit of tacitness (utils).
    public var liveBonus: Double = 1.2
    /// Extra weight online buyers give quality (reviews, ratings, precise matching): online visibility
    /// is multiplied by e^(θ_Q·κ_on·(x − x_F)) (–).
    public var onlineQuality: Double = 0.5
    /// Elasticity ζ of a seller's LIVE and XBORDER visibility to its recent sales: the platform's
    /// traffic allocation favours sellers above the mean, visibility × max(1, S/S̄)^ζ (–; 0 switches
    /// ranking off).
    public var onlineRanking: Double = 0.3
    /// Spread of firm-specific channel fit (log-sd of a lognormal, –).
    public var fitSpread: Double = 0.8

    // MARK: Platforms (§3(2), §3.3)
    /// Competing platforms from the start: RETAIL and B2B (count, 1–5).
    public var retailPlatforms: Int = 3
    public var b2bPlatforms: Int = 2
    /// Maximum LIVE platforms that may enter (count, 0–5).
    public var livePlatformsMax: Int = 2
    /// Matching efficiency range and data scale (× initial quarterly sales); data depreciation (/quarter).
    public var muMin: Double = 0.05
    public var muMax: Double = 1
    public var dataScale: Double = 10
    public var dataDepreciation: Double = 0.05
    /// Fee f = f_min + f_0·(n_0/(n_0+n))^ψ with n the seller share (ad valorem; share of firms; –).
    public var feeMin: Double = 0.02
    public var fee0: Double = 0.08
    public var feeN0: Double = 0.05
    public var feePsi: Double = 0.5
    /// Fixed cost of a LIVE platform, × initial quarterly sales, covered by expected fee revenue.
    public var liveFixedCost: Double = 0.002
    /// Platform choice logit: weight on matching μ, on fee (per unit fee), on ln sellers (–).
    public var choiceMu: Double = 4
    public var choiceFee: Double = 40
    public var choiceSellers: Double = 0.5
    /// Congestion among a selling platform's sellers, κ ∈ [0, 1]: each seller's traffic on platform q
    /// is μ_q·(n_q/n̄)^(−κ), n_q its sellers, n̄ the mean over the platforms of its type (–; 1, the
    /// default: a platform's traffic is shared by its sellers; 0 off, and each type tips to one
    /// platform; docs/ODD.md §7.12 and docs/VALIDATION.md for what 0.7–1 do).
    public var sellerCongestion: Double = 1
    /// Per-channel fixed cost of selling online (rev/quarter).
    public var channelFixedCost: Double = 0.02

    // MARK: Logistics (§2.1.1(2))
    /// ℓ = [ℓ_min + (ℓ_0 − ℓ_min)(1 + V/V_0)^(−λ)]·(1 + c·(V_r/Cap_r)^κ); ad valorem; V_0 × initial sales.
    public var logisticsInitial: Double = 0.15
    public var logisticsMin: Double = 0.03
    public var logisticsLambda: Double = 0.35
    public var logisticsV0: Double = 0.005
    /// Congestion weight c (–, 0 switches congestion off), exponent κ, capacity (share of regional initial sales) and its rise with G_inf (×).
    public var congestionWeight: Double = 1
    public var congestionExponent: Double = 2
    public var capacityShare: Double = 1.0
    public var capacityInfrastructure: Double = 2
    /// Carriers' build-out (Logistics.swift): their network grows by the share φ·G_inf·(load − L̄)^+
    /// a quarter (φ per quarter; 0 keeps the initial network), L̄ the load carriers build for.
    public var carrierSpeed: Double = 1
    public var carrierLoad: Double = 0.1

    // MARK: Adoption (§3.4)
    /// Logit coefficients (–).
    public var adoptIntercept: Double = -6
    /// Intercept for XBORDER and the sharing services, which only firms already selling online take
    /// up: they know the platforms, and the platforms market the services to their sellers (–).
    public var adoptSharingIntercept: Double = -4.8
    public var adoptGain: Double = 0.3
    public var adoptE: Double = 2
    public var adoptPeerVillage: Double = 5
    public var adoptPeerCluster: Double = 1.5
    /// Multiplier on the demonstration effect (peer shares and observed gains): 0 switches it off (–, 0–5).
    public var demonstration: Double = 1
    /// One-off adoption cost (rev) and amortisation horizon (quarters).
    public var adoptionCost: Double = 0.3
    public var adoptionHorizon: Double = 8
    /// Quarters of losses on a channel before it is dropped.
    public var dropAfter: Int = 4

    // MARK: Inputs (§3.6)
    /// Supplier substitution elasticity σ_in (> 1) and input share of production cost α_in.
    public var sigmaIn: Double = 4
    public var inputShare: Double = 0.5
    /// Weight ω of other clusters' suppliers reached through B2B (–). In the Ethier CES a variety
    /// delivered at (1 + t) times its price counts (1 + t)^(1−σ_in) as much as a local one; the B2B
    /// platform removes the information barrier and leaves the freight, t ≈ 0.21 (Anderson and van
    /// Wincoop 2004, JEL: transport costs' tariff equivalent), so ω = 1.21^(−3) ≈ 0.56 at σ_in = 4
    /// (docs/ODD.md §8.10; PARAMETERS.md's 0.10 had no source). This is the weight within a region;
    /// across regions the regional barrier multiplies the freight (`updateB2BRegionWeights`).
    public var b2bSupplierWeight: Double = 0.56

    // MARK: Costs (§3.6)
    /// Firm fixed cost (rev/quarter, lognormal with log-sd `fixedCostSpread`).
    public var fixedCost: Double = 0.08
    public var fixedCostSpread: Double = 0.3
    /// Wage elasticity to local employment ε_w (–).
    public var wageElasticity: Double = 0.3
    /// Share of the gap to the market-clearing wage closed each quarter (0–1): wages are sticky.
    public var wageAdjustment: Double = 0.25
    /// Productivity: learning ∝ E, catch-up to the cluster's best practice, shock sd (log/quarter); initial log-sd.
    public var learningRate: Double = 0.004
    public var clusterSpillover: Double = 0.02
    public var productivityShock: Double = 0.02
    public var productivitySpread: Double = 0.15
    /// Dispersion of the regions' technology (log-sd): each region's incumbents draw ln A around the
    /// region's own level T_r, drawn once per seed, and its wage starts (and its labour market
    /// settles) at e^(T_r), so unit labour costs start equal (0: every region at 0, wage 1). 0.3:
    /// the expected range of 6 draws, 2.53·σ_R = 0.76, is a wage ratio of about 2.1 between the most
    /// and least advanced region, within the roughly 2–2.5× spread of China's provincial urban
    /// wages around 2009 (docs/ODD.md §8.7).
    public var regionTechnologySpread: Double = 0.3
    /// Transaction cost τ = τ_0(1 − trust)(1+deg)^γ/(1+coord): share of production cost; γ.
    public var transactionBase: Double = 0.15
    public var degreeExponent: Double = 0.35
    /// Trust from escrow, G_reg and repeated trade; fraud hazard per unit of online share (–).
    public var trustEscrow: Double = 0.3
    public var trustRegulation: Double = 0.3
    public var trustRepeat: Double = 0.2
    public var fraudHazard: Double = 0.4
    /// Coordination capacity from entrepreneurial capability (–).
    public var coordE: Double = 0.5
    /// Finance: r = r_f + s_max(1 − info); working capital (quarters of production cost).
    public var riskFreeRate: Double = 0.015
    public var spreadMax: Double = 0.04
    public var workingCapital: Double = 1.0
    /// Collateral scale W_ref (rev); data-credit scale D_0 (rev of cumulative online sales); credit limit (× info × revenue).
    public var collateralScale: Double = 3
    public var dataCreditScale: Double = 2
    public var leverage: Double = 1.0
    /// Whether lenders who read a firm's online data trail also lend on the orders a credit cut
    /// lost last quarter, in proportion to what the trail tells them (1 − e^(−D/D_0)): such a
    /// lender does not shrink a constrained firm's line because the last line was short (false: on
    /// sales only, as MODEL.md; docs/ODD.md §7.13, §8.8).
    public var orderCredit: Bool = true
    /// Data-based credit on (lenders read the online data trail).
    public var dataCredit: Bool = true
    /// Inventory: holding cost per unit forecast error; forecast error without matching (–).
    public var inventoryCost: Double = 0.1
    public var forecastError: Double = 0.5

    // MARK: Innovation (§2.2.1(2), §3.7)
    /// The innovation dilemma is modelled (false: quality stays put and the frontier does not move).
    public var innovation: Bool = true
    /// World quality frontier growth (log-quality per quarter); the outside good improves with it.
    public var frontierGrowth: Double = 0.01
    /// Success probability per unit of capability π_0, and its rises with the data trail (π_D),
    /// G_tal (π_G) and DESIGN use (π_des: crowdsourced and outsourced R&D) (×).
    public var innovationSuccess: Double = 0.5
    public var innovationData: Double = 0.5
    public var innovationTalent: Double = 0.5
    public var designSuccess: Double = 0.5
    /// Quality step of a success (log-quality).
    public var qualityStep: Double = 0.05
    /// Most steps a firm's quality can lead the world frontier by (count, 1–100).
    public var leadSteps: Int = 3
    /// How far the incumbent manufacturers' mean quality starts below the world frontier (log-quality;
    /// the clusters' low-end position, paper §1, §2.2.1(2)); brands start there too (their edge is
    /// reputation, `brandEquity`, not quality beyond the world's best practice).
    public var initialQualityGap: Double = 0
    /// Chance per quarter that a DESIGN user who does not innovate buys a design (–, 0–1).
    public var designBuy: Double = 0.25
    /// R&D cost κ_0·e^(κ_x·|x − x_F|), rising with the distance to the frontier (rev; per unit of
    /// log-quality), and the DESIGN users' discount des_cost (share).
    public var rdCost: Double = 0.3
    public var rdCostGap: Double = 2.5
    public var designCostDiscount: Double = 0.3
    /// Imitation hazard per quarter at the initial cluster density, gap closed when imitating (share),
    /// the quarterly discount rate of innovation returns, and obsolescence δ_q of a quality lead (/quarter).
    public var imitationHazard: Double = 0.08
    public var imitationGap: Double = 0.3
    public var innovationDiscount: Double = 0.05
    public var obsolescence: Double = 0.05
    /// Royalty ρ: share of the value of a copy an imitator (or buyer) of a registered design pays its owners.
    public var royalty: Double = 0.3

    // MARK: Collaboration network (§2.3, §3.9)
    /// Firms search for partners and form links (false: no network).
    public var network: Bool = true
    /// The four levels of external economies, each switched off from quarter 0 on (burn-in
    /// unchanged) for `coevo decompose` (docs/ODD.md §7.31): the cluster's own supplier pool
    /// (frozen at its quarter-0 size) and catch-up to the cluster's best practice; partners'
    /// supplier access, knowledge catch-up and referred orders; the ecosystem's suppliers and
    /// best practice; the economy-wide (B2B) supplier pool.
    public var externalCluster: Bool = true
    public var externalNetwork: Bool = true
    public var externalEcosystem: Bool = true
    public var externalEconomy: Bool = true
    /// Search probability per quarter; chance a B2B user searches afar, × its platform's μ.
    public var linkSearch: Double = 0.3
    public var linkFar: Double = 0.3
    /// Specialisation gain per unit of summed capability (rev/quarter); coordination cost at degree 0
    /// (rev/quarter) and its exponent in (1+d_a)(1+d_b); cross-region barrier b_R (the cost is ×
    /// 1 + b_R·(1 − Ḡ_bar)²).
    public var linkGain: Double = 0.05
    public var linkCost: Double = 0.02
    public var linkCostExponent: Double = 0.5
    public var regionBarrier: Double = 4
    /// Link decay hazard per quarter.
    public var linkDecay: Double = 0.03
    /// Catch-up to the best partner's productivity (/quarter) and partners' weight in the supplier pool.
    public var partnerSpillover: Double = 0.03
    public var partnerSupplierWeight: Double = 0.04
    /// Weight of a partner in the firm's own cluster, against 1 for a partner elsewhere, in the
    /// partner catch-up ("local buzz and global pipelines", Bathelt et al. 2004: what a local
    /// partner knows the firm largely sees through the cluster already) (share, 0–1).
    public var localPartnerKnowledge: Double = 0.25
    /// Weight of a supplier partner in the firm's own cluster in the partner part of the input pool
    /// (share, 0–1; it is in the cluster's pool already, so 0 counts only suppliers it reaches beyond).
    public var localPartnerSuppliers: Double = 0
    /// How far a super-cluster's best practice replaces its clusters' own as the catch-up target (0–1).
    public var superclusterSpillover: Double = 0.5
    /// Orders referred by each partner: attraction × (1 + r_ref·degree) (–, per partner).
    public var referral: Double = 0.02
    /// Weight of the knowledge a link carries in the link decision (–): the surplus adds κ_k times
    /// the booked value of the partner catch-up, k_net·w·(ln A_o − ln A)^+ × the learner's
    /// production bill, over the link's expected life 1/(δ_link + r_f) (0: capabilities only).
    public var linkKnowledgeWeight: Double = 0

    // MARK: Entrepreneurs (§2.1.1(5))
    /// Initial capability E mean (0–1).
    public var capabilityInitial: Double = 0.3
    /// Learning by doing, online multiplier, demonstration, talent policy, forgetting (/quarter).
    public var learnByDoing: Double = 0.004
    public var learnOnline: Double = 1
    public var learnDemo: Double = 0.03
    public var learnPolicy: Double = 0.005
    public var forgetting: Double = 0.002
    /// Mobility: hazard per unit of profit-rate gap to the industry's best cluster in another region
    /// (/quarter; scaled by ¼ + ¾·G_bar and 1 + G_tal; 0 switches mobility off).
    public var mobility: Double = 0.1

    // MARK: Demography (§3(11))
    /// Bass innovation and imitation rates for households opening firms (/quarter).
    public var bassP: Double = 0.002
    public var bassQ: Double = 0.05
    /// Initial net worth (rev), payout share of profit, net-worth consumption (/quarter).
    public var netWorthInitial: Double = 1.0
    public var payout: Double = 0.5
    public var netWorthDecay: Double = 0.1
    /// Entry cost offline and online (rev).
    public var entryCostOffline: Double = 0.5
    public var entryCostOnline: Double = 0.15
    /// Minimum age (quarters) before the loss rule applies; quarters of losses before exit.
    public var exitAge: Int = 4
    public var exitLosses: Int = 4
    /// Owners close while still solvent: a losing firm exits when its net worth would not cover
    /// another quarter's loss like this one (W + π < 0), instead of producing one more quarter on a
    /// credit line cut to a sliver (docs/ODD.md §7.17).
    public var exitSolvent: Bool = true

    // MARK: Government (§3(5))
    /// Budget as a share of value added (–); lever weights (reg, pub, tal, inf, bar, summing to ≤ 1).
    public var govBudget: Double = 0.02
    public var govReg: Double = 0.2
    public var govPub: Double = 0.2
    public var govTal: Double = 0.2
    public var govInf: Double = 0.2
    public var govBar: Double = 0.2
    /// Capital depreciation (/quarter) and index scale (× value added).
    public var govDepreciation: Double = 0.05
    public var govScale: Double = 0.06
    /// First period with policy spending (quarter; negative values start during the burn-in, so
    /// the default −40 means "always": policy capital is in place when digital commerce starts).
    public var govStart: Int = -40
    /// Regions that run the policy: the first `govRegions` regions, 0 = all regions (the default).
    /// Regions outside levy no tax and their indices stay at 0 (MODEL.md §6: scenarios vary regions).
    public var govRegions: Int = 0
    /// Lever weights by region (`maxPolicyRegions` × 5, order reg, pub, tal, inf, bar); −1 means
    /// "the global weight" (`gov.reg`, …). Read through `policyWeight(region:_:)`.
    public var govRegionWeights = [Double](repeating: -1, count: Parameters.maxPolicyRegions * 5)
    public static let maxPolicyRegions = 20

    /// The weight region `r` puts on `lever`: its own when set, else the global one.
    public func policyWeight(region r: Int, _ lever: Lever) -> Double {
        let own = r < Parameters.maxPolicyRegions ? govRegionWeights[r * 5 + lever.rawValue] : -1
        if own >= 0 { return own }
        switch lever {
        case .reg: return govReg
        case .pub: return govPub
        case .tal: return govTal
        case .inf: return govInf
        case .bar: return govBar
        }
    }

    // MARK: Digital commerce switch
    /// Platforms exist (false = the no-digital counterfactual: no platform ever enters).
    public var platforms: Bool = true

    // MARK: Sharing platforms and ecosystems (MODEL.md §3(3), §3(6), §3(10); paper §2.2–§2.4)
    /// Maximum platforms per sharing type (XBORDER, DESIGN, MAKE, IINET) that may enter (count, 0–5).
    public var sharingPlatformsMax: Int = 2
    /// Fixed costs of XBORDER, DESIGN, MAKE and IINET platforms (× initial quarterly sales), each
    /// covered by the expected fee revenue on the market the type serves (PlatformMarket.swift).
    public var xborderFixedCost: Double = 0.009
    public var designFixedCost: Double = 0.002
    public var makeFixedCost: Double = 0.0045
    public var iinetFixedCost: Double = 0.0012
    /// A cluster's own vertical industry platform (B2B, serving its industry in every region): its
    /// fixed cost (× initial quarterly sales, lowered by the cluster's G_pub) and how many times its
    /// data count for matching, since it knows one industry (×).
    public var verticalFixedCost: Double = 0.004
    public var verticalData: Double = 3
    /// "Industrial belt" storefront: a RETAIL platform opens one for a cluster whose online revenue
    /// passes this multiple of its initial quarterly revenue; it cuts adoption cost by the discount (share).
    public var storefrontThreshold: Double = 1.0
    public var storefrontDiscount: Double = 0.5
    /// How far G_pub lowers the fixed cost of sharing platforms and IINET (share at G_pub = 1).
    public var publicPlatformSupport: Double = 0.5
    /// Share of a user's revenue carried by a sharing service (DESIGN, MAKE, IINET): the base its fee is charged on.
    public var serviceShare: Double = 0.1
    /// GMV at which a platform integrates logistics, finance and information services (× initial quarterly sales).
    public var serviceLogisticsCost: Double = 0.12
    public var serviceFinanceCost: Double = 0.18
    public var serviceInformationCost: Double = 0.27
    /// Matching bonus of an integrated information service (share of μ), and the platform-choice
    /// logit weight per integrated service (–).
    public var serviceMatchingBonus: Double = 0.15
    public var choiceServices: Double = 0.2
    /// Cross-border logistics relative to domestic (×) for XBORDER sales.
    public var xborderLogistics: Double = 1.5
    /// MAKE: unit-cost premium of shared capacity (share of production cost), fixed-cost factor of
    /// renting shared capacity, customization bonus of C2M online (utils), remaining forecast error (×).
    public var makeUnitCost: Double = 0.03
    public var makeFixedFactor: Double = 0.6
    public var makeBonus: Double = 0.4
    public var makeForecast: Double = 0.2
    /// Coordination capacity from IINET (× its platform's μ) and from ecosystem embedding (–).
    public var coordIINET: Double = 3
    public var coordECO: Double = 1
    /// Chance per search that an IINET user searches the whole chain across clusters and regions (× μ).
    public var iinetFar: Double = 0.9
    /// Ecosystem embedding: logistics discount (share), lender information added by platform
    /// finance (share), catch-up to the ecosystem's best practice across industries (/quarter).
    public var ecoLogisticsDiscount: Double = 0.25
    public var ecoFinance: Double = 0.3
    public var ecoSpillover: Double = 0.03
    /// Weight ω_eco of the suppliers of the firm's ecosystem (of its industry, in other clusters)
    /// in its input pool (–).
    public var ecoSupplierWeight: Double = 0.05

    // MARK: Stage criteria (MODEL.md §4; thresholds of the mechanism-based classifier)
    /// Stage 1: retail adoption; stage 2: sharing use (firms using XBORDER, DESIGN or MAKE) and the share
    /// of firms with a partner in another chain role; stage 3: the share of firms with a partner in
    /// another cluster; stage 4: the share of firms embedded in an ecosystem (shares of live firms)
    /// and, with `stageAcrossRegions`, regional boundaries broken: a super-cluster spans two regions
    /// or more (paper §2.3.2, §3(5): 区域边界被打破, super-clusters across regions).
    public var stageRetail: Double = 0.10
    public var stageSharing: Double = 0.10
    public var stageCrossRole: Double = 0.10
    public var stageCrossCluster: Double = 0.02
    public var stageEcosystem: Double = 0.28
    public var stageAcrossRegions: Bool = true
    /// `stage.ccd` (the paper's §3(2) read through the coupling indices, CoevoMeasure.ccdStage):
    /// imbalance tolerance ε (stage 1 needs U1/U2 > 1 + ε, stage 3 |U1 − U2| < ε) and the D
    /// thresholds d1 < d2 < d3 (stage 1 below d1, stage 2 in [d1, d2), stage 3 from d2, stage 4 from d3).
    public var ccdEpsilon: Double = 0.1
    public var ccdD1: Double = 0.5
    public var ccdD2: Double = 0.6
    public var ccdD3: Double = 0.8

    public var ccdThresholds: CCDStageThresholds { CCDStageThresholds(epsilon: ccdEpsilon, d1: ccdD1, d2: ccdD2, d3: ccdD3) }

    // MARK: Observation
    /// Fixed panel sample size for econometrics and `--panel` (firms).
    public var panelSize: Int = 50_000
    /// Wild-bootstrap draws for the elasticity intervals.
    public var bootstrapDraws: Int = 999
    /// E-commerce village (Observer.isECommerceVillage): share of households with online shops (of the
    /// village's, or of the mean village's), and online revenue (× the mean village's revenue at period 0).
    public var villageShopShare: Double = 0.10
    public var villageRevenueShare: Double = 0.25
}

import CoevoMeasure
