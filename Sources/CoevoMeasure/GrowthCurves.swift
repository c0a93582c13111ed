// Is a diffusion S-shaped? (MODEL.md §5 facts 1–2: "a logistic fit beats linear and exponential
// fits by ΔAIC > 10, inflection inside the run"). Least-squares fits of linear a + bt, exponential
// a·e^(bt) and logistic K/(1 + e^(−r(t − t0))), compared by AIC with Gaussian errors
// (AIC = n·ln(RSS/n) + 2k). Used on simulated series and on real ones (Taobao villages).

/// The three fits and their comparison.
public struct GrowthCurveComparison: Sendable {
    public var aicLinear: Double
    public var aicExponential: Double
    public var aicLogistic: Double
    /// Logistic parameters: saturation K, rate r, inflection t0 (in the time units given).
    public var saturation: Double
    public var rate: Double
    public var inflection: Double
    /// min(AIC_linear, AIC_exponential) − AIC_logistic: positive favours the logistic.
    public var logisticAdvantage: Double { min(aicLinear, aicExponential) - aicLogistic }
    /// The S-shape test of MODEL.md §5: ΔAIC above `margin` and the inflection inside [first, last] time.
    public func isSShaped(margin: Double = 10, within range: ClosedRange<Double>) -> Bool {
        logisticAdvantage > margin && range.contains(inflection) && rate > 0
    }
}

/// Fits the three curves to (t, y). Needs at least 4 points. RSS is floored at 1e-300·n so a
/// perfect fit stays finite.
public func compareGrowthCurves(t: [Double], y: [Double]) -> GrowthCurveComparison? {
    let n = y.count
    guard n >= 4, t.count == n else { return nil }
    func aic(_ rss: Double, _ k: Int) -> Double { Double(n) * log(max(rss, 1e-300 * Double(n)) / Double(n)) + 2 * Double(k) }
    // Linear by OLS.
    guard let lin = leastSquares(x: t.map { [1, $0] }, y: y) else { return nil }
    let aLin = aic(lin.sumOfSquaredResiduals, 2)
    // Exponential: start from the log-linear fit on positive values.
    let positive = zip(t, y).filter { $0.1 > 0 }
    var start = [max(y.max() ?? 1, 1e-9) / 2, 0.01]
    if positive.count >= 2, let ll = leastSquares(x: positive.map { [1, $0.0] }, y: positive.map { log($0.1) }) {
        start = [exp(ll.coefficients[0]), ll.coefficients[1]]
    }
    let expFit = levenbergMarquardt(initial: start, residualCount: n) { th, r in
        for i in 0..<n { r[i] = th[0] * exp(th[1] * t[i]) - y[i] }
    }
    let aExp = aic(expFit.sumOfSquares, 2)
    // Logistic: several starts (saturation above the maximum, inflection across the range).
    let ymax = y.max() ?? 1, t0 = t.first ?? 0, t1 = t.last ?? 1
    var best: LMResult? = nil
    for kMul in [1.05, 1.5, 3.0] {
        for frac in [0.25, 0.5, 0.75, 1.0] {
            let mid = t0 + frac * (t1 - t0)
            let fit = levenbergMarquardt(initial: [max(ymax, 1e-9) * kMul, 8 / max(t1 - t0, 1e-9), mid], residualCount: n) { th, r in
                for i in 0..<n { r[i] = th[0] / (1 + exp(-th[1] * (t[i] - th[2]))) - y[i] }
            }
            if fit.sumOfSquares.isFinite && (best == nil || fit.sumOfSquares < best!.sumOfSquares) { best = fit }
        }
    }
    guard let logi = best else { return nil }
    return GrowthCurveComparison(aicLinear: aLin, aicExponential: aExp, aicLogistic: aic(logi.sumOfSquares, 3),
                                 saturation: logi.parameters[0], rate: logi.parameters[1], inflection: logi.parameters[2])
}

import Foundation
