import CoevoMeasure
import Foundation
import Testing

/// Property tests of the measurement library over random panels (issue 10): entropy weights sum
/// to 1, D lies in [0,1], results do not depend on indicator units or on the order of units, and
/// coupling is symmetric in the subsystems.
struct MeasurePropertyTests {
    struct Rng {
        var state: UInt64
        mutating func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
    }

    /// A random panel: rows × columns, each column on its own scale.
    static func panel(_ rng: inout Rng, rows: Int, cols: Int) -> [[Double]] {
        let scales = (0..<cols).map { _ in pow(10, 6 * rng.next() - 3) }
        return (0..<rows).map { _ in (0..<cols).map { scales[$0] * (0.1 + rng.next()) } }
    }
    static func close(_ a: [Double], _ b: [Double], _ tol: Double = 1e-9) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tol * max(1, abs($0), abs($1)) }
    }

    @Test func entropyWeightsSumToOneAndAreNonNegative() {
        var rng = Rng(state: 11)
        for _ in 0..<300 {
            let rows = 2 + Int(rng.next() * 40), cols = 1 + Int(rng.next() * 8)
            let x = Self.panel(&rng, rows: rows, cols: cols)
            let dirs = (0..<cols).map { _ in rng.next() < 0.5 ? Direction.positive : .negative }
            let index = buildSubsystemIndex(x, directions: dirs)
            #expect(abs(index.weights.reduce(0, +) - 1) < 1e-12)
            #expect(index.weights.allSatisfy { $0 >= 0 && $0.isFinite })
            #expect(index.scores.allSatisfy { (0...1).contains($0) })
        }
    }

    @Test func couplingCoordinationDLiesInTheUnitIntervalForEveryVariant() {
        var rng = Rng(state: 12)
        for _ in 0..<2_000 {
            let n = 2 + Int(rng.next() * 4)
            var u = (0..<n).map { _ in rng.next() }
            if rng.next() < 0.1 { u[0] = 0 }
            if rng.next() < 0.1 { u[n - 1] = 1 }
            for variant in CouplingVariant.allCases {
                let r = couplingCoordination(u, variant: variant)
                #expect((0...1).contains(r.D), "\(variant) \(u) → D \(r.D)")
                #expect((0...1).contains(r.C), "\(variant) \(u) → C \(r.C)")
            }
        }
    }

    @Test func indexIsInvariantToIndicatorUnits() {
        var rng = Rng(state: 13)
        for _ in 0..<200 {
            let rows = 3 + Int(rng.next() * 30), cols = 2 + Int(rng.next() * 5)
            let x = Self.panel(&rng, rows: rows, cols: cols)
            let dirs = (0..<cols).map { _ in rng.next() < 0.5 ? Direction.positive : .negative }
            // Change every indicator's unit (a positive factor per column, e.g. yuan → 10k yuan).
            let factors = (0..<cols).map { _ in pow(10, 4 * rng.next() - 2) }
            let y = x.map { row in row.enumerated().map { $0.element * factors[$0.offset] } }
            let a = buildSubsystemIndex(x, directions: dirs), b = buildSubsystemIndex(y, directions: dirs)
            #expect(Self.close(a.weights, b.weights, 1e-9))
            #expect(Self.close(a.scores, b.scores, 1e-9))
        }
    }

    @Test func indexIsInvariantToTheOrderOfUnits() {
        var rng = Rng(state: 14)
        for _ in 0..<200 {
            let rows = 3 + Int(rng.next() * 30), cols = 1 + Int(rng.next() * 5)
            let x = Self.panel(&rng, rows: rows, cols: cols)
            let dirs = (0..<cols).map { _ in rng.next() < 0.5 ? Direction.positive : .negative }
            var order = Array(0..<rows)
            for i in stride(from: rows - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() * Double(i + 1))) }
            let a = buildSubsystemIndex(x, directions: dirs)
            let b = buildSubsystemIndex(order.map { x[$0] }, directions: dirs)
            #expect(Self.close(a.weights, b.weights, 1e-12))
            #expect(Self.close(order.map { a.scores[$0] }, b.scores, 1e-12))
        }
    }

    @Test func couplingIsSymmetricInTheSubsystems() {
        var rng = Rng(state: 15)
        for _ in 0..<2_000 {
            let n = 2 + Int(rng.next() * 3)
            let u = (0..<n).map { _ in rng.next() }
            let perm = u.reversed() as [Double]
            for variant in CouplingVariant.allCases {
                let a = couplingCoordination(u, variant: variant), b = couplingCoordination(perm, variant: variant)
                #expect(abs(a.C - b.C) < 1e-12 && abs(a.D - b.D) < 1e-12 && abs(a.T - b.T) < 1e-12, "\(variant) \(u)")
            }
            if n == 2 {
                let a = couplingCoordination(u1: u[0], u2: u[1]), b = couplingCoordination(u1: u[1], u2: u[0])
                #expect(abs(a.D - b.D) < 1e-12)
                #expect(abs(a.D - couplingCoordination(u).D) < 1e-12)
            }
        }
    }
}
