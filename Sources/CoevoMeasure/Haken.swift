/// One ordering of the Haken model, q1 the candidate order parameter:
/// q1(t+1) = (1−γ1)·q1 − a·q1·q2,   q2(t+1) = (1−γ2)·q2 + b·q1².
public struct HakenFit: Sendable {
    public var gamma1: Double, gamma2: Double, a: Double, b: Double
    /// t statistics of γ1, γ2, a, b (those of the OLS coefficients; γ = 1 − c has the t of c − 1).
    public var tGamma1: Double, tGamma2: Double, tA: Double, tB: Double
    public var rSquared1: Double, rSquared2: Double
    /// Adiabatic elimination valid: γ2 > 0 and γ2 > |γ1| (q2 decays faster than q1).
    public var adiabatic: Bool { gamma2 > 0 && gamma2 > abs(gamma1) }
    /// Potential V(q1) = ½γ1·q1² + (a·b/(4γ2))·q1⁴, from q2 ≈ b·q1²/γ2 in dq1/dt = −γ1q1 − a·q1·q2.
    public var potentialQuadratic: Double { gamma1 / 2 }
    public var potentialQuartic: Double { a * b / (4 * gamma2) }
}

/// Both orderings and the identified order parameter.
public struct HakenAnalysis: Sendable {
    /// q1 = series 1 (e.g. U1), q2 = series 2.
    public var first: HakenFit
    /// q1 = series 2, q2 = series 1.
    public var second: HakenFit
    /// 0 if series 1 is the order parameter, 1 if series 2, nil if neither ordering satisfies the
    /// adiabatic condition. When both do, the one with the larger γ2/|γ1| wins.
    public var orderParameter: Int?
}

public enum Haken {
    /// Minimum transitions: two coefficients per equation plus one residual degree of freedom.
    public static let minimumTransitions = 3

    /// Fits one ordering by OLS without intercept: q1' on (q1, q1·q2); q2' on (q2, q1²).
    /// Returns nil with too few transitions or collinear regressors.
    public static func fit(_ tr: [Transition]) -> HakenFit? {
        guard tr.count >= minimumTransitions,
              let e1 = leastSquares(x: tr.map { [$0.x0, $0.x0 * $0.y0] }, y: tr.map { $0.x1 }),
              let e2 = leastSquares(x: tr.map { [$0.y0, $0.x0 * $0.x0] }, y: tr.map { $0.y1 }) else { return nil }
        let c = e1.coefficients, d = e2.coefficients
        return HakenFit(gamma1: 1 - c[0], gamma2: 1 - d[0], a: -c[1], b: d[1],
                        tGamma1: (1 - c[0]) / e1.standardErrors[0], tGamma2: (1 - d[0]) / e2.standardErrors[0],
                        tA: -e1.tStatistics[1], tB: e2.tStatistics[1],
                        rSquared1: e1.rSquared, rSquared2: e2.rSquared)
    }

    /// Fits both orderings and names the order parameter.
    public static func analyse(_ tr: [Transition]) -> HakenAnalysis? {
        let swapped = tr.map { Transition(x0: $0.y0, y0: $0.x0, x1: $0.y1, y1: $0.x1) }
        guard let f = fit(tr), let s = fit(swapped) else { return nil }
        var order: Int? = nil
        switch (f.adiabatic, s.adiabatic) {
        case (true, false): order = 0
        case (false, true): order = 1
        case (true, true):
            order = f.gamma2 / max(abs(f.gamma1), 1e-300) >= s.gamma2 / max(abs(s.gamma1), 1e-300) ? 0 : 1
        default: order = nil
        }
        return HakenAnalysis(first: f, second: s, orderParameter: order)
    }
}
