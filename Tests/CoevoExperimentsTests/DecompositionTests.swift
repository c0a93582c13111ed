// The decomposition's arithmetic on games whose Shapley values and interactions are known, the
// whole pipeline on a synthetic model (a run function standing in for the simulation) through the
// sweep store, and the switches on the real model: each level off removes its own booked external
// economy and nothing else's.

import CoevoExperiments
import CoevoModel
import CoevoStore
import Foundation
import Testing

@Suite struct DecompositionTests {
    /// v(S) = Σ a_i [i ∈ S] + γ [1, 2 ∈ S] + δ [1, 2, 3, 4 ∈ S]: φ_1 = a_1 + γ/2 + δ/4, …
    static func game(a: [Double], gamma: Double, delta: Double, base: Double = 3) -> CoalitionGame {
        CoalitionGame(players: 4, values: (0..<16).map { m in
            var v = base
            for i in 0..<4 where m & (1 << i) != 0 { v += a[i] }
            if m & 0b11 == 0b11 { v += gamma }
            if m == 0b1111 { v += delta }
            return v
        })
    }

    @Test func shapleyValuesOfAGameWithKnownInteractions() {
        let a = [1.0, -2, 0.5, 4], gamma = 3.0, delta = -1.2
        let g = Self.game(a: a, gamma: gamma, delta: delta)
        let phi = g.shapley
        let expected = [a[0] + gamma / 2 + delta / 4, a[1] + gamma / 2 + delta / 4, a[2] + delta / 4, a[3] + delta / 4]
        for i in 0..<4 { #expect(abs(phi[i] - expected[i]) < 1e-12, "φ\(i) \(phi[i]) vs \(expected[i])") }
        // Efficiency: the values add up to the total effect exactly.
        #expect(abs(phi.reduce(0, +) - g.totalEffect) < 1e-12)
        // Dividends: γ on {1, 2}, δ on the grand coalition, a_i on singletons, 0 elsewhere.
        let d = g.dividends
        #expect(abs(d[0b11] - gamma) < 1e-12 && abs(d[0b1111] - delta) < 1e-12 && abs(d[0b1] - a[0]) < 1e-12 && abs(d[0] - 3) < 1e-12)
        for m in [0b101, 0b110, 0b1100, 0b111, 0b1011] { #expect(abs(d[m]) < 1e-12) }
        #expect(abs(g.synergy - (gamma + delta)) < 1e-12)
        // An additive game has no synergy, and each value is its own effect.
        let additive = Self.game(a: a, gamma: 0, delta: 0)
        #expect(abs(additive.synergy) < 1e-12 && zip(additive.shapley, a).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func syntheticModelThroughTheStoreGivesExactSharesAndAnIntervalOnTheInteraction() async throws {
        // fall.total = the game above plus seed noise common to every combination of a seed, and an
        // interaction γ that varies by seed around 3 (so its interval is honest and excludes 0).
        let plan = try Decomposition.plan(scenario: "baseline", settings: ["firms=1000", "periods=4"], seeds: 12, baseSeed: 1)
        let design = try SweepDesign(plan: plan)
        #expect(design.points.count == 16)
        let a = [1.0, -2, 0.5, 4]
        let model: SweepRunFunction = { point, run, _ in
            let m = Decomposition.mask(point)
            let gamma = 3 + 0.5 * sin(Double(run.seed))
            var v = Self.game(a: a, gamma: gamma, delta: 0).values[m] + 10 * cos(Double(run.seed))
            v += 0 // stage entry: level 4 (economy) brings stage 4 forward by 8 quarters, never reached without clusters
            let stage: Double? = m & 1 == 0 ? nil : 60 - (m & 8 != 0 ? 8 : 0)
            return (["fall.total": v, "stage_entry.4": stage], [:])
        }
        let dir = temporaryDirectory()
        let store = try SweepStore(directory: dir)
        _ = try await SweepRunner.run(design: design, store: store, directory: dir, options: SweepOptions(jobs: 2), function: model)
        let (values, censored) = try #require(try Decomposition.collect(design: design, store: store))
        let r = Decomposition.analyse(values, censored: censored, draws: 500)
        let fall = try #require(r.outcomes.first { $0.name == "fall.total" })
        let meanGamma = (1...12).map { 3 + 0.5 * sin(Double($0)) }.reduce(0, +) / 12
        #expect(abs(fall.shapley[0].value - (a[0] + meanGamma / 2)) < 1e-9)
        #expect(abs(fall.shapley.map(\.value).reduce(0, +) - fall.total.value) < 1e-12)
        #expect(abs(fall.shares.map(\.value).reduce(0, +) - 1) < 1e-12)
        #expect(abs(fall.synergy.value - meanGamma) < 1e-9 && fall.synergy.low > 2 && fall.synergy.high < 4)
        #expect(fall.synergy.low <= meanGamma && meanGamma <= fall.synergy.high)
        // The seed noise common to all combinations cancels: the additive levels' intervals are points.
        #expect(abs(fall.shapley[3].high - fall.shapley[3].low) < 1e-9)
        // Stage 4: censored at the horizon (4 quarters) without clusters.
        let stage = try #require(r.outcomes.first { $0.name == "stage_entry.4" })
        #expect(stage.censored == 8 * 12)
        #expect(abs(stage.game.values[0] - 4) < 1e-12 && abs(stage.game.values[0b1001] - 52) < 1e-12)

        try Decomposition.write(r, scenario: "baseline", settings: [], to: dir)
        let shapley = try String(contentsOf: dir.appendingPathComponent("shapley.csv"), encoding: .utf8)
        #expect(shapley.hasPrefix("outcome,level,value,ci_low,ci_high,share,share_ci_low,share_ci_high\nfall.total,cluster,"))
        let interactions = try String(contentsOf: dir.appendingPathComponent("interactions.csv"), encoding: .utf8)
        #expect(interactions.contains("fall.total,cluster+network,") && interactions.contains("fall.total,synergy,"))
    }

    @Test func eachSwitchRemovesItsOwnLevelOfExternalEconomies() throws {
        // Booked external economies at the end of a short run: with a level switched off its own
        // term is zero, while the others are not.
        func final(_ set: [String]) throws -> [String: Double] {
            var s = try ScenarioLoader.resolve("baseline")
            // 60 quarters: with sellers sharing a platform's traffic, ecosystems form near quarter 48.
            try ScenarioLoader.apply(overrides: ["firms=3000", "periods=60"] + set, to: &s)
            var last: [Double] = []
            _ = Simulation.run(parameters: s.parameters, seed: 3, keepObservations: false) { o, _ in last = o.all }
            return Dictionary(uniqueKeysWithValues: Observer.metrics.enumerated().map { ($1, last[$0]) })
        }
        // Without relocation: a firm that moves to another cluster changes its pool, which is booked
        // at the cluster level even with the cluster's pool frozen (checked apart below).
        let on = try final(["entrepreneur.mobility=0"])
        for level in ["cluster", "network", "ecosystem"] { #expect(abs(on["externality.\(level)"]!) > 1e-4, "\(level) on: \(on["externality.\(level)"]!)") }
        for level in ["cluster", "network", "ecosystem"] {
            let off = try final(["external.\(level)=false", "entrepreneur.mobility=0"])
            #expect(abs(off["externality.\(level)"]!) < 1e-9, "\(level) off: \(off["externality.\(level)"]!)")
            for other in ["cluster", "network", "ecosystem"] where other != level {
                #expect(abs(off["externality.\(other)"]!) > 1e-4, "\(level) off leaves \(other): \(off["externality.\(other)"]!)")
            }
        }
        // With relocation the cluster level keeps movers' pool differences only: under 1% of its value.
        let moving = try final([]), movingOff = try final(["external.cluster=false"])
        #expect(abs(movingOff["externality.cluster"]!) < 0.01 * abs(moving["externality.cluster"]!), "\(movingOff["externality.cluster"]!)")
        // The economy-wide switch removes the B2B supplier pool beyond the cluster from every firm's
        // input cost (its pool is booked with other economy-wide changes, so no level term is zero).
        // Its effect on the cost fall is small and of either sign at this size (3,000 firms, seeds
        // 1–5: −0.009 to +0.008 at quarter 59); at 20,000 firms × 80 quarters it lowers the fall by
        // 0.006–0.018 (seeds 1–3).
        func farPool(_ set: [String]) throws -> Double {
            var s = try ScenarioLoader.resolve("baseline")
            try ScenarioLoader.apply(overrides: ["firms=3000", "periods=60", "entrepreneur.mobility=0"] + set, to: &s)
            var largest = 0.0
            _ = Simulation.run(parameters: s.parameters, seed: 3, keepObservations: false) { o, model in
                for i in 0..<model.firms.count { largest = max(largest, abs(model.firms.poolB2B[i])) }
            }
            return largest
        }
        #expect(try farPool([]) > 1e-3)
        #expect(try farPool(["external.economy=false"]) == 0)
        let econ = try final(["external.economy=false", "entrepreneur.mobility=0"])
        #expect(econ["fall.total"]! != on["fall.total"]!)
    }

    @Test func decomposeCommandWritesSharesThatAddUpAndAReport() throws {
        let dir = temporaryDirectory().appendingPathComponent("levels")
        let r = try coevo(["decompose", "--firms", "1500", "--periods", "12", "--seeds", "2", "--out", dir.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let shapley = try String(contentsOf: dir.appendingPathComponent("shapley.csv"), encoding: .utf8)
        let rows = shapley.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let fall = rows.filter { $0[0] == "fall.total" }
        #expect(fall.count == 4)
        let shares = fall.compactMap { Double($0[5]) }
        #expect(shares.count == 4 && abs(shares.reduce(0, +) - 1) < 1e-9, "\(shares)")
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Coevo decomposition report"))
        // Bad input: one line, status 2, nothing written.
        let bad = try coevo(["decompose", "--seeds", "1", "--out", dir.appendingPathComponent("x").path])
        #expect(bad.status == 2 && bad.stderr.contains("expected an integer in [2, 10000]") && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("x").path))
        let switched = try coevo(["decompose", "--set", "external.cluster=false", "--out", dir.appendingPathComponent("y").path])
        #expect(switched.status == 2 && switched.stderr.contains("expected a parameter other than the switches decompose varies"))
    }
}
