// MODEL.md §5 stylized facts 1, 2, 3 and 10, each over fixed seeds and each shown to fail when
// its mechanism is switched off by a parameter. Tolerances are set wide enough for any
// reasonable seed set and tight enough that the switched-off runs fail them.

import CoevoMeasure
import CoevoModel
import Testing

let factSeeds: [UInt64] = [11, 12, 13]

/// Village ICC of retail adoption at the quarter adoption first passes 10%, with its null
/// (village labels permuted within clusters).
func villageClustering(_ p: Parameters, seed: UInt64) -> (observed: Double, null: Double) {
    var captured: (Double, Double)? = nil
    _ = runSeries(p, seed: seed) { o, model in
        guard captured == nil, o.all[Observer.index["adoption.retail"]!] >= 0.10 else { return }
        let f = model.firms
        var values: [Double] = [], villages: [Int] = [], clusters: [Int] = []
        for s in 0..<f.count {
            values.append(f.has(s, .retail) ? 1 : 0)
            villages.append(Int(f.village[s])); clusters.append(Int(f.cluster[s]))
        }
        if let t = intraclassCorrelationTest(values: values, groups: villages, strata: clusters, draws: 99, seed: seed) {
            captured = (t.observed, t.nullQuantile)
        }
    }
    return captured ?? (0, 0)
}

@Suite("Fact 1: retail adoption is S-shaped and spreads by village")
struct Fact1 {
    /// At 20,000 firms: at 4,000 a seed (12) has a second wave of retail adoption in its last 20
    /// quarters (an entry boom of online entrants once ecosystems spread) that does not occur at
    /// the scale the model's results are stated for (README, docs/VALIDATION.md).
    @Test func sShapedAdoption() {
        for seed in factSeeds {
            let r = runSeries(testParameters(firms: 20_000), seed: seed)
            let y = r["adoption.retail"]
            let fit = compareGrowthCurves(t: y.indices.map(Double.init), y: y)!
            #expect(fit.isSShaped(margin: 10, within: 0...Double(y.count - 1)), "seed \(seed): ΔAIC \(fit.logisticAdvantage), inflection \(fit.inflection)")
        }
    }

    @Test func spreadsByVillageAndNotWithoutDemonstration() {
        for seed in factSeeds {
            let on = villageClustering(testParameters(), seed: seed)
            #expect(on.observed > on.null, "seed \(seed): ICC \(on.observed) vs null 95% \(on.null)")
            // Mechanism off: no demonstration effect → village clustering gone.
            let off = villageClustering(testParameters { $0.demonstration = 0 }, seed: seed)
            #expect(off.observed <= off.null + 0.01, "seed \(seed) without demonstration: ICC \(off.observed) vs null \(off.null)")
            #expect(on.observed > off.observed, "seed \(seed): ICC with demonstration \(on.observed), without \(off.observed)")
        }
    }
}

@Suite("Fact 2: the e-commerce village count is S-shaped")
struct Fact2 {
    @Test func sShapedVillages() {
        for seed in factSeeds {
            let y = runSeries(testParameters(), seed: seed)["villages.ecommerce"]
            let fit = compareGrowthCurves(t: y.indices.map(Double.init), y: y)!
            #expect(fit.isSShaped(margin: 10, within: 0...Double(y.count - 1)), "seed \(seed): ΔAIC \(fit.logisticAdvantage), inflection \(fit.inflection)")
        }
    }

    @Test func noVillagesWithoutPlatforms() {
        // Mechanism off: no platforms, no online shops, no e-commerce villages, nothing to fit.
        let y = runSeries(testParameters(periods: 40) { $0.platforms = false }, seed: 11)["villages.ecommerce"]
        #expect(y.allSatisfy { $0 == 0 })
    }
}

@Suite("Fact 3: logistics cost falls with online volume")
struct Fact3 {
    /// Slope of ln(ℓ_t − ℓ_min) on ln(1 + V_(t−1)/V_0) with congestion and G_inf held fixed (off).
    func recoveredLambda(_ lambda: Double, seed: UInt64) -> Double {
        let p = testParameters(periods: 60) { $0.logisticsLambda = lambda; $0.congestionWeight = 0 }
        var initialSales = 0.0
        let r = runSeries(p, seed: seed) { _, m in initialSales = m.initialSales }
        let l = r["logistics.cost"], v = r["online.volume"]
        var x: [Double] = [], y: [Double] = []
        for t in 1..<l.count where l[t] - p.logisticsMin > 0 {
            x.append(log(1 + v[t - 1] / (p.logisticsV0 * initialSales)))
            y.append(log(l[t] - p.logisticsMin))
        }
        return -slope(x, y)
    }

