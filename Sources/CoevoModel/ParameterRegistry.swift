// Machine-readable metadata of every parameter: YAML key, unit, valid range and help. Scenario
// files, `--set key=value`, the web form and validation all read this one table.

/// How a parameter is stored.
public enum ParameterKind: @unchecked Sendable {
    case real(WritableKeyPath<Parameters, Double>)
    case integer(WritableKeyPath<Parameters, Int>)
    case boolean(WritableKeyPath<Parameters, Bool>)
}

/// One parameter's contract.
public struct ParameterInfo: @unchecked Sendable {
    public let key: String
    public let kind: ParameterKind
    public let unit: String
    public let range: ClosedRange<Double>
    public let help: String

    public var typeName: String {
        switch kind { case .real: "number"; case .integer: "integer"; case .boolean: "true or false" }
    }
    public func value(in p: Parameters) -> Double {
        switch kind {
        case .real(let k): p[keyPath: k]
        case .integer(let k): Double(p[keyPath: k])
        case .boolean(let k): p[keyPath: k] ? 1 : 0
        }
    }
    /// Text form used in messages, JSON and forms.
    public func text(in p: Parameters) -> String {
        switch kind {
        case .real(let k): "\(p[keyPath: k])"
        case .integer(let k): "\(p[keyPath: k])"
        case .boolean(let k): "\(p[keyPath: k])"
        }
    }
}

/// A parameter value that is not acceptable: which key, what was expected, what was found.
public struct ParameterError: Error, CustomStringConvertible, Sendable, Equatable {
    public var key: String
    public var expected: String
    public var found: String
    public var description: String { "parameter '\(key)': expected \(expected), found \(found)" }
}

extension Parameters {
    private static func r(_ key: String, _ kp: WritableKeyPath<Parameters, Double>, _ unit: String, _ lo: Double, _ hi: Double, _ help: String) -> ParameterInfo {
        ParameterInfo(key: key, kind: .real(kp), unit: unit, range: lo...hi, help: help)
    }
    private static func i(_ key: String, _ kp: WritableKeyPath<Parameters, Int>, _ unit: String, _ lo: Double, _ hi: Double, _ help: String) -> ParameterInfo {
        ParameterInfo(key: key, kind: .integer(kp), unit: unit, range: lo...hi, help: help)
    }
    private static func b(_ key: String, _ kp: WritableKeyPath<Parameters, Bool>, _ help: String) -> ParameterInfo {
        ParameterInfo(key: key, kind: .boolean(kp), unit: "–", range: 0...1, help: help)
    }

    /// Every parameter, in documentation order.
    public static let registry: [ParameterInfo] = baseRegistry + regionalPolicyWeights

    /// Per-region lever weights `gov.region<r>.<lever>` for r < 20 (MODEL.md §3(1): "weights over
    /// five levers per region"): −1, the default, means the region uses the global `gov.<lever>`.
    /// In YAML: `gov: {region2: {pub: 0.6, inf: 0.4}}`.
    static let regionalPolicyWeights: [ParameterInfo] = (0..<Parameters.maxPolicyRegions).flatMap { region in
        Lever.allCases.map { lever in
            r("gov.region\(region).\(lever.name)", \.govRegionWeights[region * 5 + lever.rawValue], "share", -1, 1,
              "region \(region)'s weight on \(lever.name) (−1: the global gov.\(lever.name))")
        }
    }

    /// Whether `key` is one of the per-region lever weights `gov.region<r>.<lever>`.
    public static func isRegionalPolicyWeight(_ key: String) -> Bool {
        guard key.hasPrefix("gov.region"), let next = key.dropFirst("gov.region".count).first else { return false }
        return next.isNumber
    }

