import Foundation

/// Parameters of the two-subsystem Lotka–Volterra symbiosis model
/// dx/dt = r1·x·(1 − x/K1 + θ12·y/K2),  dy/dt = r2·y·(1 − y/K2 + θ21·x/K1).
/// θ12 is the effect of y on x (per unit of y's capacity), θ21 that of x on y.
public struct LotkaVolterraParameters: Sendable, Equatable {
    public var r1: Double, K1: Double, theta12: Double
    public var r2: Double, K2: Double, theta21: Double
    public init(r1: Double, K1: Double, theta12: Double, r2: Double, K2: Double, theta21: Double) {
        self.r1 = r1; self.K1 = K1; self.theta12 = theta12
        self.r2 = r2; self.K2 = K2; self.theta21 = theta21
    }
    public var vector: [Double] { [r1, K1, theta12, r2, K2, theta21] }
    public init(_ v: [Double]) {
        precondition(v.count == 6, "LotkaVolterraParameters needs 6 values")
        self.init(r1: v[0], K1: v[1], theta12: v[2], r2: v[3], K2: v[4], theta21: v[5])
    }
    public static let names = ["r1", "K1", "theta12", "r2", "K2", "theta21"]

    /// One step of the discretised system (Euler, Δt = 1): the map the fit uses.
    @inline(__always)
    public func step(x: Double, y: Double) -> (x: Double, y: Double) {
        (x + r1 * x * (1 - x / K1 + theta12 * y / K2), y + r2 * y * (1 - y / K2 + theta21 * x / K1))
    }
}

/// Symbiosis mode read from the signs of θ12 (effect of subsystem 2 on 1) and θ21.
public enum SymbiosisMode: String, Sendable, CaseIterable {
    case independent                       // θ12 = θ21 = 0
    case symmetricMutualism = "symmetric mutualism"    // both > 0, equal within the tolerance
    case asymmetricMutualism = "asymmetric mutualism"  // both > 0, unequal
    case commensalism                      // one > 0, the other 0
    case amensalism                        // one < 0, the other 0
    case parasitism                        // one > 0, the other < 0
    case competition                       // both < 0

    /// Classifies. A coefficient counts as 0 when |θ| ≤ `zeroTolerance` (or when `zero12`/
    /// `zero21` say so, e.g. because its confidence interval contains 0). Mutualism is symmetric
    /// when |θ12 − θ21| ≤ `symmetryTolerance`·max(|θ12|, |θ21|).
    public static func classify(theta12: Double, theta21: Double, zeroTolerance: Double = 0,
                                zero12: Bool = false, zero21: Bool = false,
                                symmetryTolerance: Double = 0.1) -> SymbiosisMode {
        let s12 = zero12 || abs(theta12) <= zeroTolerance ? 0 : (theta12 > 0 ? 1 : -1)
        let s21 = zero21 || abs(theta21) <= zeroTolerance ? 0 : (theta21 > 0 ? 1 : -1)
        switch (s12, s21) {
        case (0, 0): return .independent
        case (1, 1):
            return abs(theta12 - theta21) <= symmetryTolerance * max(abs(theta12), abs(theta21))
                ? .symmetricMutualism : .asymmetricMutualism
        case (1, 0), (0, 1): return .commensalism
        case (-1, 0), (0, -1): return .amensalism
        case (1, -1), (-1, 1): return .parasitism
        default: return .competition
        }
    }
}

/// Interior equilibrium of the Lotka–Volterra system and its stability.
public struct LotkaVolterraEquilibrium: Sendable {
    /// x* = K1(1+θ12)/(1−θ12θ21), y* = K2(1+θ21)/(1−θ12θ21); nil when 1 − θ12θ21 = 0.
    public var x: Double?
    public var y: Double?
    /// Both coordinates positive (a coexistence equilibrium).
    public var exists: Bool
    /// Eigenvalues (real, imaginary) of the continuous-time Jacobian at the equilibrium.
    public var eigenvalues: [(re: Double, im: Double)]
    /// Continuous system: trace < 0 and determinant > 0 (both eigenvalues with negative real part).
    public var stable: Bool
    /// Discretised map (Δt = 1, the fitted one): both eigenvalues 1 + λ inside the unit circle.
    public var stableDiscrete: Bool
}

