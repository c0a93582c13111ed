/// One observed step of a two-subsystem series: (x, y) at t and at t + 1. Fits of the dynamic
/// models use transitions, so a panel contributes the transitions of each of its units and the
/// bootstrap resamples transitions (in blocks for a single series).
public struct Transition: Sendable, Equatable {
    public var x0: Double
    public var y0: Double
    public var x1: Double
    public var y1: Double
    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    /// The T − 1 transitions of two series of equal length T.
    public static func of(x: [Double], y: [Double]) -> [Transition] {
        precondition(x.count == y.count, "Transition.of: series differ in length")
        guard x.count >= 2 else { return [] }
        return (0..<(x.count - 1)).map { Transition(x0: x[$0], y0: y[$0], x1: x[$0 + 1], y1: y[$0 + 1]) }
    }
}
