import Foundation
import Testing
@testable import CoevoReport

/// Expected ticks are worked out by hand from Heckbert's algorithm (see comments).
struct LinearTicksTests {
    func labels(_ t: TickSet) -> [String] { t.ticks.map(\.label) }

    @Test func quartersZeroTo79() {
        // range nice(79)=100, step nice(100/7≈14.3)=10 → 0…80 by 10
        let t = LinearTicks.choose(low: 0, high: 79, target: 8)
        #expect(labels(t) == ["0", "10", "20", "30", "40", "50", "60", "70", "80"])
        #expect(t.domain == 0...80)
    }

    @Test func unitInterval() {
        // range 1, step nice(0.2)=0.2
        let t = LinearTicks.choose(low: 0, high: 1, target: 6)
        #expect(labels(t) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func mixedSign() {
        // range nice(15.9)=20, step nice(5)=5 → -5…15
        let t = LinearTicks.choose(low: -3.7, high: 12.2, target: 5)
        #expect(labels(t) == ["-5", "0", "5", "10", "15"])
    }

    @Test func allNegativeAndSmall() {
        // range nice(0.022)=0.05, step nice(0.0125)=0.01 → -0.04…-0.01
        let t = LinearTicks.choose(low: -0.034, high: -0.012, target: 5)
        #expect(labels(t) == ["-0.04", "-0.03", "-0.02", "-0.01"])
        #expect(t.ticks.map(\.value) == [-0.04, -0.03, -0.02, -0.01])
    }

    @Test func tiny() {
        // range nice(3.5e-5)=5e-5, step nice(1.25e-5)=1e-5 → 1e-5…5e-5
        let t = LinearTicks.choose(low: 0.000012, high: 0.000047, target: 5)
        #expect(labels(t) == ["0.00001", "0.00002", "0.00003", "0.00004", "0.00005"])
    }

    @Test func noFloatingNoise() {
        // 3 × 0.1 would be 0.30000000000000004; ticks are k × 1 / 10.
        let t = LinearTicks.choose(low: 0, high: 0.3, target: 5)
        #expect(t.ticks.map(\.value) == [0, 0.1, 0.2, 0.3])
        #expect(labels(t) == ["0.0", "0.1", "0.2", "0.3"])
    }

    @Test func large() {
        // range nice(97531)=1e5, step nice(25000)=20000
        let t = LinearTicks.choose(low: 1234, high: 98765, target: 5)
        #expect(labels(t) == ["0", "20000", "40000", "60000", "80000", "100000"])
    }

    @Test func constantAndZeroRange() {
        // 5 → [2.5, 7.5]: range 5, step nice(1.25)=1 → 2…8
        #expect(labels(LinearTicks.choose(low: 5, high: 5, target: 5)) == ["2", "3", "4", "5", "6", "7", "8"])
        #expect(LinearTicks.choose(low: 0, high: 0).domain == 0...1)
        #expect(LinearTicks.choose(low: -2, high: -2).domain.contains(-2))
    }

    @Test func nonFiniteInput() {
        #expect(LinearTicks.choose(low: .nan, high: 3).domain == 0...1)
        #expect(LinearTicks.choose(low: -.infinity, high: .infinity).domain == 0...1)
        // Too wide for an integer tick index: falls back to the bounds, still finite.
        let wide = LinearTicks.choose(low: -1e308, high: 1e308)
        #expect(wide.ticks.allSatisfy { $0.value.isFinite })
    }

    @Test func reversedBoundsAreSwapped() {
        #expect(LinearTicks.choose(low: 10, high: 0, target: 5) == LinearTicks.choose(low: 0, high: 10, target: 5))
    }

    /// Invariants over many ranges: the domain holds the data, ticks are equally spaced and few,
    /// labels are plain decimals.
    @Test func invariantsOverManyRanges() {
        var state: UInt64 = 12345
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<2000 {
            let scale = pow10(Int(next() * 16) - 8)
            let a = (next() - 0.5) * 2 * scale, b = a + next() * scale
            let t = LinearTicks.choose(low: a, high: b, target: 5)
            #expect(t.domain.lowerBound <= a && t.domain.upperBound >= b)
            #expect(t.ticks.count >= 2 && t.ticks.count <= 12)
            let steps = zip(t.ticks.dropFirst(), t.ticks).map { $0.value - $1.value }
            let s0 = steps[0]
            let evenlySpaced = steps.allSatisfy { abs($0 - s0) <= 1e-9 * abs(s0) + 1e-12 * abs(t.domain.upperBound) }
            #expect(evenlySpaced)
            let plainLabels = t.ticks.allSatisfy { tick in
                tick.label.allSatisfy { "0123456789.-".contains($0) } && tick.label != "-0"
            }
            #expect(plainLabels)
            #expect(Set(t.ticks.map(\.label)).count == t.ticks.count)
        }
    }

    func pow10(_ k: Int) -> Double { LinearTicks.scaled(1, mantissa: 1, exponent: k) }
}

struct LogTicksTests {
    @Test func villagesRange() {
        let t = LogTicks.choose(low: 3, high: 4310)
        #expect(t.domain == 1...10000)
        #expect(t.majors.map(\.label) == ["1", "10", "100", "1000", "10000"])
        #expect(t.ticks.filter { !$0.isMajor }.count == 4 * 8)
        #expect(t.ticks.contains { !$0.isMajor && $0.value == 300 })
    }