/// Result of a Lotka–Volterra fit.
public struct LotkaVolterraFit: Sendable {
    public var parameters: LotkaVolterraParameters
    /// Asymptotic standard errors from the Levenberg–Marquardt covariance (nil if singular).
    public var standardErrors: [Double]?
    /// Start values from the log-linear regression.
    public var start: LotkaVolterraParameters
    public var sumOfSquares: Double
    public var converged: Bool
    public var iterations: Int
    public var transitions: Int
}

public enum LotkaVolterra {
    /// Minimum number of transitions for a fit: each equation has 3 coefficients and needs a
    /// residual degree of freedom.
    public static let minimumTransitions = 4

    /// Start values: OLS of the log growth ln(x_{t+1}/x_t) = a0 + a1·x_t + a2·y_t (and the same for
    /// y), read as r1 = a0, K1 = −a0/a1, θ12 = a2·K2/r1. Where a coefficient gives no finite,
    /// positive K the start uses 1.5 × the largest observed value; where r ≈ 0, θ starts at 0.
    public static func startValues(_ tr: [Transition]) -> LotkaVolterraParameters? {
        guard tr.count >= minimumTransitions,
              tr.allSatisfy({ $0.x0 > 0 && $0.y0 > 0 && $0.x1 > 0 && $0.y1 > 0 }) else { return nil }
        let design = tr.map { [1, $0.x0, $0.y0] }
        guard let fx = leastSquares(x: design, y: tr.map { log($0.x1 / $0.x0) }),
              let fy = leastSquares(x: design, y: tr.map { log($0.y1 / $0.y0) }) else { return nil }
        let xMax = tr.map { max($0.x0, $0.x1) }.max()!
        let yMax = tr.map { max($0.y0, $0.y1) }.max()!
        let r1 = fx.coefficients[0], r2 = fy.coefficients[0]
        var k1 = -r1 / fx.coefficients[1], k2 = -r2 / fy.coefficients[2]
        if !(k1.isFinite && k1 > 0) { k1 = 1.5 * xMax }
        if !(k2.isFinite && k2 > 0) { k2 = 1.5 * yMax }
        let t12 = abs(r1) > 1e-12 ? fx.coefficients[2] * k2 / r1 : 0
        let t21 = abs(r2) > 1e-12 ? fy.coefficients[1] * k1 / r2 : 0
        return LotkaVolterraParameters(r1: r1, K1: k1, theta12: t12.isFinite ? t12 : 0,
                                       r2: r2, K2: k2, theta21: t21.isFinite ? t21 : 0)
    }

