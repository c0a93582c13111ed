// Does a behaviour spread by group? The one-way ANOVA intraclass correlation ICC(1) of an outcome
// by group (Shrout & Fleiss 1979), with a permutation null that shuffles group labels within
// strata (MODEL.md §5 fact 1: village ICC of adoption above the null that permutes village labels
// within clusters).

/// ICC(1) = (MSB − MSW)/(MSB + (n₀ − 1)·MSW), n₀ the ANOVA average group size
/// (N − Σn_g²/N)/(G − 1). Groups are labelled 0..<G; empty groups are ignored. Nil with fewer
/// than 2 non-empty groups or no within-group degrees of freedom.
public func intraclassCorrelation(values: [Double], groups: [Int]) -> Double? {
    guard values.count == groups.count, let gmax = groups.max() else { return nil }
    var sum = [Double](repeating: 0, count: gmax + 1), cnt = sum
    var total = 0.0
    for (v, g) in zip(values, groups) { sum[g] += v; cnt[g] += 1; total += v }
    let n = Double(values.count)
    let used = cnt.filter { $0 > 0 }
    let G = Double(used.count)
    guard G >= 2, n > G else { return nil }
    let grand = total / n
    var ssb = 0.0
    for g in 0...gmax where cnt[g] > 0 { let m = sum[g] / cnt[g]; ssb += cnt[g] * (m - grand) * (m - grand) }
    var ssw = 0.0
    for (v, g) in zip(values, groups) { let m = sum[g] / cnt[g]; ssw += (v - m) * (v - m) }
    let msb = ssb / (G - 1), msw = ssw / (n - G)
    let n0 = (n - used.reduce(0) { $0 + $1 * $1 } / n) / (G - 1)
    let denom = msb + (n0 - 1) * msw
    return denom > 0 ? (msb - msw) / denom : 0
}

/// The ICC and its permutation null: group labels shuffled within each stratum (`strata[i]`),
/// `draws` times with a seeded generator. Returns the observed ICC and the null's quantile `level`.
public func intraclassCorrelationTest(values: [Double], groups: [Int], strata: [Int], draws: Int = 199,
                                      level: Double = 0.95, seed: UInt64 = 1) -> (observed: Double, nullQuantile: Double)? {
    guard let observed = intraclassCorrelation(values: values, groups: groups), strata.count == groups.count else { return nil }
    var byStratum: [Int: [Int]] = [:]
    for (i, s) in strata.enumerated() { byStratum[s, default: []].append(i) }
    let keys = byStratum.keys.sorted()
    var rng = SplitMix64(seed: seed)
    var null: [Double] = []
    var shuffled = groups
    for _ in 0..<draws {
        for k in keys {
            let idx = byStratum[k]!
            var labels = idx.map { groups[$0] }
            // Fisher–Yates with the project's own generator (stable across Swift versions).
            if labels.count > 1 {
                for i in stride(from: labels.count - 1, to: 0, by: -1) {
                    let j = Int(rng.next() % UInt64(i + 1))
                    labels.swapAt(i, j)
                }
            }
            for (pos, i) in idx.enumerated() { shuffled[i] = labels[pos] }
        }
        if let icc = intraclassCorrelation(values: values, groups: shuffled) { null.append(icc) }
    }
    guard !null.isEmpty else { return nil }
    null.sort()
    let q = null[min(null.count - 1, Int((level * Double(null.count)).rounded(.down)))]
    return (observed, q)
}

import Foundation
