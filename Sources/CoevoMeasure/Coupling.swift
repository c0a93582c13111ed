import Foundation

/// Which formula for the coupling degree C of n ≥ 2 subsystem scores U_i ∈ [0, 1].
///
/// - `standard`: C = n·(∏U_i)^(1/n) / ΣU_i, the ratio of the geometric to the arithmetic mean
///   (for two systems 2√(U1·U2)/(U1+U2)). This is the normative form (Wang et al. 2021 §2); the
///   often-seen C = [∏U_i / ∏(U_i+U_j)]^(1/n) and variants without the factor n are wrong.
/// - `wang`: the corrected form of Wang, Kong, Ren, Zhi & Dai (2021), Journal of Natural
///   Resources 36(3):793–810:
///   C = √{ [1 − Σ_{i>j}|U_i−U_j| / (n(n−1)/2)] · (∏_i U_i/max U)^(1/(n−1)) }.
///   For two systems C = √{(1 − |U1−U2|)·min/max}.
/// - `fan`: the dispersion form C = 1 − 2·√[(n·ΣU² − (ΣU)²)/n²] = 1 − 2·(population s.d. of U);
///   for two systems C = 1 − |U1−U2|.
public enum CouplingVariant: String, Sendable, CaseIterable {
    case standard, wang, fan
}

/// Coupling degree C of n ≥ 2 subsystem scores in [0,1].
///
/// Contract: `u.count ≥ 2` (precondition); scores are expected in [0, 1] (a negative score makes
/// the geometric mean meaningless: C is then 0). The result is clamped to [0, 1] against rounding.
/// Degenerate cases, by convention: when every U_i is 0 (no development at all) C = 0 for
/// `standard` and `wang` (the formulas are 0/0), and C = 1 for `fan` (zero dispersion).
/// Allocation-free; O(n) except `wang`, which is O(n²) in its pairwise sum.
public func couplingDegree(_ u: [Double], variant: CouplingVariant = .standard) -> Double {
    let n = u.count
    precondition(n >= 2, "couplingDegree needs at least two subsystem scores, got \(n)")
    switch variant {
    case .standard:
        if n == 2 {
            let s = u[0] + u[1]
            guard s > 0, u[0] >= 0, u[1] >= 0 else { return 0 }
            return clamp01(2 * (u[0] * u[1]).squareRoot() / s)
        }
        var sum = 0.0
        var logSum = 0.0
        for x in u {
            if x <= 0 { return 0 }   // product 0 (or meaningless): C = 0
            sum += x
            logSum += log(x)
        }
        return clamp01(Double(n) * exp(logSum / Double(n)) / sum)
    case .wang:
        var maxU = 0.0
        for x in u {
            if x < 0 { return 0 }
            if x > maxU { maxU = x }
        }
        guard maxU > 0 else { return 0 }
        var diffSum = 0.0
        for i in 1..<n {
            for j in 0..<i { diffSum += abs(u[i] - u[j]) }
        }
        let pairs = Double(n * (n - 1) / 2)
        let balance = 1 - diffSum / pairs
        var logRatio = 0.0
        for x in u {
            if x == 0 { return 0 }
            logRatio += log(x / maxU)
        }
        let ratio = exp(logRatio / Double(n - 1))
        return clamp01((max(0, balance) * ratio).squareRoot())
    case .fan:
        // (n·ΣU² − (ΣU)²)/n² is the population variance; computed in two passes, which avoids
        // the cancellation of the textbook form when the scores are nearly equal.
        var s = 0.0
        for x in u { s += x }
        let mean = s / Double(n)
        var ss = 0.0
        for x in u { ss += (x - mean) * (x - mean) }
        let variance = ss / Double(n)
        return clamp01(1 - 2 * variance.squareRoot())
    }
}

/// Coupling degree C, comprehensive development index T and coupling coordination degree D.
public struct CouplingCoordination: Sendable, Equatable {
    public var C: Double
    public var T: Double
    public var D: Double
    public init(C: Double, T: Double, D: Double) {
        self.C = C
        self.T = T
        self.D = D
    }
}

/// T = Σ weights·u (equal weights when nil), D = sqrt(C·T).
///
/// Contract: `weights`, when given, has `u.count` entries (precondition); they are used as
/// given (not renormalised: callers validating user input check that they sum to 1). C follows
/// `couplingDegree(_:variant:)`. T·C < 0 cannot happen for scores in [0,1]; D is √max(0, C·T).
public func couplingCoordination(_ u: [Double], weights: [Double]? = nil,
                                 variant: CouplingVariant = .standard) -> CouplingCoordination {
    let c = couplingDegree(u, variant: variant)
    var t = 0.0
    if let w = weights {
        precondition(w.count == u.count, "couplingCoordination: \(w.count) weights for \(u.count) scores")
        for i in 0..<u.count { t += w[i] * u[i] }
    } else {
        for x in u { t += x }
        t /= Double(u.count)
    }
    return CouplingCoordination(C: c, T: t, D: max(0, c * t).squareRoot())
}

@inline(__always)
func clamp01(_ x: Double) -> Double {
    x.isNaN ? x : Swift.min(1, Swift.max(0, x))
}

/// Two-subsystem coupling coordination without an array (for per-region, per-period use in
/// the simulator): the same numbers as `couplingCoordination([u1, u2], weights:variant:)`.
/// `weights` default to (½, ½).
@inline(__always)
public func couplingCoordination(u1: Double, u2: Double, weights: (Double, Double) = (0.5, 0.5),
                                 variant: CouplingVariant = .standard) -> CouplingCoordination {
    let c: Double
    switch variant {
    case .standard:
        let s = u1 + u2
        c = (s > 0 && u1 >= 0 && u2 >= 0) ? clamp01(2 * (u1 * u2).squareRoot() / s) : 0
    case .wang:
        let m = Swift.max(u1, u2)
        c = (m > 0 && u1 > 0 && u2 > 0) ? clamp01((Swift.max(0, 1 - abs(u1 - u2)) * Swift.min(u1, u2) / m).squareRoot()) : 0
    case .fan:
        c = clamp01(1 - abs(u1 - u2))
    }
    let t = weights.0 * u1 + weights.1 * u2
    return CouplingCoordination(C: c, T: t, D: Swift.max(0, c * t).squareRoot())
}