    @Test func recoversLambda() {
        for lambda in [0.35, 0.6] {
            let est = recoveredLambda(lambda, seed: 11)
            #expect(abs(est - lambda) < 0.02, "λ = \(lambda): recovered \(est)")
        }
        // Mechanism off: no experience curve, no fall.
        #expect(abs(recoveredLambda(0, seed: 11)) < 0.02 || recoveredLambda(0, seed: 11).isNaN)
    }

    @Test func logLogSlopeNearRealSeries() {
        // The real series (revenue per parcel vs volume, 2012–2019) has slope ≈ −0.185; the model's
        // ln ℓ on ln V over the same calendar years (periods 12–43 with calendar.start_year 2009),
        // congestion and the carriers' build-out included, is within ±0.04 of it (issue 13's band;
        // −0.155 to −0.160 at 4,000 firms; with a fixed network, −0.09 to −0.12).
        for seed in factSeeds {
            let p = testParameters()
            let r = runSeries(p, seed: seed)
            let window = (4 * (2012 - p.startYear))...(4 * (2019 - p.startYear) + 3)
            let l = r["logistics.cost"], v = r["online.volume"]
            let s = slope(window.map { log(v[$0]) }, window.map { log(l[$0]) })
            #expect(s < -0.145 && s > -0.225, "seed \(seed): log-log slope \(s)")
        }
    }

    @Test func carriersBuildOutSoTheBoomDoesNotCongestForEver() {
        // Largest rise of the logistics cost over its lowest value so far. With the build-out it
        // never rises; with a fixed network (MODEL.md's capacity) it rises by half after the boom.
        func worstRise(_ l: [Double]) -> Double {
            var low = Double.infinity, worst = 1.0
            for x in l { low = min(low, x); worst = max(worst, x / low) }
            return worst
        }
        for seed in factSeeds {
            let built = worstRise(runSeries(testParameters(), seed: seed)["logistics.cost"])
            let fixed = worstRise(runSeries(testParameters { $0.carrierSpeed = 0 }, seed: seed)["logistics.cost"])
            #expect(built < 1.02, "seed \(seed): logistics cost rises \(built) with carriers building out")
            #expect(fixed > 1.2, "seed \(seed): logistics cost rises \(fixed) with a fixed network")
        }
    }
}

@Suite("Fact 10: data-based credit lowers small firms' loan rate and constrained share")
struct Fact10 {
    func change(_ x: [Double]) -> Double { mean(x[(x.count - 8)...]) - mean(x[4..<12]) }

    @Test func dataCreditLowersRateAndConstraints() {
        for seed in factSeeds {
            let on = runSeries(testParameters(), seed: seed)
            #expect(change(on["credit.rate.small"]) < -0.0015, "seed \(seed): rate change \(change(on["credit.rate.small"]))")
            #expect(change(on["credit.constrained.small"]) < -0.004, "seed \(seed): constrained change \(change(on["credit.constrained.small"]))")
            // Mechanism off: lenders ignore the data trail → neither falls.
            let off = runSeries(testParameters { $0.dataCredit = false }, seed: seed)
            #expect(change(off["credit.rate.small"]) > -0.0005, "seed \(seed) off: rate change \(change(off["credit.rate.small"]))")
            // Collateral still grows with net worth, so the constrained share may drift down a little
            // without data credit; with it, it falls clearly more.
            #expect(change(off["credit.constrained.small"]) > -0.01, "seed \(seed) off: constrained change \(change(off["credit.constrained.small"]))")
            #expect(change(on["credit.constrained.small"]) < change(off["credit.constrained.small"]) - 0.01,
                    "seed \(seed): constrained change \(change(on["credit.constrained.small"])) with data credit, \(change(off["credit.constrained.small"])) without")
        }
    }
}

import Foundation
