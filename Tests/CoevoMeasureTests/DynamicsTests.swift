import Testing
@testable import CoevoMeasure

/// Levenberg–Marquardt, Lotka–Volterra and Haken fits: against scipy/numpy
/// (scripts/crosscheck/measure_reference.py) and by parameter recovery from simulated series.
@Suite struct DynamicsTests {
    @Test func levenbergMarquardtOnRosenbrock() {
        // Rosenbrock as least squares: r = (10(y − x²), 1 − x); minimum (1, 1), SSE 0.
        let fit = levenbergMarquardt(initial: [-1.2, 1], residualCount: 2) { p, r in
            r[0] = 10 * (p[1] - p[0] * p[0])
            r[1] = 1 - p[0]
        }
        #expect(fit.converged)
        #expect(abs(fit.parameters[0] - 1) < 1e-8 && abs(fit.parameters[1] - 1) < 1e-8)
    }

    @Test func levenbergMarquardtExponentialWithNumericJacobian() {
        // y = 2·exp(−0.3 t) exactly: recovers (2, 0.3) with the finite-difference Jacobian.
        let t = (0..<10).map(Double.init)
        let y = t.map { 2 * exp(-0.3 * $0) }
        let fit = levenbergMarquardt(initial: [1, 0.1], residualCount: 10) { p, r in
            for i in 0..<10 { r[i] = y[i] - p[0] * exp(-p[1] * t[i]) }
        }
        #expect(abs(fit.parameters[0] - 2) < 1e-7 && abs(fit.parameters[1] - 0.3) < 1e-7)
    }

