// The χ² distribution's survival function, for over-identification (J) tests: P(X > x) =
// Q(k/2, x/2), the regularized upper incomplete gamma function, by its series for x < a + 1 and
// Lentz's continued fraction otherwise (Numerical Recipes §6.2). Checked against scipy.

import Foundation

public enum ChiSquared {
    /// P(X > x) for X ~ χ²(k).
    public static func survival(_ x: Double, degreesOfFreedom k: Double) -> Double {
        precondition(k > 0, "ChiSquared: k > 0")
        guard !x.isNaN else { return .nan }
        guard x > 0 else { return 1 }
        return upperRegularizedGamma(k / 2, x / 2)
    }

    static func upperRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        let logPrefactor = -x + a * log(x) - lgamma(a)
        if x < a + 1 {
            var sum = 1 / a, term = 1 / a, n = a
            for _ in 0..<10_000 {
                n += 1
                term *= x / n
                sum += term
                if abs(term) < abs(sum) * 1e-16 { break }
            }
            return max(0, 1 - sum * exp(logPrefactor))
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < tiny { d = tiny }
            c = b + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return exp(logPrefactor) * h
    }
}
