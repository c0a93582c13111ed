// Observation (MODEL.md §4, INTERFACE.md "Metric names"): every quarter, the economy-wide metrics
// (unit "all"), a regional set (unit "region:r", also the coupling panel) and a cluster set
// (unit "cluster:k"); the cost decomposition chained since period 0; both stage classifiers.

import CoevoMeasure

/// One quarter's observations. Values are aligned with the name lists of `Observer`.
public struct Observation: Sendable {
    public var period: Int
    public var all: [Double]
    public var regions: [[Double]]
    public var clusters: [[Double]]
    public var events: [(kind: String, detail: String)]
}

/// Observes a model quarter by quarter; keeps the little history the metrics need.
public struct Observer: Sendable {
    public static let metrics: [String] = [
        "adoption.retail", "adoption.b2b", "adoption.live", "adoption.xborder", "adoption.design", "adoption.make",
        "adoption.iinet", "adoption.eco", "adoption.sharing", "online.share", "online.share.retail",
        "villages.ecommerce", "villages.total", "logistics.cost", "online.volume",
        "platform.fee.mean", "platform.mu.mean", "platform.hhi", "platform.count", "ecosystems.count",
        "credit.rate.small", "credit.rate.mean", "credit.constrained", "credit.constrained.small",
        "firms.count", "firms.entry", "firms.exit", "firms.moved", "firms.index", "size.hill",
        "output.total", "valueadded.total", "valueadded.perfirm", "wage.mean",
        "innovation.share", "quality.mean", "lockin",
        "network.density", "network.degree", "network.giant", "network.crossrole", "network.crosscluster", "network.crossregion", "superclusters", "superclusters.crossregion", "virtualclusters", "network.linkcost",
        "cost.average", "cost.production", "cost.logistics", "cost.finance", "cost.transaction", "cost.fees", "cost.inventory", "cost.fixed",
        "fall.total", "fall.within", "fall.reallocation", "fall.entry", "fall.exit",
        "source.factor_prices", "source.productivity", "source.input_sharing", "source.logistics", "source.finance",
        "source.transaction", "source.fees", "source.inventory", "source.fixed",
        "externality.cluster", "externality.network", "externality.ecosystem", "externality.economy",
        "internal.learning", "selection", "other",
        "ccd.U1", "ccd.U2", "ccd.C", "ccd.D", "stage", "stage.ccd",
        "welfare.consumer", "welfare.producer", "welfare.taxcost", "inequality.theil",
        "gov.reg", "gov.pub", "gov.tal", "gov.inf", "gov.bar",
    ]
    public static let regionMetrics: [String] = [
        "online.share", "adoption.retail", "adoption.sharing", "logistics.cost", "platform.fee.mean", "credit.rate.small",
        "adoption.iinet", "adoption.eco", "valueadded.perfirm", "quality.mean", "innovation.share", "cost.average",
        "network.crosscluster", "firms.index", "firms.count", "wage.mean",
        "ccd.U1", "ccd.U2", "ccd.C", "ccd.D", "stage.ccd",
        "gov.reg", "gov.pub", "gov.tal", "gov.inf", "gov.bar",
    ]
    public static let clusterMetrics: [String] = ["adoption.retail", "online.share", "cost.average", "firms.count", "output.total", "suppliers.count"]
    public static let index: [String: Int] = Dictionary(uniqueKeysWithValues: metrics.enumerated().map { ($1, $0) })
    static let regionIndex: [String: Int] = Dictionary(uniqueKeysWithValues: regionMetrics.enumerated().map { ($1, $0) })

    /// AliResearch's Taobao village, scaled to the model's mean village: online shops in at least
    /// `observe.village_shop_share` of the village's households, or as many as that share of the
    /// mean village's households (AliResearch: 10% of households or 100 active shops), and online
    /// revenue at least `observe.village_revenue` × the mean village's revenue at period 0
    /// (one absolute bar for every village, as AliResearch's 10 million yuan a year is). With
    /// villages of unequal size (`village.size_spread`) a large village clears the bars first and a
    /// small one may never do.
    public static func isECommerceVillage(shops: Int, households: Int, onlineRevenue: Double, meanRevenue: Double,
                                          parameters p: Parameters) -> Bool {
        let shopBar = p.villageShopShare * Double(min(households, p.householdsPerVillage))
        return shops > 0 && Double(shops) >= shopBar && onlineRevenue >= p.villageRevenueShare * meanRevenue
    }