    @Test func lotkaVolterraMatchesScipy() throws {
        let tr = Transition.of(x: Ref.lvX, y: Ref.lvY)
        let start = LotkaVolterraParameters([0.3, 1.2, 0.0, 0.3, 1.0, 0.0])   // scipy's x0
        let fit = try #require(LotkaVolterra.fit(tr, start: start))
        #expect(fit.converged)
        #expect(abs(fit.sumOfSquares - Ref.lvScipySSE) < 1e-12)
        for j in 0..<6 { #expect(abs(fit.parameters.vector[j] - Ref.lvScipyEstimate[j]) < 1e-5, "parameter \(j)") }
        // From the log-linear start too.
        let auto = try #require(LotkaVolterra.fit(tr))
        for j in 0..<6 { #expect(abs(auto.parameters.vector[j] - Ref.lvScipyEstimate[j]) < 1e-5) }
    }

    @Test func lotkaVolterraEqualsLinearReparametrisation() throws {
        // Δx = a0·x + a1·x² + a2·x·y is linear in a, so the NLS optimum must equal OLS mapped back:
        // r1 = a0, K1 = −a0/a1, θ12 = a2·K2/r1 — an independent check of the LM solution.
        let tr = Transition.of(x: Ref.lvX, y: Ref.lvY)
        let fit = try #require(LotkaVolterra.fit(tr)).parameters
        let ox = try #require(leastSquares(x: tr.map { [$0.x0, $0.x0 * $0.x0, $0.x0 * $0.y0] }, y: tr.map { $0.x1 - $0.x0 }))
        let oy = try #require(leastSquares(x: tr.map { [$0.y0, $0.y0 * $0.y0, $0.x0 * $0.y0] }, y: tr.map { $0.y1 - $0.y0 }))
        let k1 = -ox.coefficients[0] / ox.coefficients[1], k2 = -oy.coefficients[0] / oy.coefficients[1]
        #expect(abs(fit.r1 - ox.coefficients[0]) < 1e-7 && abs(fit.K1 - k1) < 1e-6)
        #expect(abs(fit.theta12 - ox.coefficients[2] * k2 / ox.coefficients[0]) < 1e-6)
        #expect(abs(fit.theta21 - oy.coefficients[2] * k1 / oy.coefficients[0]) < 1e-6)
    }

    /// Simulates the discretised LV system with Gaussian noise of s.d. `noise` on each step.
    static func simulateLV(_ p: LotkaVolterraParameters, periods: Int, noise: Double, rng: inout SplitMix64,
                           x0: Double = 0.08, y0: Double = 0.1) -> (x: [Double], y: [Double]) {
        var x = [x0], y = [y0]
        for _ in 1..<periods {
            let s = p.step(x: x.last!, y: y.last!)
            x.append(max(1e-4, s.x + noise * rng.nextGaussian()))
            y.append(max(1e-4, s.y + noise * rng.nextGaussian()))
        }
        return (x, y)
    }

    @Test func lotkaVolterraParameterRecovery() throws {
        // Three panels of 4 units × 25 periods, noise s.d. 0.003. Tolerances: |Δr| < 0.05,
        // |ΔK|/K < 10%, |Δθ| < 0.15 (θ is the least identified parameter).
        let truth = LotkaVolterraParameters(r1: 0.4, K1: 1.0, theta12: 0.5, r2: 0.3, K2: 0.7, theta21: -0.3)
        var rng = SplitMix64(seed: 42)
        for _ in 0..<3 {
            var tr: [Transition] = []
            for u in 0..<4 {
                let s = Self.simulateLV(truth, periods: 25, noise: 0.003, rng: &rng, x0: 0.05 + 0.03 * Double(u), y0: 0.08)
                tr += Transition.of(x: s.x, y: s.y)
            }
            let p = try #require(LotkaVolterra.fit(tr)).parameters
            #expect(abs(p.r1 - truth.r1) < 0.05 && abs(p.r2 - truth.r2) < 0.05)
            #expect(abs(p.K1 / truth.K1 - 1) < 0.1 && abs(p.K2 / truth.K2 - 1) < 0.1)
            #expect(abs(p.theta12 - truth.theta12) < 0.15 && abs(p.theta21 - truth.theta21) < 0.15)
            #expect(SymbiosisMode.classify(theta12: p.theta12, theta21: p.theta21) == .parasitism)
        }
    }

    @Test func symbiosisModesEquilibriumAndForecast() {
        #expect(SymbiosisMode.classify(theta12: 0, theta21: 0) == .independent)
        #expect(SymbiosisMode.classify(theta12: 0.5, theta21: 0.52) == .symmetricMutualism)
        #expect(SymbiosisMode.classify(theta12: 0.5, theta21: 0.2) == .asymmetricMutualism)
        #expect(SymbiosisMode.classify(theta12: 0.5, theta21: 0.01, zeroTolerance: 0.05) == .commensalism)
        #expect(SymbiosisMode.classify(theta12: -0.5, theta21: 0.3, zero21: true) == .amensalism)
        #expect(SymbiosisMode.classify(theta12: -0.5, theta21: 0.3) == .parasitism)
        #expect(SymbiosisMode.classify(theta12: -0.5, theta21: -0.3) == .competition)
        // Hand-worked: θ12 = 0.5, θ21 = 0.2: x* = K1·1.5/0.9, y* = K2·1.2/0.9; mutualism with
        // θ12θ21 < 1 is stable.
        let p = LotkaVolterraParameters(r1: 0.4, K1: 1, theta12: 0.5, r2: 0.3, K2: 0.7, theta21: 0.2)
        let e = LotkaVolterra.equilibrium(p)
        #expect(abs(e.x! - 1.5 / 0.9) < 1e-12 && abs(e.y! - 0.7 * 1.2 / 0.9) < 1e-12)
        #expect(e.exists && e.stable && e.stableDiscrete)
        let f = LotkaVolterra.forecast(p, x: e.x!, y: e.y!, steps: 3)
        #expect(f.count == 3 && abs(f[2].x - e.x!) < 1e-12)        // the equilibrium is a fixed point
        let far = LotkaVolterra.forecast(p, x: 0.1, y: 0.1, steps: 400).last!
        #expect(abs(far.x - e.x!) < 1e-6 && abs(far.y - e.y!) < 1e-6)
        // Strong mutualism θ12θ21 > 1: no positive equilibrium.
        #expect(!LotkaVolterra.equilibrium(LotkaVolterraParameters(r1: 0.4, K1: 1, theta12: 2, r2: 0.3, K2: 1, theta21: 1)).exists)
        // Strong competition: a saddle.
        let comp = LotkaVolterra.equilibrium(LotkaVolterraParameters(r1: 0.4, K1: 1, theta12: -2, r2: 0.3, K2: 1, theta21: -2))
        #expect(!comp.stable)
    }

    @Test func tooFewPeriods() {
        #expect(LotkaVolterra.fit(Transition.of(x: [0.1, 0.2, 0.3], y: [0.2, 0.3, 0.4])) == nil)
        #expect(Haken.fit(Transition.of(x: [0.1, 0.2, 0.3], y: [0.2, 0.3, 0.4])) == nil)
    }

    @Test func hakenMatchesNumpy() throws {
        let f = try #require(Haken.fit(Transition.of(x: Ref.hakenQ1, y: Ref.hakenQ2)))
        let est = [f.gamma1, f.gamma2, f.a, f.b], t = [f.tGamma1, f.tGamma2, f.tA, f.tB]
        for j in 0..<4 {
            #expect(abs(est[j] - Ref.hakenReference[j]) < 1e-10)
            #expect(abs(t[j] - Ref.hakenReferenceT[j]) < 1e-8)
        }
    }

    @Test func hakenRecoveryAndOrderParameter() throws {
        // q1 slow (γ1 = −0.05, growing), q2 fast (γ2 = 0.6): q1 must be named the order parameter.
        let (g1, g2, a, b) = (-0.05, 0.6, 0.3, 0.8)
        var rng = SplitMix64(seed: 7)
        var q1 = [0.1], q2 = [0.05]
        for _ in 1..<40 {
            let n1 = (1 - g1) * q1.last! - a * q1.last! * q2.last! + 0.002 * rng.nextGaussian()
            let n2 = (1 - g2) * q2.last! + b * q1.last! * q1.last! + 0.002 * rng.nextGaussian()
            q1.append(n1)
            q2.append(n2)
        }
        let h = try #require(Haken.analyse(Transition.of(x: q1, y: q2)))
        #expect(abs(h.first.gamma1 - g1) < 0.02 && abs(h.first.gamma2 - g2) < 0.1)
        #expect(abs(h.first.a - a) < 0.1 && abs(h.first.b - b) < 0.15)
        #expect(h.first.adiabatic && h.orderParameter == 0)
        #expect(abs(h.first.potentialQuartic - h.first.a * h.first.b / (4 * h.first.gamma2)) < 1e-15)
    }
}

import Foundation
