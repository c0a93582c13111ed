// VectorMath's contract (Sources/CVectorMath/include/CVectorMath.h): libm's values within 4 ulp,
// each element's result independent of the block it is computed in, in-place calls allowed.

import CoevoMeasure
import Foundation
import Testing

@Suite struct VectorMathTests {
    /// Arguments the model and the kernel meet: exponents in [−40, 40], logs of (0, 1e6], plus
    /// exact points (exp 0 = 1, log 1 = 0) and a count that leaves a tail of 3.
    static let exponents: [Double] = (0..<4_003).map { -40 + 80 * Double($0) / 4_002 } + [0, 1, -1]
    static let positives: [Double] = (1...4_003).map { 1e6 * pow(Double($0) / 4_003, 4) } + [1, 2, 0.5]

    static func ulps(_ a: Double, _ b: Double) -> Double { abs(a - b) / b.ulp }

    @Test func expIsLibmsWithinFourUlp() {
        let x = Self.exponents
        var y = [Double](repeating: .nan, count: x.count)
        x.withUnsafeBufferPointer { xs in y.withUnsafeMutableBufferPointer { VectorMath.exp(xs.baseAddress!, into: $0.baseAddress!, count: x.count) } }
        #expect(x.indices.allSatisfy { Self.ulps(y[$0], Foundation.exp(x[$0])) <= 4 })
        #expect(y[x.count - 3] == 1)
    }

    @Test func logIsLibmsWithinFourUlp() {
        let x = Self.positives
        var y = [Double](repeating: .nan, count: x.count)
        x.withUnsafeBufferPointer { xs in y.withUnsafeMutableBufferPointer { VectorMath.log(xs.baseAddress!, into: $0.baseAddress!, count: x.count) } }
        // Near 1 the log is tiny and its ulp tinier: compare there in absolute terms.
        #expect(x.indices.allSatisfy { i in
            let exact = Foundation.log(x[i])
            return abs(exact) < 1e-3 ? abs(y[i] - exact) <= 4 * (1.0).ulp : Self.ulps(y[i], exact) <= 4
        })
        #expect(y[x.count - 3] == 0)
    }

    /// A value gives the same bits alone, in a tail, or inside a block; in place or not.
    @Test func resultsDependOnTheValueOnly() {
        let x = Self.exponents
        var whole = [Double](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xs in whole.withUnsafeMutableBufferPointer { VectorMath.exp(xs.baseAddress!, into: $0.baseAddress!, count: x.count) } }
        var pieces = x
        pieces.withUnsafeMutableBufferPointer { p in
            var start = 0, size = 1
            while start < x.count {
                let n = min(size, x.count - start)
                VectorMath.exp(p.baseAddress! + start, into: p.baseAddress! + start, count: n)
                start += n; size = size % 7 + 1
            }
        }
        #expect(whole.map(\.bitPattern) == pieces.map(\.bitPattern))
    }

    @Test func backendIsNamed() {
        #expect(["libmvec-avx2", "libm-scalar"].contains(VectorMath.backend))
    }
}
