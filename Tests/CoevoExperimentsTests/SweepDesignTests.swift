// Designs and run keys: Sobol points equal scipy's, scrambling keeps the net property, Latin
// hypercubes stratify, SHA-256 meets the FIPS 180-4 vectors, and plans resolve to the points a
// user expects.

@testable import CoevoExperiments
import CoevoModel
import Testing

@Suite struct SweepDesignTests {
    /// scipy 1.17.1: `qmc.Sobol(64, scramble=False).random(1024)`, then over n < 1024, j < 64:
    /// h = (h + round(x[n, j]·2^32) · ((64n + j) mod 1000003 + 1)) mod (2^61 − 1).
    @Test func unscrambledSobolEqualsScipy() {
        let x = SobolSequence(dimensions: 64).points(1024)
        let m: UInt64 = (1 << 61) - 1
        var h: UInt64 = 0
        for n in 0..<1024 {
            for j in 0..<64 {
                let v = UInt64((x[n][j] * 0x1p32).rounded())
                let w = UInt64((n * 64 + j) % 1_000_003 + 1)
                h = UInt64((UInt128(h) + UInt128(v) * UInt128(w)) % UInt128(m))
            }
        }
        #expect(h == 2_305_631_834_261_684_225)
        #expect(x[5].prefix(8).map { $0 } == [0.875, 0.875, 0.125, 0.375, 0.875, 0.625, 0.875, 0.375])
    }

    @Test func scrambledSobolKeepsOnePointPerStratumAndDependsOnTheSeed() {
        for seed: UInt64 in [1, 2, 99] {
            let x = SobolSequence(dimensions: 5, scrambleSeed: seed).points(64)
            for j in 0..<5 {
                let strata = Set(x.map { Int($0[j] * 64) })
                #expect(strata.count == 64, "seed \(seed) dim \(j)")
            }
            // Two-dimensional projection of the first two coordinates: a (0, m, 2)-net, one point per 8×8 cell.
            #expect(Set(x.map { Int($0[0] * 8) * 8 + Int($0[1] * 8) }).count == 64)
        }
        #expect(SobolSequence(dimensions: 3, scrambleSeed: 1).points(4)[0] != SobolSequence(dimensions: 3, scrambleSeed: 2).points(4)[0])
    }

    @Test func latinHypercubeHitsEveryStratumOnce() {
        let x = latinHypercube(count: 50, dimensions: 4, seed: 7)
        for j in 0..<4 { #expect(Set(x.map { Int($0[j] * 50) }).count == 50) }
        #expect(x.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 < 1 } })
    }

    @Test func sha256MeetsFIPSVectors() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func gridPlanGivesTheCartesianProductWithCommonSeeds() throws {
        let plan = try SweepPlan.parse(yaml: """
            scenario: baseline
            set: {firms: 1000, periods: 4}
            factors:
              gov.start: [0, 40]
              logistics.lambda: {low: 0.2, high: 0.6, steps: 3}
            replications: 2
            reference: {gov.start: 0, logistics.lambda: 0.4}
            outcomes: [cost.average, stage_entry.4]
            """, source: "plan.yaml")
        let d = try SweepDesign(plan: plan)
        #expect(d.points.count == 6)
        #expect(d.points.map { $0.values.map(\.value) } == [["0", "0.2"], ["0", "0.4"], ["0", "0.6"], ["40", "0.2"], ["40", "0.4"], ["40", "0.6"]])
        #expect(d.points[4].scenario.parameters.govStart == 40 && d.points[4].scenario.parameters.logisticsLambda == 0.4)
        #expect(d.points[0].scenario.parameters.firms == 1000)
        #expect(d.referencePoint == 1)
        // Common random numbers: replication r has the same seed everywhere; keys differ by point.
        #expect(d.run(point: 0, replication: 1).seed == d.run(point: 5, replication: 1).seed)
        #expect(d.run(point: 0, replication: 1).key != d.run(point: 5, replication: 1).key)
        #expect(d.run(point: 2, replication: 0).key == SweepDesign.runKey(parametersJSON: d.points[2].parametersJSON, seed: 1))
    }

    @Test func lhsAndSobolPlansSampleInsideTheRanges() throws {
        for design in ["lhs", "sobol"] {
            let plan = try SweepPlan.parse(yaml: """
                design: \(design)
                samples: 16
                factors:
                  logistics.lambda: {low: 0.2, high: 0.6}
                  gov.start: {low: 0, high: 40}
                outcomes: [cost.average]
                """, source: "p.yaml")
            let d = try SweepDesign(plan: plan)
            #expect(d.points.count == 16)
            for p in d.points {
                let q = p.scenario.parameters
                #expect(q.logisticsLambda >= 0.2 && q.logisticsLambda <= 0.6 && q.govStart >= 0 && q.govStart <= 40)
            }
            #expect(Set(d.points.map { $0.scenario.parameters.govStart }).count > 8, "integers spread over the range")
        }
    }
}
