import Foundation

/// Composite-system synergy degree (Meng & Han 2000, 孟庆松 韩文秀, 复合系统协调度模型研究).
///
/// Each order parameter e_ji of subsystem j has bounds α ≤ e ≤ β. Order degree:
/// positive u = (e − α)/(β − α), negative u = (β − e)/(β − α), clamped to [0,1].
/// Subsystem order degree: geometric mean of its parameters' order degrees (or their weighted sum).
/// Synergy between periods 0 and 1 of the k subsystems:
/// S = θ·(∏_j |u_j¹ − u_j⁰|)^(1/k), θ = 1 if every u_j¹ ≥ u_j⁰ (all improve), else −1.
/// S ∈ [−1, 1]; positive means coordinated (all subsystems gain order).
public enum SynergyDegree {
    /// Default bounds from observed extremes: α = 0.9·min, β = 1.1·max; for negative extremes
    /// α = min − 0.1|min| and β = max + 0.1|max| (the same formula written to widen the range
    /// whatever the sign).
    public static func defaultBounds(min lo: Double, max hi: Double) -> IndicatorBounds {
        IndicatorBounds(min: lo - 0.1 * abs(lo), max: hi + 0.1 * abs(hi))
    }

    /// Order degree of one order parameter value; 0.5 when β ≤ α (no range).
    public static func orderDegree(_ e: Double, bounds: IndicatorBounds, direction: Direction) -> Double {
        normalize(e, min: bounds.min, max: bounds.max, direction: direction)
    }

    /// Subsystem order degree: geometric mean of `orders` when `weights` is nil (0 if any order
    /// degree is 0), otherwise Σ w·u.
    public static func subsystemOrder(_ orders: [Double], weights: [Double]? = nil) -> Double {
        precondition(!orders.isEmpty, "subsystemOrder needs at least one order parameter")
        if let w = weights {
            precondition(w.count == orders.count, "subsystemOrder: weights and orders differ in length")
            var s = 0.0
            for i in 0..<orders.count { s += w[i] * orders[i] }
            return s
        }
        var logSum = 0.0
        for u in orders {
            if u <= 0 { return 0 }
            logSum += log(u)
        }
        return exp(logSum / Double(orders.count))
    }

    /// Signed synergy degree from subsystem order degrees at a base period (`from`) to a later one (`to`).
    public static func synergy(from u0: [Double], to u1: [Double]) -> Double {
        precondition(u0.count == u1.count && !u0.isEmpty, "synergy: order vectors differ in length")
        var allUp = true
        var logSum = 0.0
        for j in 0..<u0.count {
            let d = u1[j] - u0[j]
            if d < 0 { allUp = false }
            if d == 0 { return 0 }
            logSum += log(abs(d))
        }
        let magnitude = exp(logSum / Double(u0.count))
        return allUp ? magnitude : -magnitude
    }
}