    public let reference: CouplingReference
    public private(set) var stages = StageTracker()
    public private(set) var ccdStages = StageTracker()
    public private(set) var cumulative = CostFall()
    var initialFirms = 0.0
    var initialRegionFirms: [Double] = []
    var initialLogistics = 0.0, initialCreditMean = 0.0, initialCost = 0.0
    /// The mean village's revenue at period 0: the e-commerce villages' bar of online revenue.
    var meanVillageRevenue = 0.0
    var buffer: [Double] = []
    /// Innovation share and mean relative quality of the last 8 quarters (lock-in flag).
    var innovationHistory: [Double] = []
    var qualityHistory: [Double] = []

    public init(reference: CouplingReference = .baseline) { self.reference = reference }

    /// Observes the current quarter (call between `stepToObservation()` and `finishPeriod()`).
    public mutating func observe(_ model: inout Model) -> Observation {
        // The chained cost decomposition reads the previous snapshot, then the snapshot is renewed
        // (through the columns' base pointers: columns are reference storage, never copied on write).
        // On several threads it and the network summary each run on another thread meanwhile (each
        // whole on one thread, so the same bits): the observation below reads only the firm state
        // the step left, never the snapshot, and writes no firm column.
        let overlap = model.threads > 1 && model.firms.count > Model.firmsPerChunk
        let pendingNetwork = overlap ? model.startNetworkSummary() : nil
        var step: CostFall?
        var pendingStep: PendingResult<CostFall>?
        if initialFirms == 0 {
            model.snapshotForDecomposition()
        } else if overlap {
            var copy = model
            copy.threads = 1   // the snapshot's copy on that thread too
            let decomposing = copy
            pendingStep = PendingResult(label: "coevo.cost-fall") { decomposing.costFallThenSnapshot() }
        } else {
            step = model.costFallThenSnapshot()
        }
        // Whatever path leaves, no background task outlives the observation (the next phases read
        // the snapshot); the waits below take the results.
        defer { _ = pendingStep?.wait(); _ = pendingNetwork?.wait() }
        let f = model.firms, n = f.count, R = model.world.regions, K = model.world.clusters
        var all = [Double](repeating: 0, count: Observer.metrics.count)
        var reg = [[Double]](repeating: [Double](repeating: 0, count: Observer.regionMetrics.count), count: R)
        var clu = [[Double]](repeating: [Double](repeating: 0, count: Observer.clusterMetrics.count), count: K)
        var events: [(String, String)] = []
        func set(_ name: String, _ v: Double) { all[Observer.index[name]!] = v }
        func get(_ name: String) -> Double { all[Observer.index[name]!] }
        let first = initialFirms == 0
        if first {
            initialFirms = Double(n)
            initialRegionFirms = [Double](repeating: 0, count: R)
            for s in 0..<n { initialRegionFirms[Int(f.region[s])] += 1 }
        }

        // Sizes and medians.
        if buffer.count < n { buffer = [Double](repeating: 0, count: max(n + n / 8, 16)) }
        var medianRevenue = 0.0, hill = 0.0
        buffer.withUnsafeMutableBufferPointer { b in
            for s in 0..<n { b[s] = f.revenue[s] }
            medianRevenue = n > 0 ? quickselect(b, count: n, k: n / 2) : 0
            // Hill index of online revenue, top 5% of online sellers.
            var m = 0
            for s in 0..<n where f.revenueOnline[s] > 0 { b[m] = f.revenueOnline[s]; m += 1 }
            let k = Int(0.05 * Double(m))
            if k >= 5 {
                let threshold = quickselect(b, count: m, k: m - k - 1)
                var sum = 0.0, c = 0
                for i in 0..<m where b[i] > threshold { sum += log(b[i] / threshold); c += 1 }
                hill = sum > 0 ? Double(c) / sum : 0
            }
        }

        // Economy-wide and regional sums.
        // (Per-firm sums go to columns rather than arrays: no uniqueness or bounds check per write.)
        func sums(_ n: Int) -> Column<Double> { Column(repeating: 0, count: n) }
        let adopt = sums(Channel.count)
        var sharingUsers = 0.0, embedded = 0.0
        let rSharing = sums(R), rIINET = sums(R), rECO = sums(R)
        let sharingBits = Channel.xborder.bit | Channel.design.bit | Channel.make.bit
        var q = 0.0, rev = 0.0, onl = 0.0, va = 0.0, wageQ = 0.0, quality = 0.0, profit = 0.0
        var sellers = 0.0, innovators = 0.0, consumerOnline = 0.0, consumerSales = 0.0   // sellers' RETAIL + LIVE; R − XBORDER
        let frontier = model.frontier
        let comp = sums(FirmStore.costComponents)
        var rateAll = 0.0, rateSmall = 0.0, nSmall = 0.0, constrained = 0.0, constrainedSmall = 0.0
        let rFirms = sums(R), rRev = sums(R), rOnl = sums(R), rRetail = sums(R), rVA = sums(R)
        let rQ = sums(R), rCost = sums(R), rQual = sums(R), rRateSmall = sums(R), rSmall = sums(R), rWageQ = sums(R)
        let rFeeGMV = sums(R), rGMV = sums(R), rSellers = sums(R), rInnovators = sums(R)
        let V = model.villages.count
        let vOnline = Column<Int>(repeating: 0, count: V), vOnlRev = sums(V), vRev = sums(V)
        let kRevenue = sums(K)
        let cl = sums(K * 6)   // cluster sums, flat (written per firm)
        // Columns through their base pointers, taken once (through `f.x[s]` each access reloads the
        // column and its base after every store).
        let region = f.region.base, cluster = f.cluster.base, village = f.village.base
        let output = f.output.base, revenue = f.revenue.base, revenueOnline = f.revenueOnline.base
        let channels = f.channels.base, ecosystem = f.ecosystem.base, inputSpending = f.inputSpending.base
        let cProd = f.costProduction.base, cLog = f.costLogistics.base, cFin = f.costFinance.base, cTra = f.costTransaction.base
        let cFee = f.costFees.base, cInv = f.costInventory.base, cFix = f.costFixed.base
        let profitOf = f.profit.base, role = f.role.base, qualityOf = f.quality.base, innovated = f.innovated.base
        let loanRate = f.loanRate.base, constrainedOf = f.constrained.base
        let revenueRetail = f.revenueRetail.base, revenueLive = f.revenueLive.base, revenueXborder = f.revenueXborder.base
        let wage = model.regions.map(\.wage)
        for s in 0..<n {
            let r = Int(region[s]), k = Int(cluster[s]), v = Int(village[s])
            let qs = output[s]
            let ac = cProd[s] + cLog[s] + cFin[s] + cTra[s] + cFee[s] + cInv[s] + cFix[s]
            let ch = channels[s]
            let rv = revenue[s], ro = revenueOnline[s]
            if ch != 0 { for c in 0..<Channel.count where ch & (1 << UInt8(c)) != 0 { adopt[c] += 1 } }
            if ch & Channel.retail.bit != 0 { rRetail[r] += 1; cl[k * 6] += 1 }
            if ch & sharingBits != 0 { sharingUsers += 1; rSharing[r] += 1 }
            if ch & Channel.iinet.bit != 0 { rIINET[r] += 1 }
            if ecosystem[s] != 0 { embedded += 1; rECO[r] += 1 }
            q += qs; rev += rv; onl += ro
            let vaS = rv - inputSpending[s] - cFee[s] * qs - cLog[s] * qs
            va += vaS; profit += profitOf[s]
            wageQ += qs * wage[r]
            let supplier = role[s] == .supplier
            if !supplier {
                // Online retail to consumers (RETAIL, LIVE) over final-goods firms' sales at home
                // (XBORDER and offline exports out, below); B2B sales reach consumers through shops.
                consumerOnline += revenueRetail[s] + revenueLive[s]; consumerSales += rv - revenueXborder[s]
                sellers += 1; quality += qualityOf[s] - frontier
                if innovated[s] { innovators += 1 }
            }
            comp[0] += qs * cProd[s]; comp[1] += qs * cLog[s]; comp[2] += qs * cFin[s]; comp[3] += qs * cTra[s]
            comp[4] += qs * cFee[s]; comp[5] += qs * cInv[s]; comp[6] += qs * cFix[s]
            rateAll += loanRate[s]
            if constrainedOf[s] { constrained += 1 }
            let small = rv < medianRevenue
            if small { rateSmall += loanRate[s]; nSmall += 1; if constrainedOf[s] { constrainedSmall += 1 }; rRateSmall[r] += loanRate[s]; rSmall[r] += 1 }
            rFirms[r] += 1; rRev[r] += rv; rOnl[r] += ro; rVA[r] += vaS
            rQ[r] += qs; rCost[r] += qs * ac; if !supplier { rQual[r] += qualityOf[s] - frontier; rSellers[r] += 1; if innovated[s] { rInnovators[r] += 1 } }; rWageQ[r] += qs * wage[r]
            let fees = cFee[s] * qs
            rFeeGMV[r] += fees; rGMV[r] += ro
            cl[k * 6 + 1] += ro; kRevenue[k] += rv; cl[k * 6 + 2] += qs * ac; cl[k * 6 + 3] += 1; cl[k * 6 + 4] += qs
            if supplier { cl[k * 6 + 5] += 1 }
            if ch & Channel.sellingBits != 0 && !supplier { vOnline[v] += 1 }
            vOnlRev[v] += ro; vRev[v] += rv
        }
        let live = Double(max(n, 1))
        for c in Channel.allCases { set("adoption." + c.name, adopt[c.rawValue] / live) }
        set("adoption.sharing", sharingUsers / live); set("adoption.eco", embedded / live)
        set("ecosystems.count", Double(model.activeEcosystems().count))
        set("virtualclusters", Double(model.virtualClusterCount()))
        set("online.share", rev > 0 ? onl / rev : 0)
        let homeSales = consumerSales - model.offlineExports
        set("online.share.retail", homeSales > 0 ? consumerOnline / homeSales : 0)
        // E-commerce villages: the bar of online revenue is set once, on the mean village's revenue
        // at period 0 (`isECommerceVillage`).
        if first {
            var total = 0.0
            for v in model.villages.indices { total += vRev[v] }
            meanVillageRevenue = total / Double(max(model.villages.count, 1))
        }
        var ecommerce = 0
        for v in model.villages.indices where Observer.isECommerceVillage(
            shops: vOnline[v], households: model.world.villageHouseholds[v], onlineRevenue: vOnlRev[v],
            meanRevenue: meanVillageRevenue, parameters: model.parameters) {
            ecommerce += 1
        }
        set("villages.ecommerce", Double(ecommerce)); set("villages.total", Double(model.villages.count))
        var lsum = 0.0, lw = 0.0
        for r in 0..<R { lsum += model.regions[r].logistics * max(model.regions[r].onlineVolume, 1e-12); lw += max(model.regions[r].onlineVolume, 1e-12) }
        set("logistics.cost", lsum / lw)
        set("online.volume", onl)
        // Marketplaces (the selling platforms): GMV-weighted fee and μ, and concentration as the
        // GMV-weighted mean over types of each type's HHI (platforms compete within a type).
        var gmv = 0.0, feeG = 0.0, muG = 0.0, hhi = 0.0, np = 0.0, feeSum = 0.0, muSum = 0.0
        var typeGMV = [Double](repeating: 0, count: Channel.count), typeSquares = typeGMV
        for p in model.platforms where Channel.selling.contains(p.channel) {
            gmv += p.gmv; feeG += p.fee * p.gmv; muG += p.matching * p.gmv
            typeGMV[p.channel.rawValue] += p.gmv; typeSquares[p.channel.rawValue] += p.gmv * p.gmv
            np += 1; feeSum += p.fee; muSum += p.matching
        }
        if gmv > 0 { for c in 0..<Channel.count where typeGMV[c] > 0 { hhi += typeSquares[c] / typeGMV[c] / gmv } }
        np = max(np, 1)
        set("platform.fee.mean", gmv > 0 ? feeG / gmv : feeSum / np)
        set("platform.mu.mean", gmv > 0 ? muG / gmv : muSum / np)
        set("platform.hhi", hhi); set("platform.count", Double(model.platforms.count))
        set("credit.rate.small", nSmall > 0 ? rateSmall / nSmall : 0); set("credit.rate.mean", rateAll / live)
        set("credit.constrained", constrained / live); set("credit.constrained.small", nSmall > 0 ? constrainedSmall / nSmall : 0)
        set("firms.count", Double(n)); set("firms.entry", Double(model.entrantsLastPeriod)); set("firms.exit", Double(model.exitsLastPeriod))
        set("firms.moved", Double(model.moversLastPeriod))
        // An economy that is already empty when reporting starts (every firm gone in the burn-in,
        // e.g. firm.net_worth_decay near 1) has index 0, not 0/0.
        set("firms.index", initialFirms > 0 ? Double(n) / initialFirms : 0); set("size.hill", hill)
        set("output.total", q); set("valueadded.total", va); set("valueadded.perfirm", va / live)
        set("wage.mean", q > 0 ? wageQ / q : 0)
        // Innovation of last quarter's decisions (Innovation.swift runs after observation) and mean
        // quality of sellers relative to the world frontier.
        let innovationShare = sellers > 0 ? innovators / sellers : 0
        let relativeQuality = sellers > 0 ? quality / sellers : 0
        set("innovation.share", innovationShare)
        set("quality.mean", relativeQuality)
        innovationHistory.append(innovationShare); qualityHistory.append(relativeQuality)
        if innovationHistory.count > 8 { innovationHistory.removeFirst(); qualityHistory.removeFirst() }
        // Lock-in (the "low-end lock-in" of paper §1, §2.2.1(2)): sellers behind the world frontier,
        // falling further behind over 8 quarters, while fewer than 5% innovate on average.
        // (Only where the innovation dilemma is modelled: otherwise quality moves by composition alone.)
        let locked = model.parameters.innovation && innovationHistory.count == 8
            && innovationHistory.reduce(0, +) / 8 < 0.05 && qualityHistory[7] < qualityHistory[0] && qualityHistory[7] < 0
        set("lockin", locked ? 1 : 0)
        let names = ["cost.production", "cost.logistics", "cost.finance", "cost.transaction", "cost.fees", "cost.inventory", "cost.fixed"]
        var average = 0.0
        for c in 0..<FirmStore.costComponents { let x = q > 0 ? comp[c] / q : 0; set(names[c], x); average += x }
        set("cost.average", average)

        // Cost decomposition, chained.
        let thisStep = step ?? pendingStep?.wait()
        if first {
            initialCost = average
        } else {
            cumulative += thisStep!
        }
        let c = cumulative
        set("fall.total", c.total); set("fall.within", c.within); set("fall.reallocation", c.reallocation)
        set("fall.entry", c.entry); set("fall.exit", c.exit)
        set("source.factor_prices", c.factorPrices); set("source.productivity", c.productivity); set("source.input_sharing", c.inputSharing)
        set("source.logistics", c.logistics); set("source.finance", c.finance); set("source.transaction", c.transaction)
        set("source.fees", c.fees); set("source.inventory", c.inventory); set("source.fixed", c.fixed)
        set("externality.cluster", c.cluster); set("externality.network", c.network); set("externality.ecosystem", c.ecosystem)
        set("externality.economy", c.economy); set("internal.learning", c.learning); set("selection", c.selection); set("other", c.other)

        // Collaboration network.
        let net = pendingNetwork?.wait() ?? model.networkSummaryInScratch()
        set("network.density", net.density); set("network.degree", net.degree); set("network.giant", net.giant)
        set("network.crossrole", net.crossRole); set("network.crosscluster", net.crossCluster)
        set("network.crossregion", net.crossRegion); set("superclusters", Double(net.superclusters)); set("superclusters.crossregion", Double(net.superclustersAcrossRegions))
        set("network.linkcost", net.linkCost)

        // Welfare, inequality, policy.
        var budget = 0.0
        for r in 0..<R { budget += model.regions[r].budget }
        set("welfare.consumer", model.consumerSurplus); set("welfare.producer", profit); set("welfare.taxcost", budget)
        let meanVA = va / live
        var theil = 0.0
        for r in 0..<R where rFirms[r] > 0 && rVA[r] > 0 && meanVA > 0 {
            let y = (rVA[r] / rFirms[r]) / meanVA
            theil += rFirms[r] / live * y * log(y)
        }
        set("inequality.theil", theil)
        for lever in Lever.allCases {
            var g = 0.0, w = 0.0
            for r in 0..<R { g += model.regions[r].policy[lever.rawValue] * rQ[r]; w += rQ[r] }
            set("gov." + lever.name, w > 0 ? g / w : 0)
        }

        // Regional panel and coupling coordination.
        var u1Sum = 0.0, u2Sum = 0.0, wSum = 0.0
        if first { initialLogistics = get("logistics.cost"); initialCreditMean = get("credit.rate.mean") }
        for r in 0..<R {
            func rs(_ name: String, _ v: Double) { reg[r][Observer.regionIndex[name]!] = v }
            let nf = max(rFirms[r], 1)
            rs("online.share", rRev[r] > 0 ? rOnl[r] / rRev[r] : 0)
            rs("adoption.retail", rRetail[r] / nf)
            rs("adoption.sharing", rSharing[r] / nf); rs("adoption.iinet", rIINET[r] / nf); rs("adoption.eco", rECO[r] / nf)
            rs("logistics.cost", model.regions[r].logistics)
            rs("platform.fee.mean", rGMV[r] > 0 ? rFeeGMV[r] / rGMV[r] : get("platform.fee.mean"))
            rs("credit.rate.small", rSmall[r] > 0 ? rRateSmall[r] / rSmall[r] : get("credit.rate.small"))
            rs("valueadded.perfirm", rVA[r] / nf)
            rs("quality.mean", rSellers[r] > 0 ? rQual[r] / rSellers[r] : 0)
            rs("innovation.share", rSellers[r] > 0 ? rInnovators[r] / rSellers[r] : 0)
            rs("cost.average", rQ[r] > 0 ? rCost[r] / rQ[r] : 0)
            rs("firms.index", rFirms[r] / max(initialRegionFirms[r], 1))
            rs("network.crosscluster", net.crossClusterByRegion.isEmpty ? 0 : net.crossClusterByRegion[r] / nf)
            rs("firms.count", rFirms[r])
            rs("wage.mean", rQ[r] > 0 ? rWageQ[r] / rQ[r] : 0)
            for lever in Lever.allCases { rs("gov." + lever.name, model.regions[r].policy[lever.rawValue]) }
            let row = reg[r]
            let lookup: (String) -> Double = { row[Observer.regionIndex[$0]!] }
            let u1 = CouplingReference.index(reference.digital, lookup)
            let u2 = CouplingReference.index(reference.cluster, lookup)
            let cc = couplingCoordination([u1, u2])
            rs("ccd.U1", u1); rs("ccd.U2", u2); rs("ccd.C", cc.C); rs("ccd.D", cc.D)
            rs("stage.ccd", Double(ccdStage(u1: u1, u2: u2, d: cc.D, thresholds: model.parameters.ccdThresholds)))
            u1Sum += u1 * max(rVA[r], 0); u2Sum += u2 * max(rVA[r], 0); wSum += max(rVA[r], 0)
        }
        let U1 = wSum > 0 ? u1Sum / wSum : 0, U2 = wSum > 0 ? u2Sum / wSum : 0
        let cc = couplingCoordination([U1, U2])
        set("ccd.U1", U1); set("ccd.U2", U2); set("ccd.C", cc.C); set("ccd.D", cc.D)

        // Stage classifiers.
        let crit = StageCriteria(model.parameters).evaluate(get, initialLogistics: initialLogistics, initialCreditMean: initialCreditMean)
        let st = stages.update(period: model.period, criteria: crit)
        set("stage", Double(st.stage))
        if let fell = st.fell { events.append(("stage_fall", "stage fell from \(fell) to \(st.stage)")) }
        let ccdNow = ccdStage(u1: U1, u2: U2, d: cc.D, thresholds: model.parameters.ccdThresholds)
        let sc = ccdStages.update(period: model.period, criteria: ccdCriteria(reading: ccdNow))
        set("stage.ccd", Double(sc.stage))
        if let fell = sc.fell { events.append(("stage_ccd_fall", "stage.ccd fell from \(fell) to \(sc.stage)")) }
        for k in 1...4 where stages.entry[k] == model.period - StageTracker.persistence + 1 && st.stage == k {
            events.append(("stage_entry", "stage \(k) entered (criterion held since period \(stages.entry[k]!))"))
        }

        // Cluster unit: shares and averages.
        for k in 0..<K { for i in 0..<6 { clu[k][i] = cl[k * 6 + i] } }
        for k in 0..<K {
            let nf = max(clu[k][3], 1)
            clu[k][0] /= nf
            clu[k][1] = kRevenue[k] > 0 ? clu[k][1] / kRevenue[k] : 0
            clu[k][2] = clu[k][4] > 0 ? clu[k][2] / clu[k][4] : 0
        }

        for e in model.events { events.append((e.kind, e.detail)) }
        model.events.removeAll(keepingCapacity: true)
        return Observation(period: model.period, all: all, regions: reg, clusters: clu, events: events)
    }

    /// First-hit quarters of each stage (nil where never reached).
    public var stageEntry: [Int?] { Array(stages.entry[1...4]) }
    public var stageCCDEntry: [Int?] { Array(ccdStages.entry[1...4]) }
}

import Foundation
