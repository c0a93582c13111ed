// VectorMath's contract (Sources/CVectorMath/include/CVectorMath.h): libm's values within 4 ulp,
// each element's result independent of the block it is computed in, in-place calls allowed.

import CoevoMeasure
import Foundation
import Testing

@Suite struct VectorMathTests {
    /// Arguments the model and the kernel meet: exponents in [−40, 40], logs of (0, 1e6], then
    /// three values (exact points exp 0 = 1, log 1 = 0 first) that make the tail after the last
    /// block of 4: 4,004 + 3 = 4,007 values.
    static let exponents: [Double] = (0..<4_004).map { -40 + 80 * Double($0) / 4_003 } + [0, 1, -1]
    static let positives: [Double] = (1...4_004).map { 1e6 * pow(Double($0) / 4_004, 4) } + [1, 2, 0.5]

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

    /// Where libmvec's AVX2 routines can run (x86-64 Linux with glibc, a CPU with AVX2 and FMA),
    /// they are the ones used, and they are not libm under another name: some results differ
    /// from libm's in the last bits (43% of exp's on [−3, 3] with glibc 2.36).
    @Test func libmvecIsUsedWhereItCanRun() throws {
        #if os(Linux) && arch(x86_64) && canImport(Glibc)
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = flags.split(separator: "\n").first { $0.hasPrefix("flags") }.map { " " + $0 + " " } ?? ""
        guard line.contains(" avx2 "), line.contains(" fma "),
              FileManager.default.fileExists(atPath: "/lib/x86_64-linux-gnu/libmvec.so.1")
                || FileManager.default.fileExists(atPath: "/usr/lib/x86_64-linux-gnu/libmvec.so.1") else { return }
        #expect(VectorMath.backend == "libmvec-avx2")
        let x = (0..<1_000).map { -3 + 6 * Double($0) / 999 }
        var y = [Double](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { xs in y.withUnsafeMutableBufferPointer { VectorMath.exp(xs.baseAddress!, into: $0.baseAddress!, count: x.count) } }
        #expect(x.indices.contains { y[$0] != Foundation.exp(x[$0]) })
        #else
        #expect(VectorMath.backend == "libm-scalar")
        #endif
    }
}
