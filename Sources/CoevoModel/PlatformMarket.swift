// Platform competition and entry (MODEL.md §3(2)–(3); paper §2.2.1(1), §2.4): fees fall with the
// seller share (f = f_min + f_0(n_0/(n_0+n))^ψ), matching efficiency rises with data
// (μ = μ_min + (μ_max−μ_min)(1 − e^(−Data/D_μ)), plus a bonus once information services are
// integrated); a platform of an entering type (LIVE, XBORDER, DESIGN, MAKE, IINET) enters when the
// fee revenue it could capture covers its fixed cost; platforms integrate logistics, finance and
// information services as their GMV passes each service's cost, and with all three become
// ecosystem cores; firms choose a platform by logit on μ, fee, ln sellers and services. A
// platform's sellers share its traffic (`platform.congestion` κ_s, 1 by default; after Karle, Peitz
// & Reisinger 2020; not in MODEL.md): each sees μ·(n/n̄)^(−κ_s) in demand and in choice, so no
// type tips to one platform (the paper's channel providers "compete fiercely", §2.2.1(1)).

extension Model {
    mutating func updatePlatforms() {
        let p = parameters
        for q in platforms.indices {
            platforms[q].data = (1 - p.dataDepreciation) * platforms[q].data + platforms[q].gmv
            let info = platforms[q].has(.information) ? p.serviceMatchingBonus : 0
            // A vertical platform knows its one industry: its data count `platform.vertical_data` times.
            let data = platforms[q].industry >= 0 ? p.verticalData * platforms[q].data : platforms[q].data
            platforms[q].matching = min(p.muMax, (p.muMin + (p.muMax - p.muMin) * (1 - exp(-data / (p.dataScale * initialSales)))) * (1 + info))
            platforms[q].fee = p.feeMin + p.fee0 * pow(p.feeN0 / (p.feeN0 + platforms[q].sellerShare), p.feePsi)
        }
    }

    /// Congestion among each selling platform's sellers (`platform.congestion` κ_s): a seller's
    /// traffic is μ_q·(n_q/n̄_c)^(−κ_s), n_q the platform's sellers (at least 1) and n̄_c the mean
    /// over the platforms of its type with sellers; the factor is at most 10 (a platform with few
    /// sellers does not offer each of them unbounded traffic). κ_s = 0 leaves every factor at 1.
    /// Refreshed with the seller counts (Aggregates.swift).
    mutating func updatePlatformCongestion() {
        let kappa = parameters.sellerCongestion
        if platformCongestion.count != platforms.count { platformCongestion = [Double](repeating: 1, count: platforms.count) }
        guard kappa > 0 else { return }
        var total = [Double](repeating: 0, count: Channel.count), count = total
        for q in platforms where q.sellers > 0 { total[q.channel.rawValue] += Double(q.sellers); count[q.channel.rawValue] += 1 }
        for q in platforms.indices {
            let c = platforms[q].channel.rawValue
            let mean = count[c] > 0 ? total[c] / count[c] : 1
            platformCongestion[q] = Channel.selling.contains(platforms[q].channel)
                ? min(10, pow(Double(max(platforms[q].sellers, 1)) / max(mean, 1), -kappa)) : 1
        }
    }

    /// Integration of services (MODEL.md §3(3)): a platform adds logistics, finance and information
    /// services, each once its quarterly GMV passes that service's cost (× initial quarterly sales).
    /// Integration is kept once made. An ecosystem core has all three.
    mutating func integrateServices() {
        let p = parameters
        let thresholds = [p.serviceLogisticsCost, p.serviceFinanceCost, p.serviceInformationCost]
        for q in platforms.indices {
            for service in PlatformService.allCases where !platforms[q].has(service) {
                if platforms[q].gmv >= thresholds[service.rawValue] * initialSales {
                    platforms[q].services |= service.bit
                    let core = platforms[q].isCore ? "; it is now an ecosystem core" : ""
                    events.append((period, "platform_service", "\(platforms[q].channel.name.uppercased()) platform \(q) integrates \(service.name)\(core)"))
                }
            }
        }
    }

    /// The market a newcomer of type `c` could serve, this quarter (rev/quarter): the base its fees
    /// are charged on. LIVE: retail and live GMV × how much live video helps tacit products;
    /// XBORDER: world-market spending × the domestic online share (what a one-stop cross-border
    /// service could carry); DESIGN: brands' online GMV × the service share; MAKE: manufacturers' and
    /// brands' online GMV × the service share (C2M orders); IINET: the revenue of DESIGN and MAKE
    /// users × the service share (the chain it would coordinate).
    func addressableMarket(_ c: Channel, _ m: PlatformMarkets) -> Double {
        let p = parameters
        switch c {
        case .live: return m.retailGMV * m.liveAppeal
        case .xborder: return m.worldSpending * onlineShare
        case .design: return m.brandOnline * p.serviceShare
        case .make: return m.makerOnline * p.serviceShare
        case .iinet: return m.sharingUsersRevenue * p.serviceShare
        default: return 0
        }
    }

