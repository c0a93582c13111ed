// Small dense least squares: normal equations solved by a scale-invariant Cholesky factorisation,
// with perfect collinearity reported as an error, and the CR1 cluster-robust covariance.
//
// Meant for a handful of regressors (k ≤ ~10) on many rows: the rows are touched once to form X'X and
// X'y; everything after that is O(k³).

/// Errors of the regression routines (RegressionOLS, RegressionFixedEffects, the externality estimator).
/// Each description is one line naming the input, what was expected and what was found.
public enum RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Column `field` has `found` rows; `expected` (the length of `reference`) was required.
    case lengthMismatch(field: String, expected: Int, found: Int, reference: String)
    /// Nothing left to estimate from (`detail` says why).
    case noObservations(detail: String)
    /// `field[index]` is NaN or infinite.
    case nonFinite(field: String, index: Int, value: Double)
    /// `field[index]` is outside the range `expected`.
    case outOfRange(field: String, index: Int, expected: String, found: String)
    /// The regressor `column` is (numerically) a linear combination of `others` after partialling out.
    case collinear(column: String, others: [String])
    /// The regressor `column` has no variation left once the fixed effects are partialled out.
    case noVariation(column: String)
    /// Alternating projections did not reach `tolerance` within `iterations` sweeps.
    case notConverged(iterations: Int, tolerance: Double, achieved: Double)
    /// An argument is outside its domain.
    case invalidArgument(name: String, expected: String, found: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(field, expected, found, reference):
            return "regression input: column `\(field)` has \(found) rows, expected \(expected) (the length of `\(reference)`)"
        case let .noObservations(detail):
            return "regression input: no observations to estimate from: \(detail)"
        case let .nonFinite(field, index, value):
            return "regression input: `\(field)[\(index)]` must be finite, found \(value)"
        case let .outOfRange(field, index, expected, found):
            return "regression input: `\(field)[\(index)]` must be \(expected), found \(found)"
        case let .collinear(column, others):
            let with = others.isEmpty ? "the fixed effects" : others.joined(separator: ", ")
            return "regression: regressor `\(column)` is perfectly collinear with \(with); drop or redefine it"
        case let .noVariation(column):
            return "regression: regressor `\(column)` has no variation left after partialling out the fixed effects"
        case let .notConverged(iterations, tolerance, achieved):
            return "regression: two-way demeaning did not converge to tolerance \(tolerance) in \(iterations) sweeps (estimated error \(achieved))"
        case let .invalidArgument(name, expected, found):
            return "regression: argument `\(name)` must be \(expected), found \(found)"
        }
    }
}

/// A symmetric positive definite k×k matrix held densely (row-major), with the few operations the
/// estimators need. Internal.
struct SmallSymmetric {
    var k: Int
    var a: [Double]

    init(k: Int) {
        self.k = k
        a = [Double](repeating: 0, count: k * k)
    }

    subscript(i: Int, j: Int) -> Double {
        get { a[i * k + j] }
        set { a[i * k + j] = newValue }
    }

    /// Inverse of the matrix, or the index of the first column that is (to relative tolerance
    /// `relativePivot`) a linear combination of the earlier ones.
    ///
    /// The matrix is first scaled to unit diagonal (a correlation-like matrix), so the test does not
    /// depend on the units of the regressors; a column whose Cholesky pivot, relative to its own
    /// (unit) squared norm, falls below `relativePivot` is declared collinear. A zero diagonal is
    /// reported as collinear too.
    func inverse(relativePivot: Double = 1e-10) -> Result<SmallSymmetric, CollinearColumn> {
        var scale = [Double](repeating: 0, count: k)
        for i in 0..<k {
            let d = self[i, i]
            guard d > 0, d.isFinite else { return .failure(CollinearColumn(index: i)) }
            scale[i] = 1 / d.squareRoot()
        }
        // Cholesky L L' of the scaled matrix.
        var l = [Double](repeating: 0, count: k * k)
        for j in 0..<k {
            var s = self[j, j] * scale[j] * scale[j]
            for p in 0..<j { s -= l[j * k + p] * l[j * k + p] }
            guard s > relativePivot else { return .failure(CollinearColumn(index: j)) }
            let ljj = s.squareRoot()
            l[j * k + j] = ljj
            for i in (j + 1)..<k {
                var t = self[i, j] * scale[i] * scale[j]
                for p in 0..<j { t -= l[i * k + p] * l[j * k + p] }
                l[i * k + j] = t / ljj
            }
        }
        // Inverse of L (lower triangular), then (L L')^{-1} = L^{-T} L^{-1}.
        var li = [Double](repeating: 0, count: k * k)
        for j in 0..<k {
            li[j * k + j] = 1 / l[j * k + j]
            for i in (j + 1)..<k {
                var t = 0.0
                for p in j..<i { t -= l[i * k + p] * li[p * k + j] }
                li[i * k + j] = t / l[i * k + i]
            }
        }
        var inv = SmallSymmetric(k: k)
        for i in 0..<k {
            for j in 0...i {
                var t = 0.0
                for p in i..<k { t += li[p * k + i] * li[p * k + j] }
                // Undo the scaling: (S A S)^{-1} = S^{-1} A^{-1} S^{-1}, so A^{-1} = S (SAS)^{-1} S.
                let v = t * scale[i] * scale[j]
                inv[i, j] = v
                inv[j, i] = v
            }
        }
        return .success(inv)
    }

    /// Matrix–vector product.
    func times(_ v: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: k)
        for i in 0..<k {
            var t = 0.0
            for j in 0..<k { t += a[i * k + j] * v[j] }
            out[i] = t
        }
        return out
    }

    /// The principal submatrix on `indices` (in that order).
    func submatrix(_ indices: [Int]) -> SmallSymmetric {
        var s = SmallSymmetric(k: indices.count)
        for (p, i) in indices.enumerated() {
            for (q, j) in indices.enumerated() { s[p, q] = self[i, j] }
        }
        return s
    }
}

