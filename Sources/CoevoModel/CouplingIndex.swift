// Subsystem indices U1 (digital commerce) and U2 (cluster economy) and their coupling coordination
// (MODEL.md §4): indicators per region, min–max normalised against fixed bounds and weighted by
// entropy weights that were derived once from the baseline's pooled region × period panel
// (`coevo ccd-reference`, stored in CouplingReference.swift). Fixed references keep ccd.* causal:
// period t never depends on later periods. C and D come from CoevoMeasure, the same code
// `coevo measure` applies to real data.

import CoevoMeasure

/// One indicator of a subsystem with its fixed bounds and weight.
public struct CouplingIndicator: Sendable, Codable, Equatable {
    public var metric: String
    public var positive: Bool
    public var min: Double
    public var max: Double
    public var weight: Double
    public init(metric: String, positive: Bool, min: Double, max: Double, weight: Double) {
        self.metric = metric; self.positive = positive; self.min = min; self.max = max; self.weight = weight
    }
}

/// The fixed reference: indicators of U1 and U2.
public struct CouplingReference: Sendable, Codable, Equatable {
    public var digital: [CouplingIndicator]
    public var cluster: [CouplingIndicator]
    public var derivedFrom: String

    /// Indicator names and directions (MODEL.md §4), before bounds and weights are known.
    public static let digitalIndicators: [(String, Bool)] = [
        ("online.share", true), ("adoption.retail", true), ("adoption.sharing", true), ("logistics.cost", false),
        ("platform.fee.mean", false), ("credit.rate.small", false), ("adoption.iinet", true), ("adoption.eco", true),
    ]
    public static let clusterIndicators: [(String, Bool)] = [
        ("valueadded.perfirm", true), ("quality.mean", true), ("innovation.share", true), ("cost.average", false),
        ("network.crosscluster", true), ("firms.index", true),
    ]

    /// U of one subsystem for a metric lookup.
    public static func index(_ indicators: [CouplingIndicator], _ value: (String) -> Double) -> Double {
        var u = 0.0
        for i in indicators where i.weight > 0 {
            u += i.weight * normalize(value(i.metric), min: i.min, max: i.max, direction: i.positive ? .positive : .negative)
        }
        return u
    }

    /// Derives bounds (pooled min/max) and entropy weights from a panel of observations
    /// (each a metric → value lookup, e.g. region × period rows of baseline runs).
    public static func derive(from rows: [[String: Double]], label: String) -> CouplingReference {
        func build(_ spec: [(String, Bool)]) -> [CouplingIndicator] {
            var bounds: [(Double, Double)] = []
            for (name, _) in spec {
                let xs = rows.compactMap { $0[name] }.filter { $0.isFinite }
                bounds.append((xs.min() ?? 0, xs.max() ?? 0))
            }
            let matrix = rows.map { row in
                spec.enumerated().map { (c, item) in
                    normalize(row[item.0] ?? 0, min: bounds[c].0, max: bounds[c].1, direction: item.1 ? .positive : .negative)
                }
            }
            // Indicators without variation in the baseline carry no information: weight 0.
            var weights = entropyWeights(normalized: matrix)
            for c in spec.indices where !(bounds[c].1 > bounds[c].0) { weights[c] = 0 }
            let total = weights.reduce(0, +)
            if total > 0 { weights = weights.map { $0 / total } }
            return spec.enumerated().map { (c, item) in
                CouplingIndicator(metric: item.0, positive: item.1, min: bounds[c].0, max: bounds[c].1, weight: weights[c])
            }
        }
        return CouplingReference(digital: build(digitalIndicators), cluster: build(clusterIndicators), derivedFrom: label)
    }
}
