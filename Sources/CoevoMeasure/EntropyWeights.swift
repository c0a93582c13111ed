import Foundation

/// Zero-avoidance convention applied to min–max normalised values before the entropy method
/// (so that p·ln p is defined and no indicator value is exactly 0).
///
/// - `none`: values used as they are; 0·ln 0 is taken as 0.
/// - `add(a)`: x' = x + a (the literature's +0.0001 or +0.001).
/// - `rescale(ε)`: x' = ε + (1 − 2ε)·x, i.e. [0,1] mapped onto [ε, 1−ε].
/// - `minShift(c)`: x' = x + |min_j| + c, where min_j is the column minimum (the "shift by
///   |min| + 0.01" convention; for min–max data min_j = 0, so this adds c).
public enum ZeroShift: Sendable, Equatable {
    case none
    case add(Double)
    case rescale(Double)
    case minShift(Double)

    /// Applies the shift to one value of a column whose minimum is `columnMin`.
    @inline(__always)
    public func apply(_ x: Double, columnMin: Double) -> Double {
        switch self {
        case .none: return x
        case .add(let a): return x + a
        case .rescale(let e): return e + (1 - 2 * e) * x
        case .minShift(let c): return x + abs(columnMin) + c
        }
    }
}

/// Entropy weights of the columns of a (rows = observations, columns = indicators) matrix that is already normalised to [0,1].
///
/// For each column j: x'_ij = shift(x_ij); p_ij = x'_ij / Σ_i x'_ij;
/// e_j = −k Σ_i p_ij ln p_ij with k = 1/ln m (m = number of rows, so a pooled panel of
/// units × years gives k = 1/ln(units·years)) and 0·ln 0 = 0; d_j = 1 − e_j; w_j = d_j / Σ d.
///
/// Contract: at least 2 rows and 1 column, all rows of equal length (preconditions); shifted
/// values must be ≥ 0. Degenerate cases: a column whose shifted values sum to 0, or are all
/// equal, has e_j = 1 and weight 0; if every column is degenerate (Σd = 0) the weights are
/// equal (1/columns). Weights sum to 1.
public func entropyWeights(normalized: [[Double]], shift: ZeroShift = .add(0.0001)) -> [Double] {
    let m = normalized.count
    precondition(m >= 2, "entropyWeights needs at least two observations, got \(m)")
    let cols = normalized[0].count
    precondition(cols >= 1, "entropyWeights needs at least one indicator")
    for row in normalized {
        precondition(row.count == cols, "entropyWeights: ragged matrix (\(row.count) vs \(cols) columns)")
    }
    let k = 1 / log(Double(m))
    var d = [Double](repeating: 0, count: cols)
    for j in 0..<cols {
        var colMin = Double.infinity
        for i in 0..<m { colMin = Swift.min(colMin, normalized[i][j]) }
        var total = 0.0
        for i in 0..<m { total += shift.apply(normalized[i][j], columnMin: colMin) }
        guard total > 0, total.isFinite else { d[j] = 0; continue }
        var h = 0.0
        for i in 0..<m {
            let p = shift.apply(normalized[i][j], columnMin: colMin) / total
            if p > 0 { h -= p * log(p) }
        }
        d[j] = Swift.max(0, 1 - k * h)
    }
    let sum = d.reduce(0, +)
    guard sum > 0 else { return [Double](repeating: 1 / Double(cols), count: cols) }
    for j in 0..<cols { d[j] /= sum }
    return d
}
