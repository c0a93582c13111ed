// Villages of unequal size (`village.size_spread`, World.swift) and AliResearch's Taobao village
// rule with absolute bars (Observer.isECommerceVillage; docs/ODD.md §2, §7.23): large villages
// clear the bars first and the smallest may never do, so the count has no ceiling at the number
// of villages.

@testable import CoevoModel
import Foundation
import Testing

@Suite struct VillageSizeTests {
    @Test func apportionSplitsACountInWholePartsProportionalToWeights() {
        #expect(World.apportion(10, weights: [1, 1, 1], total: 3) == [4, 3, 3])
        #expect(World.apportion(7, weights: [3, 1], total: 4) == [5, 2])   // quotas 5.25, 1.75
        #expect(World.apportion(0, weights: [1, 2], total: 3) == [0, 0])
        let weights = (0..<97).map { 1 + Double($0 % 7) }
        let parts = World.apportion(20_000, weights: weights, total: weights.reduce(0, +))
        #expect(parts.reduce(0, +) == 20_000)
        for (part, w) in zip(parts, weights) {
            #expect(abs(Double(part) - 20_000 * w / weights.reduce(0, +)) < 1)
        }
    }

    @Test func equalVillagesWithoutTheSpread() {
        let world = World(testParameters(firms: 4000))
        #expect(world.villages == 100)
        #expect(world.villageFirms.allSatisfy { $0 == 40 })
        #expect(world.villageHouseholds.allSatisfy { $0 == 100 })
        // Firms go to villages in turn: firm n to village n mod V, as before sizes could differ
        // (here 4,013 firms in 100 villages: the first 13 hold one more).
        let model = Model(parameters: testParameters(firms: 4013), seed: 1)
        #expect(model.world.villageHouseholds.allSatisfy { $0 == 100 })
        for s in 0..<model.firms.count { #expect(Int(model.firms.village[s]) == s % model.world.villages) }
    }

    @Test func everyVillageAndClusterStartsWithFirmsWhateverTheSpread() {
        for (firms, spread, perVillage) in [(500, 1.5, 5), (500, 1.5, 40), (20_000, 1.5, 40)] {
            let world = World(testParameters(firms: firms) { $0.villageSizeSpread = spread; $0.firmsPerVillage = perVillage })
            #expect(world.villageFirms.reduce(0, +) == firms)
            #expect(world.villageFirms.allSatisfy { $0 >= 1 } && world.villageHouseholds.allSatisfy { $0 >= 1 })
        }
    }

    @Test func villageSizesSpreadLognormallyAndHoldTheInitialFirms() {
        let p = testParameters(firms: 20_000) { $0.villageSizeSpread = 1 }
        let world = World(p)
        #expect(world.villageFirms.reduce(0, +) == 20_000)
        let households = world.villageHouseholds.map(Double.init).sorted()
        let mean = households.reduce(0, +) / Double(households.count)
        #expect(abs(mean - 100) < 1.5, "mean households \(mean)")
        // σ = 1: the 90th over the 10th percentile is e^(2·1.2816) ≈ 13 (rounding moves it a little).
        let ratio = households[households.count * 9 / 10] / households[households.count / 10]
        #expect(ratio > 10 && ratio < 16, "p90/p10 \(ratio)")
        #expect(world.villageFirms.allSatisfy { $0 >= 1 } && world.villageHouseholds.allSatisfy { $0 >= 1 })
        // The model places exactly those firms in each village.
        let model = Model(parameters: testParameters(firms: 4000) { $0.villageSizeSpread = 1 }, seed: 1)
        var placed = [Int](repeating: 0, count: model.world.villages)
        for s in 0..<model.firms.count { placed[Int(model.firms.village[s])] += 1 }
        #expect(placed == model.world.villageFirms)
        // Sizes are geography: the same for every seed, and every cluster holds small and large villages.
        #expect(Model(parameters: testParameters(firms: 4000) { $0.villageSizeSpread = 1 }, seed: 2).world.villageFirms == placed)
        for k in 0..<model.world.clusters {
            let sizes = (0..<model.world.villages).filter { model.world.villageCluster[$0] == k }.map { model.world.villageFirms[$0] }
            #expect(sizes.max()! > 2 * sizes.min()!, "cluster \(k): \(sizes)")
        }
    }

    @Test func theTaobaoVillageRuleHasAbsoluteBars() {
        let p = Parameters()   // 10% of households, or 10 shops (10% of the mean village's 100); 0.25 × mean revenue
        func rule(_ shops: Int, _ households: Int, _ online: Double) -> Bool {
            Observer.isECommerceVillage(shops: shops, households: households, onlineRevenue: online, meanRevenue: 40, parameters: p)
        }
        #expect(rule(10, 100, 10))          // the mean village at both bars
        #expect(!rule(9, 100, 10))          // one shop short
        #expect(!rule(10, 100, 9.99))       // revenue short
        #expect(rule(10, 400, 10))          // a large village: 10 shops suffice (AliResearch's 100 shops)
        #expect(rule(3, 30, 10))            // a small village: 10% of its own households …
        #expect(!rule(3, 30, 5))            // … but the same absolute revenue bar
        #expect(!rule(0, 0, 10))            // no shops, no e-commerce village
    }

    /// At the defaults' other parameters, with the spread the villages that end as e-commerce
    /// villages are the large ones, and some small ones never qualify; without it sizes are equal.
    @Test func smallVillagesQualifyLaterOrNever() {
        for seed: UInt64 in [1, 2] {
            let p = testParameters { $0.villageSizeSpread = 1 }
            let run = Simulation.run(parameters: p, seed: seed)
            let end = run.observations.last!.all
            let share = end[Observer.index["villages.ecommerce"]!] / end[Observer.index["villages.total"]!]
            let equal = Simulation.run(parameters: testParameters(), seed: seed).observations.last!.all
            let equalShare = equal[Observer.index["villages.ecommerce"]!] / equal[Observer.index["villages.total"]!]
            #expect(share < 0.95 && share < equalShare, "seed \(seed): \(share) with the spread, \(equalShare) without")
        }
    }
}