    private static let baseRegistry: [ParameterInfo] = [
        i("firms", \.firms, "firms", 500, 50_000_000, "initial number of firms; villages and markets scale with it"),
        i("periods", \.periods, "quarters", 1, 400, "reported periods"),
        i("burn_in", \.burnIn, "quarters", 0, 40, "burn-in without platforms, not reported"),
        i("calendar.start_year", \.startYear, "year", 1900, 2200, "calendar year of period 0"),
        r("calendar.cluster_villages", \.clusterVillages, "villages", 1, 1_000_000, "real villages the model's villages stand for (village scale for real data)"),
        i("world.regions", \.regions, "regions", 2, 20, "regions"),
        i("world.industries", \.industries, "industries", 1, 20, "industries"),
        i("world.clusters", \.clusters, "clusters", 1, 200, "clusters (at least one per industry)"),
        i("village.firms", \.firmsPerVillage, "firms", 5, 1000, "initial firms per village"),
        i("village.households", \.householdsPerVillage, "households", 5, 5000, "households per village (the entry pool)"),
        r("village.size_spread", \.villageSizeSpread, "log-sd", 0, 1.5, "spread of village sizes (initial firms and households)"),
        r("roles.supplier_share", \.supplierShare, "share", 0.05, 0.8, "initial share of suppliers"),
        r("roles.brand_share", \.brandShare, "share", 0, 0.8, "initial share of brands/sellers"),

        r("demand.theta_p", \.thetaP, "–", 1.2, 20, "logit price coefficient θ_P"),
        r("demand.brand_equity", \.brandEquity, "log-quality", 0, 5, "brands' reputation: a quality-equivalent premium buyers pay for, not copied by imitators"),
        r("demand.theta_q", \.thetaQ, "–", 0, 20, "logit quality coefficient θ_Q"),
        r("demand.inside_share", \.insideShare, "share", 0.01, 0.99, "initial inside-good share at home"),
        r("demand.growth", \.marketGrowth, "/quarter", -0.05, 0.1, "exogenous spending growth"),
        r("demand.wholesale_share", \.wholesaleShare, "share", 0, 0.9, "wholesale segment's share of spending"),
        b("demand.shoppers_path", \.onlineShoppersPath, "only a share π(t) of consumers shops online, on CNNIC's path (false: all do)"),
        r("demand.shoppers_max", \.shoppersMax, "share", 0, 1, "ceiling of the share of consumers who shop online"),
        r("demand.shoppers_mid", \.shoppersMid, "quarter", -200, 400, "quarter at which half the ceiling shops online"),
        r("demand.shoppers_scale", \.shoppersScale, "quarters", 0.1, 400, "logistic time scale of online shopping's spread"),
        r("demand.world_market", \.worldMarket, "× a region", 0, 50, "world market size"),
        r("demand.exporter_share", \.exporterShare, "share", 0, 0.5, "share of firms exporting offline"),
        r("demand.export_fixed_cost", \.exportFixedCost, "rev/quarter", 0, 10, "fixed cost of offline export"),
        r("demand.distance_markup", \.distanceMarkup, "per distance", 0, 5, "offline price markup per unit distance τ_d"),
        r("demand.visibility_decay", \.visibilityDecay, "per distance", 0, 20, "offline visibility decay with distance"),
        r("demand.online_distance", \.onlineDistanceShare, "share", 0, 1, "online consumer visibility's distance effect (log), as a share of the offline one"),
        r("demand.live_bonus", \.liveBonus, "utils", 0, 5, "LIVE trust bonus per unit of tacitness"),
        r("demand.online_quality", \.onlineQuality, "–", 0, 5, "extra weight online buyers give quality κ_on"),
        r("demand.fit_spread", \.fitSpread, "log-sd", 0, 3, "spread of firm-specific channel fit"),
        r("demand.online_ranking", \.onlineRanking, "–", 0, 2, "elasticity of LIVE and XBORDER visibility to the seller's recent sales (ranking)"),

        i("platform.retail_count", \.retailPlatforms, "platforms", 1, 5, "RETAIL platforms from the start"),
        i("platform.b2b_count", \.b2bPlatforms, "platforms", 1, 5, "B2B platforms from the start"),
        i("platform.live_max", \.livePlatformsMax, "platforms", 0, 5, "LIVE platforms that may enter"),
        r("platform.mu_min", \.muMin, "–", 0, 1, "minimum matching efficiency"),
        r("platform.mu_max", \.muMax, "–", 0, 5, "maximum matching efficiency"),
        r("platform.data_scale", \.dataScale, "× initial sales", 0.01, 1000, "data stock scale D_μ"),
        r("platform.data_depreciation", \.dataDepreciation, "/quarter", 0, 1, "platform data depreciation"),
        r("platform.fee_min", \.feeMin, "ad valorem", 0, 0.5, "floor of the platform fee"),
        r("platform.fee_0", \.fee0, "ad valorem", 0, 0.5, "fee premium without sellers"),
        r("platform.fee_n0", \.feeN0, "share of firms", 0.0001, 1, "seller share at which the premium halves (ψ=1)"),
        r("platform.fee_psi", \.feePsi, "–", 0, 5, "fee decline exponent ψ"),
        r("platform.live_fixed_cost", \.liveFixedCost, "× initial sales", 0, 10, "fixed cost a LIVE platform must cover"),
        i("platform.sharing_max", \.sharingPlatformsMax, "platforms", 0, 5, "XBORDER, DESIGN, MAKE and IINET platforms that may enter, per type"),
        r("platform.xborder_fixed_cost", \.xborderFixedCost, "× initial sales", 0, 10, "fixed cost an XBORDER platform must cover"),
        r("platform.design_fixed_cost", \.designFixedCost, "× initial sales", 0, 10, "fixed cost a DESIGN platform must cover"),
        r("platform.make_fixed_cost", \.makeFixedCost, "× initial sales", 0, 10, "fixed cost a MAKE platform must cover"),
        r("platform.iinet_fixed_cost", \.iinetFixedCost, "× initial sales", 0, 10, "fixed cost an IINET platform must cover"),
        r("platform.vertical_fixed_cost", \.verticalFixedCost, "× initial sales", 0, 10, "fixed cost of a cluster's own vertical industry platform (lowered by its G_pub)"),
        r("platform.vertical_data", \.verticalData, "×", 1, 20, "weight of a vertical platform's data in its matching"),
        r("platform.storefront_threshold", \.storefrontThreshold, "× initial revenue", 0, 100, "cluster online revenue at which a platform opens an industrial-belt storefront"),
        r("platform.storefront_discount", \.storefrontDiscount, "share", 0, 1, "fall in adoption cost in a cluster with a storefront"),
        r("platform.public_support", \.publicPlatformSupport, "share", 0, 1, "fall in sharing platforms' fixed cost at G_pub = 1"),
        r("platform.service_share", \.serviceShare, "share", 0, 1, "share of a user's revenue a sharing service carries (its fee base)"),
        r("platform.service_logistics", \.serviceLogisticsCost, "× initial sales", 0, 100, "GMV at which a platform integrates logistics"),
        r("platform.service_finance", \.serviceFinanceCost, "× initial sales", 0, 100, "GMV at which a platform integrates finance"),
        r("platform.service_information", \.serviceInformationCost, "× initial sales", 0, 100, "GMV at which a platform integrates information services"),
        r("platform.service_matching", \.serviceMatchingBonus, "share", 0, 2, "matching bonus of integrated information services"),
        r("platform.choice_services", \.choiceServices, "–", 0, 10, "platform-choice logit weight per integrated service"),
        r("sharing.xborder_logistics", \.xborderLogistics, "×", 1, 10, "cross-border logistics relative to domestic"),
        r("sharing.make_unit_cost", \.makeUnitCost, "share", 0, 1, "MAKE unit-cost premium of shared capacity"),
        r("sharing.make_fixed_factor", \.makeFixedFactor, "×", 0, 1, "MAKE users' fixed cost relative to owning capacity"),
        r("sharing.make_bonus", \.makeBonus, "utils", 0, 5, "C2M customization bonus in online demand"),
        r("sharing.make_forecast", \.makeForecast, "×", 0, 1, "forecast error left when producing to order"),
        r("sharing.coord_iinet", \.coordIINET, "× μ", 0, 10, "coordination capacity from IINET"),
        r("sharing.coord_eco", \.coordECO, "–", 0, 10, "coordination capacity from ecosystem embedding"),
        r("sharing.iinet_far", \.iinetFar, "× μ", 0, 1, "chance an IINET user searches partners across the chain"),
        r("ecosystem.logistics_discount", \.ecoLogisticsDiscount, "share", 0, 1, "smart-logistics discount for embedded firms"),
        r("ecosystem.finance", \.ecoFinance, "share", 0, 1, "lender information added by ecosystem finance"),
        r("ecosystem.supplier_weight", \.ecoSupplierWeight, "–", 0, 1, "weight of the ecosystem's suppliers elsewhere in an embedded buyer's input pool"),
        r("ecosystem.spillover", \.ecoSpillover, "/quarter", 0, 1, "catch-up to the ecosystem's best practice across industries"),
        r("platform.choice_mu", \.choiceMu, "–", 0, 50, "platform choice weight on matching"),
        r("platform.choice_fee", \.choiceFee, "per unit fee", 0, 500, "platform choice weight on fee"),
        r("platform.choice_sellers", \.choiceSellers, "–", 0, 10, "platform choice weight on ln sellers"),
        r("platform.congestion", \.sellerCongestion, "–", 0, 1, "congestion among a selling platform's sellers: traffic per seller × (sellers / type mean)^(−κ)"),
        r("platform.channel_fixed_cost", \.channelFixedCost, "rev/quarter", 0, 5, "fixed cost per online channel"),

        r("logistics.initial", \.logisticsInitial, "ad valorem", 0, 1, "logistics cost ℓ_0 before online volume"),
        r("logistics.min", \.logisticsMin, "ad valorem", 0, 1, "logistics cost floor ℓ_min"),
        r("logistics.lambda", \.logisticsLambda, "–", 0, 3, "experience-curve elasticity λ"),
        r("logistics.v0", \.logisticsV0, "× initial sales", 1e-6, 10, "volume scale V_0"),
        r("logistics.congestion", \.congestionWeight, "–", 0, 10, "congestion weight (0 = off)"),
        r("logistics.congestion_exponent", \.congestionExponent, "–", 0.1, 10, "congestion exponent κ"),
        r("logistics.capacity", \.capacityShare, "share of regional sales", 0.001, 100, "regional logistics capacity without G_inf"),
        r("logistics.capacity_inf", \.capacityInfrastructure, "×", 0, 100, "capacity rise at G_inf = 1"),
        r("logistics.carrier_speed", \.carrierSpeed, "/quarter", 0, 5, "carriers' capacity build-out per unit of excess load φ (0 = fixed network)"),
        r("logistics.carrier_load", \.carrierLoad, "load", 0.01, 10, "load carriers build capacity for L̄"),

        r("adoption.intercept", \.adoptIntercept, "–", -30, 10, "adoption logit intercept β0"),
        r("adoption.sharing_intercept", \.adoptSharingIntercept, "–", -20, 5, "logit intercept for XBORDER and sharing services (online firms only)"),
        r("adoption.gain", \.adoptGain, "–", 0, 10, "weight on expected gain Ĝ/F"),
        r("adoption.capability", \.adoptE, "–", 0, 20, "weight on entrepreneurial capability"),
        r("adoption.peer_village", \.adoptPeerVillage, "–", 0, 20, "weight on adopter share in the village"),
        r("adoption.peer_cluster", \.adoptPeerCluster, "–", 0, 20, "weight on adopter share in the cluster"),
        r("adoption.demonstration", \.demonstration, "–", 0, 5, "demonstration effect multiplier (0 = off)"),
        r("adoption.cost", \.adoptionCost, "rev", 0, 10, "one-off adoption cost"),
        r("adoption.horizon", \.adoptionHorizon, "quarters", 1, 80, "amortisation horizon of the adoption cost"),
        i("adoption.drop_after", \.dropAfter, "quarters", 1, 40, "losing quarters before a channel is dropped"),

        r("inputs.sigma", \.sigmaIn, "–", 1.1, 20, "supplier substitution elasticity σ_in"),
        r("inputs.share", \.inputShare, "share", 0, 0.95, "input share of production cost α_in"),
        r("inputs.b2b_weight", \.b2bSupplierWeight, "–", 0, 1, "weight of other clusters' suppliers via B2B within a region, (1 + freight)^(1−σ_in)"),

        r("cost.fixed", \.fixedCost, "rev/quarter", 0, 10, "mean firm fixed cost"),
        r("cost.fixed_spread", \.fixedCostSpread, "log-sd", 0, 3, "spread of fixed cost"),
        // Above about 2.5 the wage–output loop explodes (inf, then NaN, in output and welfare; issue 10).
        r("cost.wage_elasticity", \.wageElasticity, "–", 0, 2, "wage elasticity to local employment ε_w"),
        r("cost.wage_adjustment", \.wageAdjustment, "share/quarter", 0.01, 1, "share of the gap to the employment-implied wage closed each quarter"),
        r("productivity.learning", \.learningRate, "log/quarter", 0, 0.1, "own learning ∝ E"),
        r("productivity.cluster_spillover", \.clusterSpillover, "/quarter", 0, 1, "catch-up to the cluster's best practice"),
        r("productivity.shock", \.productivityShock, "log-sd", 0, 1, "productivity shock"),
        r("productivity.spread", \.productivitySpread, "log-sd", 0, 3, "initial productivity dispersion"),
        r("productivity.region_spread", \.regionTechnologySpread, "log-sd", 0, 3, "dispersion of the regions' technology levels, offset by their wages (drawn once per seed)"),
        r("transaction.base", \.transactionBase, "share of production cost", 0, 2, "transaction cost τ_0"),
        r("transaction.degree_exponent", \.degreeExponent, "–", 0, 3, "degree exponent γ"),
        r("transaction.trust_escrow", \.trustEscrow, "–", 0, 1, "trust from escrow payment"),
        r("transaction.trust_regulation", \.trustRegulation, "–", 0, 1, "trust from G_reg"),
        r("transaction.trust_repeat", \.trustRepeat, "–", 0, 1, "trust from repeated trade"),
        r("transaction.fraud", \.fraudHazard, "–", 0, 5, "fraud hazard per unit of online share"),
        r("transaction.coord_capability", \.coordE, "–", 0, 10, "coordination capacity from E"),
        r("finance.risk_free", \.riskFreeRate, "/quarter", 0, 0.5, "risk-free loan rate r_f"),
        r("finance.spread_max", \.spreadMax, "/quarter", 0, 0.5, "maximum risk spread s_max"),
        r("finance.working_capital", \.workingCapital, "quarters", 0, 10, "working capital per unit of production cost"),
        r("finance.collateral_scale", \.collateralScale, "rev", 0.01, 1000, "collateral scale W_ref"),
        r("finance.data_scale", \.dataCreditScale, "rev", 0.01, 1000, "data-credit scale D_0"),
        r("finance.leverage", \.leverage, "× info × revenue", 0, 100, "credit limit"),
        b("finance.order_credit", \.orderCredit, "lenders reading the data trail also lend on the orders a credit cut lost (false: on sales only)"),
        b("finance.data_credit", \.dataCredit, "lenders read the online data trail"),
        r("inventory.cost", \.inventoryCost, "–", 0, 5, "holding cost per unit forecast error"),
        r("inventory.error", \.forecastError, "–", 0, 5, "forecast error without matching"),

        b("innovation.enabled", \.innovation, "model the innovation dilemma (quality against a moving frontier)"),
        r("innovation.frontier_growth", \.frontierGrowth, "log-quality/quarter", 0, 0.2, "world quality frontier growth g_F"),
        r("innovation.success", \.innovationSuccess, "per unit E", 0, 2, "innovation success probability per unit of capability"),
        r("innovation.data", \.innovationData, "×", 0, 10, "rise of success with the data trail"),
        r("innovation.talent", \.innovationTalent, "×", 0, 10, "rise of success with G_tal"),
        r("innovation.design", \.designSuccess, "×", 0, 10, "rise of success with DESIGN use π_des"),
        r("innovation.step", \.qualityStep, "log-quality", 0, 1, "quality step of a success Δx"),
        r("innovation.initial_gap", \.initialQualityGap, "log-quality", 0, 5, "incumbent manufacturers' mean quality below the world frontier at the start"),
        i("innovation.lead_steps", \.leadSteps, "steps", 1, 100, "most quality steps a firm can lead the world frontier by"),
        r("innovation.design_buy", \.designBuy, "/quarter", 0, 1, "chance a DESIGN user who does not innovate buys a design"),
        r("innovation.cost", \.rdCost, "rev", 0, 100, "R&D cost at the frontier κ_0"),
        r("innovation.cost_gap", \.rdCostGap, "per log-quality", 0, 20, "rise of R&D cost with the distance to the frontier κ_x"),
        r("innovation.design_discount", \.designCostDiscount, "share", 0, 1, "R&D cost discount of DESIGN users des_cost"),
        r("innovation.imitation", \.imitationHazard, "/quarter", 0, 1, "imitation hazard at initial cluster density"),
        r("innovation.imitation_gap", \.imitationGap, "share", 0, 1, "share of the gap to the cluster's best closed by imitation"),
        r("innovation.discount", \.innovationDiscount, "/quarter", 0.001, 1, "discount rate of innovation returns"),
        r("innovation.obsolescence", \.obsolescence, "/quarter", 0, 1, "obsolescence of a quality lead δ_q"),
        r("innovation.royalty", \.royalty, "share", 0, 1, "royalty ρ an imitator of a registered design pays, share of the copy's value"),
        b("network.enabled", \.network, "firms form collaboration links"),
        r("network.search", \.linkSearch, "/quarter", 0, 1, "partner search probability"),
        r("network.far", \.linkFar, "× μ", 0, 1, "chance a B2B user searches beyond its cluster"),
        r("network.gain", \.linkGain, "rev/quarter", 0, 10, "specialisation gain per unit of summed capability"),
        r("network.cost", \.linkCost, "rev/quarter", 0, 10, "coordination cost of a link at degree 0"),
        r("network.cost_exponent", \.linkCostExponent, "–", 0, 5, "exponent of (1+d_a)(1+d_b) in the coordination cost"),
        r("network.region_barrier", \.regionBarrier, "×", 0, 20, "extra cost of a cross-region link, and × on the freight of cross-region B2B sourcing, at G_bar = 0 (falls with (1 − G_bar)²)"),
        r("network.decay", \.linkDecay, "/quarter", 0, 1, "link decay hazard"),
        r("network.spillover", \.partnerSpillover, "/quarter", 0, 1, "catch-up to the best partner's productivity"),
        r("network.supplier_weight", \.partnerSupplierWeight, "–", 0, 1, "weight of partner suppliers in the input pool"),
        r("network.local_knowledge", \.localPartnerKnowledge, "share", 0, 1, "weight of an own-cluster partner's lead in the partner catch-up (1 for a partner elsewhere)"),
        r("network.local_suppliers", \.localPartnerSuppliers, "share", 0, 1, "weight of own-cluster supplier partners in the partner input pool (they are in the cluster's pool already)"),
        r("network.referral", \.referral, "per partner", 0, 1, "orders referred by each partner: attraction × (1 + r·degree)"),
        r("network.knowledge_weight", \.linkKnowledgeWeight, "–", 0, 10, "weight of the partner catch-up's booked value in the link decision"),
        r("network.supercluster_spillover", \.superclusterSpillover, "share", 0, 1, "how far a super-cluster's best practice replaces its clusters' own"),
        r("entrepreneur.initial", \.capabilityInitial, "0–1", 0.01, 0.99, "mean initial capability E"),
        r("entrepreneur.by_doing", \.learnByDoing, "/quarter", 0, 1, "learning by doing"),
        r("entrepreneur.online", \.learnOnline, "×", 0, 20, "extra learning by doing online"),
        r("entrepreneur.demonstration", \.learnDemo, "/quarter", 0, 1, "learning from the best visible"),
        r("entrepreneur.policy", \.learnPolicy, "/quarter", 0, 1, "learning from talent policy G_tal"),
        r("entrepreneur.forgetting", \.forgetting, "/quarter", 0, 1, "forgetting"),
        r("entrepreneur.mobility", \.mobility, "/quarter", 0, 10, "relocation hazard per unit profit-rate gap to the industry's best cluster elsewhere (× ¼ + ¾·G_bar, × 1 + G_tal)"),

        r("entry.bass_p", \.bassP, "/quarter", 0, 1, "Bass innovation rate of households"),
        r("entry.bass_q", \.bassQ, "/quarter", 0, 1, "Bass imitation rate (× village online share)"),
        r("firm.net_worth", \.netWorthInitial, "rev", 0, 100, "initial net worth"),
        r("firm.payout", \.payout, "share", 0, 1, "payout share of positive profit"),
        r("firm.net_worth_decay", \.netWorthDecay, "/quarter", 0, 1, "owners' consumption out of net worth"),
        r("entry.cost_offline", \.entryCostOffline, "rev", 0, 100, "entry cost of an offline firm"),
        r("entry.cost_online", \.entryCostOnline, "rev", 0, 100, "entry cost of an online shop"),
        i("exit.age", \.exitAge, "quarters", 0, 100, "age before the loss rule applies"),
        i("exit.losses", \.exitLosses, "quarters", 1, 100, "consecutive losing quarters before exit"),
        b("exit.solvent", \.exitSolvent, "a losing firm closes when its net worth would not cover another such quarter (W + π < 0)"),

        r("gov.budget", \.govBudget, "share of value added", 0, 0.5, "policy budget"),
        r("gov.reg", \.govReg, "share of budget", 0, 1, "law, rules, business environment"),
        r("gov.pub", \.govPub, "share of budget", 0, 1, "public services, government-guided platforms"),
        r("gov.tal", \.govTal, "share of budget", 0, 1, "talent training and sharing"),
        r("gov.inf", \.govInf, "share of budget", 0, 1, "e-commerce parks, logistics, information infrastructure"),
        r("gov.bar", \.govBar, "share of budget", 0, 1, "removing regional barriers"),
        r("gov.depreciation", \.govDepreciation, "/quarter", 0, 1, "policy capital depreciation"),
        r("gov.scale", \.govScale, "× value added", 0.0001, 100, "policy index scale"),
        i("gov.start", \.govStart, "quarter", -40, 400, "first period with policy spending (negative: during burn-in)"),
        i("gov.regions", \.govRegions, "regions", 0, 20, "regions running the policy: the first N (0 = all)"),

        b("platform.enabled", \.platforms, "platforms exist (false: the no-digital counterfactual)"),
        b("external.cluster", \.externalCluster, "cluster-level external economies from quarter 0 (false: own supplier pool frozen, no catch-up to the cluster's best practice)"),
        b("external.network", \.externalNetwork, "network-level external economies from quarter 0 (false: partners bring no suppliers, knowledge or orders)"),
        b("external.ecosystem", \.externalEcosystem, "ecosystem-level external economies from quarter 0 (false: no ecosystem suppliers or best practice)"),
        b("external.economy", \.externalEconomy, "economy-wide external economies from quarter 0 (false: no B2B supplier pool beyond the cluster)"),

        r("stage.retail", \.stageRetail, "share", 0, 1, "stage 1: retail adoption (with logistics and the mean loan rate below period 0)"),
        r("stage.sharing", \.stageSharing, "share", 0, 1, "stage 2: firms using XBORDER, DESIGN or MAKE"),
        r("stage.crossrole", \.stageCrossRole, "share", 0, 1, "stage 2: firms with a partner in another chain role"),
        r("stage.crosscluster", \.stageCrossCluster, "share", 0, 1, "stage 3: firms with a partner in another cluster"),
        r("stage.ecosystem", \.stageEcosystem, "share", 0, 1, "stage 4: firms embedded in an ecosystem"),
        b("stage.across_regions", \.stageAcrossRegions, "stage 4 also needs a super-cluster spanning two regions or more (regional boundaries broken)"),
        r("stage.ccd_epsilon", \.ccdEpsilon, "–", 0, 1, "stage.ccd imbalance tolerance ε (U1/U2 > 1 + ε for stage 1, |U1 − U2| < ε for stage 3)"),
        r("stage.ccd_d1", \.ccdD1, "D", 0, 1, "stage.ccd: coordination D below which stage 1 is possible"),
        r("stage.ccd_d2", \.ccdD2, "D", 0, 1, "stage.ccd: D from which stage 3 is possible (stage 2 in [d1, d2))"),
        r("stage.ccd_d3", \.ccdD3, "D", 0, 1, "stage.ccd: D from which stage 4"),
        i("observe.panel_size", \.panelSize, "firms", 0, 10_000_000, "fixed random panel for econometrics and --panel"),
        i("observe.bootstrap_draws", \.bootstrapDraws, "draws", 0, 100_000, "wild cluster bootstrap draws"),
        r("observe.village_shop_share", \.villageShopShare, "share of households", 0, 1, "e-commerce village: online shops (of its households, or of the mean village's)"),
        r("observe.village_revenue", \.villageRevenueShare, "× mean village's initial revenue", 0, 100, "e-commerce village: online revenue"),
    ]