    /// Fixed cost of a platform of type `c` (× initial quarterly sales); G_pub (mean over regions)
    /// lowers it for the sharing platforms and IINET (MODEL.md §6: government-guided platforms).
    func platformFixedCost(_ c: Channel) -> Double {
        let p = parameters
        var gPub = 0.0
        for r in regions { gPub += r.policy[Lever.pub.rawValue] }
        gPub /= Double(max(regions.count, 1))
        switch c {
        case .live: return p.liveFixedCost
        case .xborder: return p.xborderFixedCost * (1 - p.publicPlatformSupport * gPub)
        case .design: return p.designFixedCost * (1 - p.publicPlatformSupport * gPub)
        case .make: return p.makeFixedCost * (1 - p.publicPlatformSupport * gPub)
        case .iinet: return p.iinetFixedCost * (1 - p.publicPlatformSupport * gPub)
        default: return 0
        }
    }

    /// Entry (division of labour limited by the extent of the market): for each entering type, the
    /// next platform enters when the fee revenue f·M/(n+1) it expects (the newcomer's fee on its
    /// share of the addressable market M) covers its fixed cost. At most one platform per type
    /// enters in a quarter. The order of types follows from fixed costs and markets, not a list.
    mutating func platformEntry() {
        let p = parameters
        guard digitalActive else { return }
        // Nothing to decide once every type is at its cap (saves the pass over firms).
        let open = Channel.entering.contains { c in
            platforms.reduce(0) { $0 + ($1.channel == c && $1.industry < 0 ? 1 : 0) } < (c == .live ? p.livePlatformsMax : p.sharingPlatformsMax)
        }
        guard open else { return }
        let markets = platformMarkets()
        for c in Channel.entering {
            let existing = platforms.reduce(0) { $0 + ($1.channel == c && $1.industry < 0 ? 1 : 0) }
            let cap = c == .live ? p.livePlatformsMax : p.sharingPlatformsMax
            guard existing < cap else { continue }
            let expectedRevenue = (p.feeMin + p.fee0) * addressableMarket(c, markets) / Double(existing + 1)
            let fixed = platformFixedCost(c) * initialSales
            if expectedRevenue >= fixed && fixed >= 0 {
                platforms.append(newPlatform(c, index: existing))
                events.append((period, "platform_entry", "\(c.name.uppercased()) platform \(platforms.count - 1) enters: expected fee revenue \(fmt(expectedRevenue)) ≥ fixed cost \(fmt(fixed))"))
            }
        }
    }

    /// Market sizes the entry rule reads, from last quarter's outcomes.
    func platformMarkets() -> PlatformMarkets {
        let p = parameters
        var m = PlatformMarkets()
        for q in platforms where q.channel == .retail || q.channel == .live { m.retailGMV += q.gmv }
        for j in 0..<world.industries { m.liveAppeal += 1 - exp(-p.liveBonus * world.tacitness[j]) }
        m.liveAppeal /= Double(world.industries)
        let growth = pow(1 + p.marketGrowth, Double(period))
        for j in 0..<world.industries { m.worldSpending += marketBase[j * markets + world.regions] * growth }
        for s in 0..<firms.count {
            switch firms.role[s] {
            case .brand: m.brandOnline += firms.revenueOnline[s]; m.makerOnline += firms.revenueOnline[s]
            case .manufacturer: m.makerOnline += firms.revenueOnline[s]
            case .supplier: break
            }
            if firms.channels[s] & (Channel.design.bit | Channel.make.bit) != 0 { m.sharingUsersRevenue += firms.revenue[s] }
        }
        return m
    }

    /// Picks a platform of channel `c` for a firm of `industry` by logit on matching, fee, ln seller
    /// share and integrated services (ecosystems compete for sellers); vertical platforms of other
    /// industries are not in the choice set. Allocation-free.
    func choosePlatform(_ c: Channel, industry: Int32, id: UInt32, draw: UInt32) -> Int16 {
        var total = 0.0
        for q in platforms.indices where platforms[q].channel == c && (platforms[q].industry < 0 || platforms[q].industry == Int(industry)) {
            total += platformWeight(q)
        }
        guard total > 0 else { return -1 }
        let u = random.uniform(.platformChoice, period: period, id: id, draw: draw) * total
        var acc = 0.0, last = -1
        for q in platforms.indices where platforms[q].channel == c && (platforms[q].industry < 0 || platforms[q].industry == Int(industry)) {
            acc += platformWeight(q); last = q
            if u < acc { return Int16(q) }
        }
        return Int16(last)
    }

    @inline(__always) func platformWeight(_ q: Int) -> Double {
        let p = parameters, pl = platforms[q]
        // Sellers weigh the traffic a seller gets there (μ, less congestion when it is on).
        return exp(p.choiceMu * traffic(q) - p.choiceFee * pl.fee + p.choiceSellers * log(pl.sellerShare + 0.001)
            + p.choiceServices * Double(pl.services.nonzeroBitCount))
    }

    func fmt(_ x: Double) -> String { String(format: "%.4g", x) }
}

/// What the platform-entry rule reads (rev/quarter).
struct PlatformMarkets {
    var retailGMV = 0.0, liveAppeal = 0.0, worldSpending = 0.0
    var brandOnline = 0.0, makerOnline = 0.0, sharingUsersRevenue = 0.0
}

import Foundation