    /// Nonlinear least squares on the discretised system: minimises
    /// Σ_t [x_{t+1} − step(x_t, y_t).x]² + [y_{t+1} − step(x_t, y_t).y]² over (r1, K1, θ12, r2, K2, θ21)
    /// by Levenberg–Marquardt with the analytic Jacobian, from `start` or the log-linear start.
    /// Returns nil with fewer than `minimumTransitions` transitions, non-positive values, or no start.
    public static func fit(_ tr: [Transition], start: LotkaVolterraParameters? = nil,
                           options: LMOptions = .init()) -> LotkaVolterraFit? {
        guard tr.count >= minimumTransitions, let s0 = start ?? startValues(tr) else { return nil }
        let m = tr.count
        let result = levenbergMarquardt(
            initial: s0.vector, residualCount: 2 * m, options: options,
            residuals: { p, r in
                let (r1, k1, t12, r2, k2, t21) = (p[0], p[1], p[2], p[3], p[4], p[5])
                for i in 0..<m {
                    let o = tr[i]
                    r[2 * i] = o.x1 - o.x0 - r1 * o.x0 * (1 - o.x0 / k1 + t12 * o.y0 / k2)
                    r[2 * i + 1] = o.y1 - o.y0 - r2 * o.y0 * (1 - o.y0 / k2 + t21 * o.x0 / k1)
                }
            },
            jacobian: { p, j in
                let (r1, k1, t12, r2, k2, t21) = (p[0], p[1], p[2], p[3], p[4], p[5])
                for i in 0..<m {
                    let o = tr[i]
                    var row = [Double](repeating: 0, count: 6)
                    row[0] = -o.x0 * (1 - o.x0 / k1 + t12 * o.y0 / k2)
                    row[1] = -r1 * o.x0 * o.x0 / (k1 * k1)
                    row[2] = -r1 * o.x0 * o.y0 / k2
                    row[4] = r1 * o.x0 * t12 * o.y0 / (k2 * k2)
                    j[2 * i] = row
                    var rowY = [Double](repeating: 0, count: 6)
                    rowY[3] = -o.y0 * (1 - o.y0 / k2 + t21 * o.x0 / k1)
                    rowY[4] = -r2 * o.y0 * o.y0 / (k2 * k2)
                    rowY[5] = -r2 * o.y0 * o.x0 / k1
                    rowY[1] = r2 * o.y0 * t21 * o.x0 / (k1 * k1)
                    j[2 * i + 1] = rowY
                }
            })
        guard result.sumOfSquares.isFinite else { return nil }
        return LotkaVolterraFit(parameters: LotkaVolterraParameters(result.parameters),
                                standardErrors: result.standardErrors, start: s0,
                                sumOfSquares: result.sumOfSquares, converged: result.converged,
                                iterations: result.iterations, transitions: m)
    }

    /// Interior equilibrium and its stability (see `LotkaVolterraEquilibrium`).
    public static func equilibrium(_ p: LotkaVolterraParameters) -> LotkaVolterraEquilibrium {
        let den = 1 - p.theta12 * p.theta21
        guard abs(den) > 1e-12 else {
            return LotkaVolterraEquilibrium(x: nil, y: nil, exists: false, eigenvalues: [], stable: false, stableDiscrete: false)
        }
        let bx = (1 + p.theta12) / den, by = (1 + p.theta21) / den
        let j11 = -p.r1 * bx, j12 = p.r1 * p.theta12 * bx * p.K1 / p.K2
        let j21 = p.r2 * p.theta21 * by * p.K2 / p.K1, j22 = -p.r2 * by
        let tr = j11 + j22, det = j11 * j22 - j12 * j21
        let disc = tr * tr / 4 - det
        let eig: [(re: Double, im: Double)] = disc >= 0
            ? [(tr / 2 + disc.squareRoot(), 0), (tr / 2 - disc.squareRoot(), 0)]
            : [(tr / 2, (-disc).squareRoot()), (tr / 2, -(-disc).squareRoot())]
        let discrete = eig.allSatisfy { ((1 + $0.re) * (1 + $0.re) + $0.im * $0.im).squareRoot() < 1 }
        return LotkaVolterraEquilibrium(x: p.K1 * bx, y: p.K2 * by, exists: bx > 0 && by > 0, eigenvalues: eig,
                                        stable: tr < 0 && det > 0, stableDiscrete: discrete)
    }

    /// Iterates the discretised map `steps` times from (x, y); returns the `steps` new points.
    public static func forecast(_ p: LotkaVolterraParameters, x: Double, y: Double, steps: Int) -> [(x: Double, y: Double)] {
        var out: [(x: Double, y: Double)] = []
        out.reserveCapacity(steps)
        var s = (x: x, y: y)
        for _ in 0..<max(0, steps) {
            s = p.step(x: s.x, y: s.y)
            out.append(s)
        }
        return out
    }
}
