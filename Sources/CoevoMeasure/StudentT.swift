// Student's t distribution: the CDF through the regularized incomplete beta function and the
// quantile by safeguarded bisection. Used for t-based intervals of replication means (sweeps,
// sensitivity, calibration). Checked against scipy.stats.t in the tests.

import Foundation

public enum StudentT {
    /// P(T ≤ t) for T ~ t(`degreesOfFreedom`), `degreesOfFreedom` > 0.
    public static func cdf(_ t: Double, degreesOfFreedom df: Double) -> Double {
        precondition(df > 0, "StudentT.cdf: degrees of freedom must be positive")
        if t.isNaN { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let x = df / (df + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// The `p` quantile (0 < p < 1): the t with cdf(t) = p, to about 1e-12 relative.
    public static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
        precondition(p > 0 && p < 1, "StudentT.quantile: p must be in (0, 1)")
        precondition(df > 0, "StudentT.quantile: degrees of freedom must be positive")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: df) }
        var low = 0.0, high = 1.0
        while cdf(high, degreesOfFreedom: df) < p { low = high; high *= 2; if high > 1e300 { return .infinity } }
        for _ in 0..<200 {
            let mid = 0.5 * (low + high)
            if cdf(mid, degreesOfFreedom: df) < p { low = mid } else { high = mid }
            if high - low <= 1e-13 * max(1, high) { break }
        }
        return 0.5 * (low + high)
    }

    /// The two-sided critical value for a `level` interval (e.g. 0.95 → t_{0.975, df}).
    public static func critical(level: Double, degreesOfFreedom df: Double) -> Double {
        quantile(0.5 + level / 2, degreesOfFreedom: df)
    }

    /// I_x(a, b) by the continued fraction (modified Lentz), using the symmetry relation where
    /// it converges faster.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x))
        if x < (a + 1) / (a + b + 2) { return front * betaContinuedFraction(x, a: a, b: b) / a }
        return 1 - front * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}

/// Mean, standard deviation and t-based interval of a sample (replications of one outcome).
public struct MeanInterval: Sendable, Equatable {
    public var n: Int
    public var mean: Double
    /// Sample standard deviation (n − 1 denominator); nil when n < 2.
    public var sd: Double?
    /// The `level` interval mean ± t_{(1+level)/2, n−1} · sd/√n; nil when n < 2.
    public var ciLow: Double?
    public var ciHigh: Double?

    /// Nil for an empty sample.
    public init?(_ values: [Double], level: Double = 0.95) {
        guard !values.isEmpty else { return nil }
        n = values.count
        // Compensated two-pass mean and variance (stable, and independent of hardware FMA).
        let m = values.reduce(0, +) / Double(n)
        mean = m
        guard n >= 2 else { sd = nil; ciLow = nil; ciHigh = nil; return }
        var ss = 0.0
        for v in values { ss += (v - m) * (v - m) }
        let s = (ss / Double(n - 1)).squareRoot()
        sd = s
        let half = StudentT.critical(level: level, degreesOfFreedom: Double(n - 1)) * s / Double(n).squareRoot()
        ciLow = m - half
        ciHigh = m + half
    }

    /// Half the interval's width; nil when n < 2.
    public var halfWidth: Double? { sd.map { _ in (ciHigh! - ciLow!) / 2 } }
}
