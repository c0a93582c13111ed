/// Ordinary least squares y = Xβ + e with classical standard errors and t statistics, for the
/// small models of this library (Haken equations, Lotka–Volterra start values, growth curves).
/// The fit itself is `ordinaryLeastSquares(columns:response:names:)` (RegressionOLS.swift), the one
/// least-squares solver of the package; this file adds classical (homoskedastic) inference.
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

/// Fits y on the columns of `x` (rows = observations, each with the same k ≥ 1 entries). Returns
/// nil when the rows are ragged, n ≤ k, a value is not finite, or a column is (to a relative pivot
/// of 1e-10) a linear combination of the others. No intercept is added: include a column of ones
/// for one. Standard errors are √(s²·[(XᵀX)⁻¹]_jj) with s² = SSR/(n − k).
public func leastSquares(x: [[Double]], y: [Double]) -> LeastSquaresFit? {
    let n = y.count
    guard n == x.count, let k = x.first?.count, k >= 1, n > k, x.allSatisfy({ $0.count == k }) else { return nil }
    let columns = (0..<k).map { j in x.map { $0[j] } }
    guard let fit = try? ordinaryLeastSquares(columns: columns, response: y) else { return nil }
    let hasIntercept = columns.contains { $0.allSatisfy { $0 == 1 } }
    let mean = y.reduce(0, +) / Double(n)
    var sst = 0.0
    for v in y { sst += hasIntercept ? (v - mean) * (v - mean) : v * v }
    let s2 = fit.ssr / Double(n - k)
    let se = (0..<k).map { (s2 * fit.xtxInverse[$0 * k + $0]).squareRoot() }
    let t = (0..<k).map { se[$0] > 0 ? fit.coefficients[$0] / se[$0] : .infinity }
    return LeastSquaresFit(coefficients: fit.coefficients, standardErrors: se, tStatistics: t, residualVariance: s2,
                           sumOfSquaredResiduals: fit.ssr, rSquared: sst > 0 ? 1 - fit.ssr / sst : 1, observations: n)
}
