/// Ordinary least squares y = Xβ + e with classical standard errors and t statistics, for the
/// small models of this library (Haken equations, Lotka–Volterra start values).
public struct LeastSquaresFit: Sendable, Equatable {
    public var coefficients: [Double]
    public var standardErrors: [Double]
    public var tStatistics: [Double]
    /// Residual variance s² = SSR/(n − k).
    public var residualVariance: Double
    public var sumOfSquaredResiduals: Double
    /// Uncentred R² when the model has no intercept column of ones, centred otherwise.
    public var rSquared: Double
    public var observations: Int
}

/// Fits y on the columns of `x` (rows = observations). Returns nil when n ≤ k or XᵀX is
/// singular (collinear columns). No intercept is added: include a column of ones for one.
public func leastSquares(x: [[Double]], y: [Double]) -> LeastSquaresFit? {
    let n = y.count
    guard n == x.count, let k = x.first?.count, k >= 1, n > k else { return nil }
    let (xtx, xty) = DenseLinearAlgebra.normalEquations(jacobian: x, residuals: y)
    guard let l = DenseLinearAlgebra.cholesky(xtx), let inv = DenseLinearAlgebra.spdInverse(xtx) else { return nil }
    let beta = DenseLinearAlgebra.choleskySolve(l, xty)
    var ssr = 0.0
    var hasIntercept = false
    for j in 0..<k where x.allSatisfy({ $0[j] == 1 }) { hasIntercept = true }
    let mean = y.reduce(0, +) / Double(n)
    var sst = 0.0
    for i in 0..<n {
        var fit = 0.0
        for j in 0..<k { fit += x[i][j] * beta[j] }
        ssr += (y[i] - fit) * (y[i] - fit)
        sst += hasIntercept ? (y[i] - mean) * (y[i] - mean) : y[i] * y[i]
    }
    let s2 = ssr / Double(n - k)
    let se = (0..<k).map { (s2 * inv[$0][$0]).squareRoot() }
    let t = (0..<k).map { se[$0] > 0 ? beta[$0] / se[$0] : .infinity }
    return LeastSquaresFit(coefficients: beta, standardErrors: se, tStatistics: t, residualVariance: s2,
                           sumOfSquaredResiduals: ssr, rSquared: sst > 0 ? 1 - ssr / sst : 1, observations: n)
}
