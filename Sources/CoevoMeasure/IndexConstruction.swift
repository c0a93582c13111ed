/// Over which observations an indicator's min and max are taken.
public enum RangeMode: String, Sendable, CaseIterable {
    /// One min/max per indicator over all unit-years (comparable across time).
    case pooled
    /// One min/max per indicator and time period (comparable across units within a year only).
    case perTime = "per_time"
}

/// Min and max of one indicator (per period when the range mode is per time).
public struct IndicatorBounds: Sendable, Equatable {
    public var min: Double
    public var max: Double
    public init(min: Double, max: Double) { self.min = min; self.max = max }
}

/// A subsystem index built from raw indicator values by min–max normalisation, a zero shift and
/// weights (entropy or given).
public struct SubsystemIndex: Sendable {
    /// Indicator weights, summing to 1.
    public var weights: [Double]
    /// Shifted normalised matrix (rows = observations) used for weights and scores.
    public var normalized: [[Double]]
    /// Score U of each observation: Σ_j w_j·min(1, x'_ij), in [0,1].
    public var scores: [Double]
}

/// Normalises the raw matrix `values` (rows = observations, columns = indicators) column by
/// column with `normalize(_:min:max:direction:)`, the bounds taken over all rows (`pooled`) or
/// over the rows sharing a `times` value (`perTime`); then applies `shift`.
///
/// Precondition: every row has `directions.count` values; `times` (needed for `perTime`) has
/// one entry per row. A column with zero range in its group normalises to 0.5 before the shift
/// (callers reject such indicators for pooled ranges; see CoevoEmpirics).
public func normalizeMatrix(_ values: [[Double]], directions: [Direction], range: RangeMode = .pooled,
                            times: [Int]? = nil, shift: ZeroShift) -> [[Double]] {
    let m = values.count
    let k = directions.count
    var out = [[Double]](repeating: [Double](repeating: 0, count: k), count: m)
    var groups: [[Int]] = [Array(0..<m)]
    if range == .perTime {
        precondition(times?.count == m, "normalizeMatrix: per-time ranges need one time per row")
        var byTime: [Int: [Int]] = [:]
        for (i, t) in times!.enumerated() { byTime[t, default: []].append(i) }
        groups = byTime.keys.sorted().map { byTime[$0]! }
    }
    for j in 0..<k {
        for g in groups {
            var lo = Double.infinity, hi = -Double.infinity
            for i in g {
                lo = Swift.min(lo, values[i][j])
                hi = Swift.max(hi, values[i][j])
            }
            for i in g { out[i][j] = normalize(values[i][j], min: lo, max: hi, direction: directions[j]) }
        }
        var colMin = Double.infinity
        for i in 0..<m { colMin = Swift.min(colMin, out[i][j]) }
        for i in 0..<m { out[i][j] = shift.apply(out[i][j], columnMin: colMin) }
    }
    return out
}

/// Builds a subsystem index: normalise (see `normalizeMatrix`), weights by the entropy method on
/// the shifted matrix (shift `.none` inside, since it is already applied) unless `weights` are
/// given, then U = Σ_j w_j·min(1, x'_ij).
public func buildSubsystemIndex(_ values: [[Double]], directions: [Direction], range: RangeMode = .pooled,
                                times: [Int]? = nil, shift: ZeroShift = .add(0.0001),
                                weights given: [Double]? = nil) -> SubsystemIndex {
    let x = normalizeMatrix(values, directions: directions, range: range, times: times, shift: shift)
    let w = given ?? entropyWeights(normalized: x, shift: .none)
    let scores = x.map { row in
        var s = 0.0
        for j in 0..<row.count { s += w[j] * Swift.min(1, row[j]) }
        return Swift.min(1, Swift.max(0, s))
    }
    return SubsystemIndex(weights: w, normalized: x, scores: scores)
}
