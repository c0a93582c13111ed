/// Options of the Levenberg–Marquardt solver.
public struct LMOptions: Sendable {
    public var maxIterations = 200
    /// Stop when a successful step lowers the sum of squares by less than this relative amount.
    public var relativeTolerance = 1e-12
    /// Stop when the step is this small relative to the parameters.
    public var stepTolerance = 1e-12
    /// Initial damping λ (relative to diag(JᵀJ), Marquardt's scaling).
    public var initialDamping = 1e-3
    public init(maxIterations: Int = 200, relativeTolerance: Double = 1e-12, stepTolerance: Double = 1e-12,
                initialDamping: Double = 1e-3) {
        self.maxIterations = maxIterations
        self.relativeTolerance = relativeTolerance
        self.stepTolerance = stepTolerance
        self.initialDamping = initialDamping
    }
}

/// Result of a nonlinear least-squares fit.
public struct LMResult: Sendable {
    public var parameters: [Double]
    public var sumOfSquares: Double
    public var iterations: Int
    public var converged: Bool
    /// σ²(JᵀJ)⁻¹ at the solution with σ² = SSR/(m − p); nil if singular or m ≤ p.
    public var covariance: [[Double]]?
    public var standardErrors: [Double]? {
        covariance.map { c in (0..<c.count).map { c[$0][$0].squareRoot() } }
    }
}

/// Minimises Σ r_i(θ)² by Levenberg–Marquardt with Marquardt's diagonal scaling.
///
/// `residuals(θ, &r)` fills r (length `residualCount`); non-finite residuals make the step
/// rejected. `jacobian(θ, &J)` fills J (residualCount × p, row-major); when nil a central
/// finite-difference Jacobian is used (step 1e-6·max(1,|θ_j|)). Each iteration solves
/// (JᵀJ + λ·diag(JᵀJ))δ = −Jᵀr by Cholesky; a step that lowers the sum of squares is accepted
/// and λ divided by 3, otherwise λ is multiplied by 4 (up to 1e16). Converged when an accepted
/// step's relative decrease or relative size falls below the tolerances, or the gradient is 0.
public func levenbergMarquardt(initial: [Double], residualCount m: Int, options: LMOptions = .init(),
                               residuals: ([Double], inout [Double]) -> Void,
                               jacobian: (([Double], inout [[Double]]) -> Void)? = nil) -> LMResult {
    let p = initial.count
    var theta = initial
    var r = [Double](repeating: 0, count: m)
    var trial = [Double](repeating: 0, count: m)
    var jac = [[Double]](repeating: [Double](repeating: 0, count: p), count: m)

    func sse(_ v: [Double]) -> Double {
        var s = 0.0
        for x in v { s += x * x }
        return s.isFinite ? s : .infinity
    }
    func fillJacobian(_ th: [Double]) {
        if let jacobian {
            jacobian(th, &jac)
            return
        }
        var plus = [Double](repeating: 0, count: m)
        var minus = [Double](repeating: 0, count: m)
        var t = th
        for j in 0..<p {
            let h = 1e-6 * Swift.max(1, abs(th[j]))
            t[j] = th[j] + h
            residuals(t, &plus)
            t[j] = th[j] - h
            residuals(t, &minus)
            t[j] = th[j]
            for i in 0..<m { jac[i][j] = (plus[i] - minus[i]) / (2 * h) }
        }
    }

    residuals(theta, &r)
    var current = sse(r)
    var lambda = options.initialDamping
    var iterations = 0
    var converged = false
    if current.isFinite {
        outer: while iterations < options.maxIterations {
            iterations += 1
            fillJacobian(theta)
            let (jtj, jtr) = DenseLinearAlgebra.normalEquations(jacobian: jac, residuals: r)
            var gradMax = 0.0
            for g in jtr { gradMax = Swift.max(gradMax, abs(g)) }
            if gradMax == 0 { converged = true; break }
            while true {
                var a = jtj
                for j in 0..<p { a[j][j] += lambda * Swift.max(jtj[j][j], 1e-12) }
                if let l = DenseLinearAlgebra.cholesky(a) {
                    let delta = DenseLinearAlgebra.choleskySolve(l, jtr.map { -$0 })
                    var candidate = theta
                    var stepNorm = 0.0
                    var thetaNorm = 0.0
                    for j in 0..<p {
                        candidate[j] += delta[j]
                        stepNorm += delta[j] * delta[j]
                        thetaNorm += theta[j] * theta[j]
                    }
                    residuals(candidate, &trial)
                    let s = sse(trial)
                    if s < current {
                        let decrease = (current - s) / Swift.max(current, 1e-300)
                        theta = candidate
                        swap(&r, &trial)
                        current = s
                        lambda = Swift.max(lambda / 3, 1e-15)
                        if decrease < options.relativeTolerance
                            || stepNorm.squareRoot() < options.stepTolerance * (thetaNorm.squareRoot() + options.stepTolerance) {
                            converged = true
                            break outer
                        }
                        break
                    }
                    if stepNorm.squareRoot() < options.stepTolerance * (thetaNorm.squareRoot() + options.stepTolerance) {
                        converged = true   // no smaller step can improve: at a minimum to precision
                        break outer
                    }
                }
                lambda *= 4
                if lambda > 1e16 { converged = current == 0; break outer }
            }
        }
    }
    var covariance: [[Double]]? = nil
    if m > p, current.isFinite {
        fillJacobian(theta)
        let (jtj, _) = DenseLinearAlgebra.normalEquations(jacobian: jac, residuals: r)
        if let inv = DenseLinearAlgebra.spdInverse(jtj) {
            let s2 = current / Double(m - p)
            covariance = inv.map { $0.map { $0 * s2 } }
        }
    }
    return LMResult(parameters: theta, sumOfSquares: current, iterations: iterations, converged: converged,
                    covariance: covariance)
}
