import Foundation

/// A tick on an axis: its value and its label. Minor ticks carry an empty label.
public struct Tick: Equatable, Sendable {
    public var value: Double
    public var label: String
    public var isMajor: Bool
}

/// The ticks chosen for an axis and the domain they span (the domain always contains the data
/// and begins and ends on a tick of a linear axis, or on a decade of a log axis).
public struct TickSet: Equatable, Sendable {
    public var domain: ClosedRange<Double>
    public var ticks: [Tick]
    public var majors: [Tick] { ticks.filter(\.isMajor) }
}

/// "Nice" linear ticks after Heckbert ("Nice numbers for graph labels", Graphics Gems, 1990):
/// steps are 1, 2 or 5 × 10^k, the domain is widened outward to whole steps.
///
/// Contract: for finite `low ≤ high` the result has 2 to about 2·`target`+1 major ticks, all
/// finite, increasing, equally spaced, labelled without floating noise. A zero range is widened
/// symmetrically (by half the magnitude, or to [0, 1] for zero); non-finite input gives [0, 1].
public enum LinearTicks {
    public static func choose(low: Double, high: Double, target: Int = 5) -> TickSet {
        var lo = low, hi = high
        if !lo.isFinite || !hi.isFinite { lo = 0; hi = 1 }
        if lo > hi { swap(&lo, &hi) }
        if lo == hi {
            if lo == 0 { lo = 0; hi = 1 } else {
                let half = abs(lo) / 2
                lo -= half; hi += half
            }
        }
        let n = max(2, target)
        let width = hi - lo
        guard width.isFinite, width > 0 else { return fallback(lo, hi) }
        let range = niceNumber(width, round: false).value
        let (_, mantissa, exponent) = niceNumber(range / Double(n - 1), round: true)
        // step = mantissa × 10^exponent; tick k has value k × step, computed as an exact integer
        // scaled by an exact power of ten, so each tick is the double nearest its decimal value.
        let step = scaled(1, mantissa: mantissa, exponent: exponent)
        let limit = 1e15 / Double(mantissa)
        guard step > 0, abs(lo / step) < limit, abs(hi / step) < limit else { return fallback(lo, hi) }
        var first = Int((lo / step).rounded(.down))
        var last = Int((hi / step).rounded(.up))
        if value(k: first, mantissa: mantissa, exponent: exponent) > lo { first -= 1 }
        if value(k: last, mantissa: mantissa, exponent: exponent) < hi { last += 1 }
        let decimals = max(0, -exponent)
        var ticks: [Tick] = []
        for k in first...last {
            let v = value(k: k, mantissa: mantissa, exponent: exponent)
            ticks.append(Tick(value: v, label: NumberFormat.fixed(v, decimals: decimals), isMajor: true))
        }
        return TickSet(domain: ticks.first!.value...ticks.last!.value, ticks: ticks)
    }

    /// Two ticks at the bounds, for ranges too wide or too narrow (relative to their magnitude)
    /// for an integer tick index.
    private static func fallback(_ lo: Double, _ hi: Double) -> TickSet {
        let a = lo.isFinite ? lo : -Double.greatestFiniteMagnitude
        let b = hi.isFinite && hi > a ? hi : a.nextUp
        return TickSet(domain: a...b, ticks: [
            Tick(value: a, label: NumberFormat.significant(a, digits: 6), isMajor: true),
            Tick(value: b, label: NumberFormat.significant(b, digits: 6), isMajor: true),
        ])
    }