    /// Lookup by key.
    public static let registryByKey: [String: ParameterInfo] = Dictionary(uniqueKeysWithValues: registry.map { ($0.key, $0) })

    /// Sets a parameter from text (as in `--set key=value` or YAML), checking type and range.
    public mutating func set(_ key: String, text raw: String) throws(ParameterError) {
        guard let info = Parameters.registryByKey[key] else {
            throw ParameterError(key: key, expected: "a known parameter" + Parameters.suggestion(for: key), found: "unknown key")
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch info.kind {
        case .real(let kp):
            // A non-zero mantissa that reads as 0 (1e-400) underflowed: refuse it rather than use 0.
            guard let v = Double(text), v.isFinite,
                  v != 0 || !text.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { "123456789".contains($0) })
            else { throw ParameterError(key: key, expected: "a number in \(Parameters.rangeText(info))", found: "'\(raw)'") }
            guard info.range.contains(v) else { throw ParameterError(key: key, expected: "a number in \(Parameters.rangeText(info)) (\(info.unit))", found: "\(text)") }
            self[keyPath: kp] = v
        case .integer(let kp):
            guard let v = Int(text) else { throw ParameterError(key: key, expected: "an integer in \(Parameters.rangeText(info))", found: "'\(raw)'") }
            guard info.range.contains(Double(v)) else { throw ParameterError(key: key, expected: "an integer in \(Parameters.rangeText(info)) (\(info.unit))", found: "\(v)") }
            self[keyPath: kp] = v
        case .boolean(let kp):
            switch text.lowercased() {
            case "true", "yes", "on", "1": self[keyPath: kp] = true
            case "false", "no", "off", "0": self[keyPath: kp] = false
            default: throw ParameterError(key: key, expected: "true or false", found: "'\(raw)'")
            }
        }
    }

