/// Whether larger values of an indicator mean more development (`positive`) or less (`negative`,
/// e.g. a price or a cost).
public enum Direction: String, Sendable {
    case positive, negative
}

/// Min–max normalisation of one indicator value against fixed bounds, direction-aware, clamped to [0,1].
///
/// positive: (x − min)/(max − min); negative: (max − x)/(max − min). Values outside the bounds are
/// clamped (the simulator uses fixed bounds from a reference panel, so later values may exceed
/// them). Degenerate bounds (max ≤ min, an indicator with zero range) carry no information and
/// return 0.5 by convention; the empirical layer reports such indicators instead of using them.
/// A NaN input gives NaN.
@inline(__always)
public func normalize(_ x: Double, min: Double, max: Double, direction: Direction) -> Double {
    let range = max - min
    guard range > 0 else { return x.isNaN ? x : 0.5 }
    let z: Double
    switch direction {
    case .positive: z = (x - min) / range
    case .negative: z = (max - x) / range
    }
    return clamp01(z)
}
