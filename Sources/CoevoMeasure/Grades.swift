/// Which end of each grade interval is closed.
///
/// `upperClosed`: (a, b], the literature's usual 10-grade table, with the first interval [0, 0.1]
/// so that D = 0 has a grade. `lowerClosed`: [a, b), with the last interval [0.9, 1] so that
/// D = 1 has a grade. Values are clamped into [0, 1] first.
public enum IntervalConvention: String, Sendable, CaseIterable {
    case upperClosed = "upper_closed"
    case lowerClosed = "lower_closed"

    /// Index of the interval of `x` among `edges` (ascending inner edges): 0...edges.count.
    @inline(__always)
    func bin(_ x: Double, edges: [Double]) -> Int {
        var k = 0
        switch self {
        case .upperClosed: while k < edges.count && x > edges[k] { k += 1 }
        case .lowerClosed: while k < edges.count && x >= edges[k] { k += 1 }
        }
        return k
    }
}

/// The 10-grade coupling coordination table: D ∈ [0,1] in steps of 0.1, grade 1 (extreme
/// imbalance, 极度失调) to 10 (high-quality coordination, 优质协调).
public struct CoordinationGrade: Sendable, Equatable {
    /// 1...10.
    public var level: Int
    public var name: String { Self.names[level - 1] }
    public var chineseName: String { Self.chineseNames[level - 1] }

    public static let names = [
        "extreme imbalance", "serious imbalance", "moderate imbalance", "mild imbalance",
        "on the verge of imbalance", "barely coordinated", "primary coordination",
        "intermediate coordination", "good coordination", "high-quality coordination",
    ]
    public static let chineseNames = ["极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调",
                                      "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调"]
    static let edges = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]

    /// Grade of a coupling coordination degree D under the given interval convention.
    /// Example: D = 0.5 is grade 5 (on the verge) under upper_closed (0.4, 0.5], grade 6 (barely
    /// coordinated) under lower_closed [0.5, 0.6). NaN gives grade 1.
    public init(d: Double, convention: IntervalConvention = .upperClosed) {
        let x = d.isNaN ? 0 : Swift.min(1, Swift.max(0, d))
        level = convention.bin(x, edges: Self.edges) + 1
    }
}

/// The four coupling phases read from the coupling degree C:
/// 1 low-level coupling (低水平耦合) C ∈ [0, 0.3]; 2 antagonism (拮抗) (0.3, 0.5];
/// 3 running-in (磨合) (0.5, 0.8]; 4 high-level coupling (高水平耦合) (0.8, 1] — edges as written
/// under `upperClosed`; under `lowerClosed` [0,0.3), [0.3,0.5), [0.5,0.8), [0.8,1].
public struct CouplingPhase: Sendable, Equatable {
    /// 1...4.
    public var level: Int
    public var name: String { Self.names[level - 1] }
    public var chineseName: String { Self.chineseNames[level - 1] }
    public static let names = ["low-level coupling", "antagonism", "running-in", "high-level coupling"]
    public static let chineseNames = ["低水平耦合", "拮抗", "磨合", "高水平耦合"]
    static let edges = [0.3, 0.5, 0.8]

    public init(c: Double, convention: IntervalConvention = .upperClosed) {
        let x = c.isNaN ? 0 : Swift.min(1, Swift.max(0, c))
        level = convention.bin(x, edges: Self.edges) + 1
    }
}

/// Relative development U1/U2 of the first two subsystems (+∞ when U2 = 0 < U1, NaN when both 0).
@inline(__always)
public func relativeDevelopment(u1: Double, u2: Double) -> Double {
    u1 / u2
}

/// Index of the lagging subsystem, or nil when development is synchronous.
///
/// Two subsystems: with r = U1/U2, r > `band.upperBound` (default 1.2) → subsystem 1 (index 1)
/// lags; r < `band.lowerBound` (0.8) → subsystem 0 lags; otherwise synchronous. More subsystems:
/// the one with the smallest score lags when min/max < `band.lowerBound`. All scores 0 → nil.
public func laggingSubsystem(_ u: [Double], band: ClosedRange<Double> = 0.8...1.2) -> Int? {
    precondition(u.count >= 2, "laggingSubsystem needs at least two scores")
    if u.count == 2 {
        if u[0] == 0 && u[1] == 0 { return nil }
        if u[0] > band.upperBound * u[1] { return 1 }
        if u[0] < band.lowerBound * u[1] { return 0 }
        return nil
    }
    var lo = 0
    var hi = 0
    for i in 1..<u.count {
        if u[i] < u[lo] { lo = i }
        if u[i] > u[hi] { hi = i }
    }
    guard u[hi] > 0 else { return nil }
    return u[lo] < band.lowerBound * u[hi] ? lo : nil
}