    @Test func exactDecadeBounds() {
        let t = LogTicks.choose(low: 0.001, high: 1000)
        #expect(t.domain == 0.001...1000)
        #expect(t.majors.map(\.label) == ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
    }

    @Test func singleValueIsWidenedOneStepEachWay() {
        #expect(LogTicks.choose(low: 1000, high: 1000).domain == 500...2000)
        #expect(LogTicks.choose(low: 0.5, high: 0.5).domain == 0.2...1)
    }

    @Test func lessThanTwoDecadesUsesOneTwoFive() {
        // 0.07…0.17 → [0.05, 0.2]; majors 0.05, 0.1, 0.2; minors 0.06…0.09
        let t = LogTicks.choose(low: 0.07, high: 0.17)
        #expect(t.domain == 0.05...0.2)
        #expect(t.majors.map(\.label) == ["0.05", "0.1", "0.2"])
        #expect(t.ticks.filter { !$0.isMajor }.map(\.value) == [0.06, 0.07, 0.08, 0.09])
        // 3…40 → [2, 50]
        let u = LogTicks.choose(low: 3, high: 40)
        #expect(u.domain == 2...50)
        #expect(u.majors.map(\.label) == ["2", "5", "10", "20", "50"])
        // Large magnitudes use the ×10ⁿ form.
        #expect(LogTicks.choose(low: 3e9, high: 4e9).majors.map(\.label) == ["2×10⁹", "5×10⁹"])
    }

    @Test func manyDecadesThinLabels() {
        let t = LogTicks.choose(low: 1e-7, high: 1e5, maxLabels: 8)
        // 12 decades, every 2nd labelled, no minor ticks.
        #expect(t.majors.count == 13)
        #expect(t.majors.filter { !$0.label.isEmpty }.map(\.label) == ["10⁻⁷", "10⁻⁵", "0.001", "0.1", "10", "1000", "100000"])
        #expect(t.ticks.filter { !$0.isMajor }.isEmpty)
    }

    @Test func invalidInput() {
        #expect(LogTicks.choose(low: 0, high: 10).domain == 1...10)
        #expect(LogTicks.choose(low: 0, high: 10).majors.map(\.label) == ["1", "2", "5", "10"])
        #expect(LogTicks.choose(low: -5, high: .nan).domain == 1...10)
    }
}

struct NumberFormatTests {
    @Test func significantDigits() {
        #expect(NumberFormat.significant(1234.5678) == "1235")
        #expect(NumberFormat.significant(0.000123456) == "0.0001235")
        #expect(NumberFormat.significant(0.1 + 0.2) == "0.3")
        #expect(NumberFormat.significant(-2.5) == "-2.5")
        #expect(NumberFormat.significant(9.99996) == "10")
        #expect(NumberFormat.significant(1.5e10) == "1.5×10¹⁰")
        #expect(NumberFormat.significant(-3e-7, digits: 3) == "-3×10⁻⁷")
        #expect(NumberFormat.significant(-0.0) == "0")
    }

    @Test func fixedAndMissing() {
        #expect(NumberFormat.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(2.345, decimals: 1) == "2.3")
        #expect(NumberFormat.fixed(.nan, decimals: 2) == NumberFormat.missing)
        #expect(NumberFormat.significant(.infinity) == NumberFormat.missing)
    }

    @Test func powersOfTen() {
        #expect(NumberFormat.powerOfTen(0) == "1")
        #expect(NumberFormat.powerOfTen(5) == "100000")
        #expect(NumberFormat.powerOfTen(6) == "10⁶")
        #expect(NumberFormat.powerOfTen(-3) == "0.001")
        #expect(NumberFormat.powerOfTen(-4) == "10⁻⁴")
    }
}

/// `NumberFormat.fixed` prints through the C library's `vsnprintf` (the charts print thousands of
/// coordinates); it must give exactly what `String(format:)` gave before, ties and extremes included.
struct FixedFormatTests {
    @Test func matchesFoundationsFormatting() {
        var values: [Double] = [0, -0.0, 0.125, 0.375, 0.005, 0.015, 2.675, -2.675, 1.005, 99_999.995, -100_000,
                                1e15, 123_456_789.123_456, 5e-324, 1e-7, -1e-7, 0.1 + 0.2, 1e300]
        var x = 0.123_456_789
        for _ in 0..<200 { x = (x * 7919.0).truncatingRemainder(dividingBy: 1_000.0) - 500.0; values.append(x) }
        for v in values {
            for d in [0, 1, 2, 4, 15] {
                let expected = NumberFormat.cleanNegativeZero(String(format: "%.\(d)f", v))
                #expect(NumberFormat.fixed(v, decimals: d) == expected, "\(v) with \(d) decimals")
            }
        }
        #expect(NumberFormat.fixed(-0.001, decimals: 2) == "0.00")
        #expect(SVGWriter.num(12.0) == "12" && SVGWriter.num(12.5) == "12.50" && SVGWriter.num(-0.001) == "0")
    }
}
