/// Thresholds of the `stage.ccd` classifier (MODEL.md §4).
public struct CCDStageThresholds: Sendable, Equatable {
    /// Imbalance tolerance: stage 1 needs U1/U2 > 1 + ε, stage 3 needs |U1 − U2| < ε.
    public var epsilon = 0.1
    /// D below d1: stage 1 possible; d1 ≤ D < d2: stage 2.
    public var d1 = 0.5
    /// D ≥ d2 with balance: stage 3.
    public var d2 = 0.6
    /// D ≥ d3: stage 4.
    public var d3 = 0.8
    public init(epsilon: Double = 0.1, d1: Double = 0.5, d2: Double = 0.6, d3: Double = 0.8) {
        self.epsilon = epsilon
        self.d1 = d1
        self.d2 = d2
        self.d3 = d3
    }
}

/// MODEL.md §4 `stage.ccd`: 1 if U1/U2 > 1+ε and D < d1; 2 if d1 ≤ D < d3 and not stage 3;
/// 3 if |U1−U2| < ε and D ≥ d2; 4 if D ≥ d3; else 0.
///
/// Precedence: the conditions are tested from the highest stage down and the first that holds
/// wins — 4, then 3, then 2, then 1, else 0. MODEL.md's stage 2 is d1 ≤ D < d2; a pair with
/// d2 ≤ D < d3 that is not yet balanced (|U1−U2| ≥ ε) matched no stage there and is read as
/// stage 2 here: coordination has risen but the two subsystems are still adjusting to each
/// other, which is the paper's stage 2 ("相互磨合", §3(2)), not yet its stage 3 ("趋于协同").
/// A reading of 0 means "not classifiable": D < d1 without digital commerce leading.
/// "U1/U2 > 1+ε" is evaluated as U1 > (1+ε)·U2, which is the same for U2 > 0 and makes U2 = 0
/// well defined (stage 1 iff U1 > 0). NaN inputs give 0. Allocation-free.
@inline(__always)
public func ccdStage(u1: Double, u2: Double, d: Double, thresholds: CCDStageThresholds = .init()) -> Int {
    let th = thresholds
    if d >= th.d3 { return 4 }
    if d >= th.d2 && abs(u1 - u2) < th.epsilon { return 3 }
    if d >= th.d1 { return 2 }
    if d < th.d1 && u1 > (1 + th.epsilon) * u2 { return 1 }
    return 0
}