    /// Heckbert's nice number: a value of the form {1, 2, 5, 10} × 10^k near `x` (rounded) or not
    /// below it (ceiling), returned with its mantissa (1, 2, 5 or 10) and exponent k.
    static func niceNumber(_ x: Double, round: Bool) -> (value: Double, mantissa: Int, exponent: Int) {
        let exponent = Int(floor(log10(x)))
        let fraction = x / pow(10, Double(exponent))
        let mantissa: Int
        if round {
            mantissa = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            mantissa = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        if mantissa == 10 {
            return (scaled(1, mantissa: 1, exponent: exponent + 1), 1, exponent + 1)
        }
        return (scaled(1, mantissa: mantissa, exponent: exponent), mantissa, exponent)
    }

    static func value(k: Int, mantissa: Int, exponent: Int) -> Double {
        scaled(k, mantissa: mantissa, exponent: exponent)
    }

    /// k × mantissa × 10^exponent, correctly rounded when |k × mantissa| < 2^53 and |exponent| ≤ 22.
    static func scaled(_ k: Int, mantissa: Int, exponent: Int) -> Double {
        let integer = Double(k * mantissa)
        if exponent >= 0 { return integer * pow(10, Double(exponent)) }
        return integer / pow(10, Double(-exponent))
    }
}

/// Ticks for a logarithmic axis.
///
/// Contract: for finite `0 < low ≤ high`:
/// - when high/low ≥ 100, majors sit at the decades 10^k and the domain is
///   [10^floor(log10 low), 10^ceil(log10 high)], with unlabelled minors at 2…9 × 10^k; when it spans
///   more than `maxLabels` decades only every n-th decade is labelled and minors are left out;
/// - when the data span less than two decades, the domain ends on the nearest 1, 2 or 5 × 10^k
///   outside the data (widened by one such step each way if low = high), majors are the 1-2-5
///   values inside it and minors the other integer multiples of 10^k.
/// Invalid input (non-positive or non-finite bounds) gives the domain [1, 10].
public enum LogTicks {
    public static func choose(low: Double, high: Double, maxLabels: Int = 8) -> TickSet {
        var lo = low, hi = high
        if !(lo.isFinite && hi.isFinite && lo > 0 && hi > 0) { lo = 1; hi = 10 }
        if lo > hi { swap(&lo, &hi) }
        if hi / lo < 100 { return oneTwoFive(lo, hi) }
        var kLow = Int(floor(log10(lo)))
        var kHigh = Int(ceil(log10(hi)))
        // Guard against log10 rounding right at a decade (e.g. log10(1000) = 2.9999999999999996).
        if pow10(kLow + 1) <= lo { kLow += 1 }
        if kHigh - 1 >= kLow && pow10(kHigh - 1) >= hi { kHigh -= 1 }
        if kHigh == kLow { kHigh += 1 }
        let decades = kHigh - kLow
        let every = max(1, Int((Double(decades) / Double(max(1, maxLabels))).rounded(.up)))
        var ticks: [Tick] = []
        for k in kLow...kHigh {
            let labelled = (k - kLow) % every == 0
            ticks.append(Tick(value: pow10(k), label: labelled ? NumberFormat.powerOfTen(k) : "", isMajor: true))
            if every == 1 && k < kHigh {
                for m in 2...9 {
                    ticks.append(Tick(value: LinearTicks.scaled(m, mantissa: 1, exponent: k), label: "", isMajor: false))
                }
            }
        }
        return TickSet(domain: pow10(kLow)...pow10(kHigh), ticks: ticks)
    }

    /// Ticks at m × 10^k for a range of less than two decades.
    static func oneTwoFive(_ lo: Double, _ hi: Double) -> TickSet {
        let kFirst = Int(floor(log10(lo))) - 1, kLast = Int(ceil(log10(hi))) + 1
        // All integer multiples m × 10^k (m = 1…9) around the data, ascending.
        var candidates: [(value: Double, m: Int)] = []
        for k in kFirst...kLast {
            for m in 1...9 { candidates.append((LinearTicks.scaled(m, mantissa: 1, exponent: k), m)) }
        }
        let nice = candidates.filter { [1, 2, 5].contains($0.m) }
        var a = nice.lastIndex { $0.value <= lo } ?? 0
        var b = nice.firstIndex { $0.value >= hi } ?? nice.count - 1
        if a == b { a = max(0, a - 1); b = min(nice.count - 1, b + 1) }
        let domain = nice[a].value...nice[b].value
        let ticks = candidates.filter { domain.contains($0.value) }.map { c -> Tick in
            let major = [1, 2, 5].contains(c.m)
            return Tick(value: c.value, label: major ? NumberFormat.significant(c.value, digits: 1) : "", isMajor: major)
        }
        return TickSet(domain: domain, ticks: ticks)
    }

    static func pow10(_ k: Int) -> Double { LinearTicks.scaled(1, mantissa: 1, exponent: k) }
}
