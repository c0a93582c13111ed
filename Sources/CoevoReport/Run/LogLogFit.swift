import Foundation

/// Ordinary least squares of ln y on ln x over the points with finite, positive x and y.
public struct LogLogFit: Sendable, Equatable {
    public var slope: Double
    public var intercept: Double
    /// Number of points used.
    public var n: Int

    /// nil when fewer than 2 usable points remain or all usable x are equal.
    public init?(_ points: [Point]) {
        let usable = points.filter { $0.x.isFinite && $0.y.isFinite && $0.x > 0 && $0.y > 0 }
        guard usable.count >= 2 else { return nil }
        let lx = usable.map { log($0.x) }, ly = usable.map { log($0.y) }
        let n = Double(usable.count)
        let mx = lx.reduce(0, +) / n, my = ly.reduce(0, +) / n
        var sxx = 0.0, sxy = 0.0
        for i in lx.indices {
            sxx += (lx[i] - mx) * (lx[i] - mx)
            sxy += (lx[i] - mx) * (ly[i] - my)
        }
        guard sxx > 0, sxx.isFinite, sxy.isFinite else { return nil }
        slope = sxy / sxx
        intercept = my - slope * mx
        self.n = usable.count
    }

    /// The fitted y at x (> 0).
    public func predict(_ x: Double) -> Double { exp(intercept + slope * log(x)) }
}