/// The column that made a Cholesky factorisation fail (internal).
struct CollinearColumn: Error {
    var index: Int
}

/// Result of `ordinaryLeastSquares`.
public struct RegressionFit: Sendable, Equatable {
    /// OLS coefficients, one per design column, in the order given.
    public var coefficients: [Double]
    /// (X'X)^{-1}, row-major k×k.
    public var xtxInverse: [Double]
    /// y − Xb, one per row.
    public var residuals: [Double]
    /// Sum of squared residuals.
    public var ssr: Double
}

/// Ordinary least squares of `response` on the design `columns` (no intercept is added: include a
/// column of ones if one is wanted).
///
/// Solves the normal equations X'X b = X'y by a Cholesky factorisation of the unit-diagonal scaled
/// X'X. Throws `RegressionError.collinear` naming the first column (in the given order) that is a
/// linear combination of the earlier ones (relative pivot below 1e-10, i.e. R² of that column on the
/// others above 1 − 1e-10), `.lengthMismatch`, `.noObservations` (no rows, no columns, or fewer
/// rows than columns) or `.nonFinite`.
///
/// - Parameters:
///   - columns: k design columns of n rows each.
///   - response: n values.
///   - names: optional names for the columns used in error messages (default `x0`, `x1`, ...).
public func ordinaryLeastSquares(columns: [[Double]], response: [Double], names: [String]? = nil) throws -> RegressionFit {
    let k = columns.count
    let n = response.count
    let label = names ?? (0..<k).map { "x\($0)" }
    guard k > 0 else { throw RegressionError.noObservations(detail: "the design has no columns") }
    guard label.count == k else {
        throw RegressionError.lengthMismatch(field: "names", expected: k, found: label.count, reference: "columns")
    }
    for (c, col) in columns.enumerated() where col.count != n {
        throw RegressionError.lengthMismatch(field: label[c], expected: n, found: col.count, reference: "response")
    }
    guard n >= k else { throw RegressionError.noObservations(detail: "\(n) rows for \(k) regressors") }
    for (i, v) in response.enumerated() where !v.isFinite {
        throw RegressionError.nonFinite(field: "response", index: i, value: v)
    }
    for (c, col) in columns.enumerated() {
        for (i, v) in col.enumerated() where !v.isFinite {
            throw RegressionError.nonFinite(field: label[c], index: i, value: v)
        }
    }
    var xtx = SmallSymmetric(k: k)
    var xty = [Double](repeating: 0, count: k)
    for i in 0..<k {
        for j in 0...i {
            var s = 0.0
            for r in 0..<n { s += columns[i][r] * columns[j][r] }
            xtx[i, j] = s
            xtx[j, i] = s
        }
        var t = 0.0
        for r in 0..<n { t += columns[i][r] * response[r] }
        xty[i] = t
    }
    let inv: SmallSymmetric
    switch xtx.inverse() {
    case .success(let m): inv = m
    case .failure(let bad):
        throw RegressionError.collinear(column: label[bad.index], others: Array(label[..<bad.index]))
    }
    let b = inv.times(xty)
    var residuals = response
    var ssr = 0.0
    for r in 0..<n {
        var fit = 0.0
        for c in 0..<k { fit += columns[c][r] * b[c] }
        residuals[r] -= fit
        ssr += residuals[r] * residuals[r]
    }
    return RegressionFit(coefficients: b, xtxInverse: inv.a, residuals: residuals, ssr: ssr)
}

/// CR1 cluster-robust covariance of OLS coefficients, from per-cluster cross products.
///
/// V = c · A (Σ_g s_g s_g') A with A = (X'X)^{-1}, s_g = X_g'y_g − X_g'X_g b the score of cluster g,
/// and c = G/(G−1) · (N−1)/(N−K) (Cameron, Gelbach & Miller 2008; Cameron & Miller 2015, §VI), K
/// counting every estimated parameter that is not nested within the clusters.
///
/// - Parameters:
///   - crossProducts: G blocks of (k+1)² numbers, block g the row-major cross-product matrix
///     [X_g y_g]'[X_g y_g] of cluster g (the response in the last row/column).
///   - k: number of regressors.
///   - inverse: A = (X'X)^{-1}.
///   - coefficients: b.
///   - scale: the small-sample factor c.
/// - Returns: V, row-major k×k.
func clusterRobustCovariance(crossProducts: [Double], k: Int, inverse: SmallSymmetric, coefficients b: [Double], scale: Double) -> SmallSymmetric {
    let w = k + 1
    let g = crossProducts.count / (w * w)
    var meat = SmallSymmetric(k: k)
    var s = [Double](repeating: 0, count: k)
    for c in 0..<g {
        let base = c * w * w
        for i in 0..<k {
            var t = crossProducts[base + i * w + k]
            for j in 0..<k { t -= crossProducts[base + i * w + j] * b[j] }
            s[i] = t
        }
        for i in 0..<k {
            for j in 0..<k { meat[i, j] += s[i] * s[j] }
        }
    }
    var v = SmallSymmetric(k: k)
    // A meat A
    var tmp = [Double](repeating: 0, count: k * k)
    for i in 0..<k {
        for j in 0..<k {
            var t = 0.0
            for p in 0..<k { t += inverse[i, p] * meat[p, j] }
            tmp[i * k + j] = t
        }
    }
    for i in 0..<k {
        for j in 0..<k {
            var t = 0.0
            for p in 0..<k { t += tmp[i * k + p] * inverse[p, j] }
            v[i, j] = t * scale
        }
    }
    return v
}
