import Testing
@testable import CoevoMeasure

/// Meng & Han composite-system synergy against numpy (scripts/crosscheck/measure_reference.py).
@Suite struct SynergyTests {
    func orders(_ x: [[Double]], _ dirs: [Direction]) -> [Double] {
        let k = dirs.count
        let bounds = (0..<k).map { j in
            SynergyDegree.defaultBounds(min: x.map { $0[j] }.min()!, max: x.map { $0[j] }.max()!)
        }
        return x.map { row in
            SynergyDegree.subsystemOrder((0..<k).map { SynergyDegree.orderDegree(row[$0], bounds: bounds[$0], direction: dirs[$0]) })
        }
    }

    @Test func matchesNumpy() {
        let a = orders(Ref.synergyA, [.positive, .negative])
        let b = orders(Ref.synergyB, [.positive])
        for t in 0..<4 {
            #expect(abs(a[t] - Ref.synergyOrderA[t]) < 1e-12)
            #expect(abs(b[t] - Ref.synergyOrderB[t]) < 1e-12)
        }
        for t in 1..<4 {
            #expect(abs(SynergyDegree.synergy(from: [a[t - 1], b[t - 1]], to: [a[t], b[t]]) - Ref.synergyConsecutive[t - 1]) < 1e-12)
            #expect(abs(SynergyDegree.synergy(from: [a[0], b[0]], to: [a[t], b[t]]) - Ref.synergyBase0[t - 1]) < 1e-12)
        }
        #expect(Ref.synergyConsecutive.contains { $0 < 0 })   // the data has a negative step
    }

    @Test func handWorked() {
        // From (0.2, 0.3) to (0.6, 0.4): θ = +1, √(0.4·0.1) = 0.2. Reversed: −0.2.
        #expect(abs(SynergyDegree.synergy(from: [0.2, 0.3], to: [0.6, 0.4]) - 0.2) < 1e-15)
        #expect(abs(SynergyDegree.synergy(from: [0.6, 0.4], to: [0.2, 0.3]) + 0.2) < 1e-15)
        #expect(SynergyDegree.synergy(from: [0.2, 0.3], to: [0.2, 0.4]) == 0)
        // Bounds widen by 10% whatever the sign.
        let b = SynergyDegree.defaultBounds(min: -2, max: 10)
        #expect(b.min == -2.2 && b.max == 11)
        #expect(SynergyDegree.subsystemOrder([0.25, 1]) == 0.5)
        #expect(SynergyDegree.subsystemOrder([0.25, 1], weights: [0.5, 0.5]) == 0.625)
    }
}