    /// The valid range as text, e.g. "[0, 3]".
    public static func rangeText(_ info: ParameterInfo) -> String {
        func f(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)" }
        return "[\(f(info.range.lowerBound)), \(f(info.range.upperBound))]"
    }

    /// " (did you mean 'x'?)" for the nearest known key by edit distance, or "" when nothing is close.
    public static func suggestion(for key: String) -> String {
        var best: (String, Int)? = nil
        let x = Array(key.utf8)
        for (info, y, last) in suggestionKeys {
            // The distance is at least the length difference: skip keys that cannot be closer.
            if best == nil || abs(x.count - y.count) < best!.1 {
                let d = editDistance(x, y)
                if best == nil || d < best!.1 { best = (info.key, d) }
            }
            // also compare the last path component, so "lambda" suggests "logistics.lambda"
            if let last, last == key { best = (info.key, 0) }
        }
        guard let b = best, b.1 <= max(3, key.count / 2) else { return "" }
        return " (did you mean '\(b.0)'?)"
    }

    /// Registry keys as bytes, with their last path component (for ``suggestion(for:)``).
    private static let suggestionKeys: [(ParameterInfo, [UInt8], Substring?)] = registry.map { ($0, Array($0.key.utf8), $0.key.split(separator: ".").last) }

    static func editDistance(_ x: [UInt8], _ y: [UInt8]) -> Int {
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1..<(y.count + 1) {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x.isEmpty { return y.count }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1..<(y.count + 1) {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// Checks combinations that single ranges cannot: returns the first problem.
    public func validate() throws(ParameterError) {
        let w = govReg + govPub + govTal + govInf + govBar
        if w > 1 + 1e-9 { throw ParameterError(key: "gov.reg+pub+tal+inf+bar", expected: "weights summing to at most 1", found: "\(w)") }
        for region in 0..<regions {
            let w = Lever.allCases.reduce(0.0) { $0 + policyWeight(region: region, $1) }
            if w > 1 + 1e-9 { throw ParameterError(key: "gov.region\(region).*", expected: "weights summing to at most 1 (with the global ones where −1)", found: "\(w)") }
        }
        if govRegions > regions { throw ParameterError(key: "gov.regions", expected: "at most world.regions (\(regions)), or 0 for all", found: "\(govRegions)") }
        if clusters < industries { throw ParameterError(key: "world.clusters", expected: "at least world.industries (\(industries))", found: "\(clusters)") }
        if supplierShare + brandShare >= 0.95 { throw ParameterError(key: "roles.supplier_share+roles.brand_share", expected: "below 0.95 (manufacturers must exist)", found: "\(supplierShare + brandShare)") }
        if !(ccdD1 <= ccdD2 && ccdD2 <= ccdD3) { throw ParameterError(key: "stage.ccd_d1/d2/d3", expected: "d1 ≤ d2 ≤ d3", found: "\(ccdD1), \(ccdD2), \(ccdD3)") }
        if muMax < muMin { throw ParameterError(key: "platform.mu_max", expected: "at least platform.mu_min (\(muMin))", found: "\(muMax)") }
        if logisticsMin > logisticsInitial { throw ParameterError(key: "logistics.min", expected: "at most logistics.initial (\(logisticsInitial))", found: "\(logisticsMin)") }
        if householdsPerVillage < firmsPerVillage { throw ParameterError(key: "village.households", expected: "at least village.firms (\(firmsPerVillage))", found: "\(householdsPerVillage)") }
        // Explosive input-sharing loop: cost elasticity to reachable output (≈ α_in/(σ_in−1) under free
        // entry, suppliers ∝ input demand) times the demand elasticity θ_P must stay below 1.
        let gain = inputShare / (sigmaIn - 1) * thetaP
        if gain >= 1 { throw ParameterError(key: "inputs.sigma", expected: "an input-sharing loop gain α_in·θ_P/(σ_in−1) below 1", found: "loop gain \(gain) (σ_in=\(sigmaIn), α_in=\(inputShare), θ_P=\(thetaP))") }
    }

    /// All parameters as key → text, in registry order (for JSON and the run table).
    public func keyValues() -> [(String, String)] { Parameters.registry.map { ($0.key, $0.text(in: self)) } }
}

import Foundation
