/// A percentile bootstrap interval of one statistic.
public struct BootstrapInterval: Sendable, Equatable {
    public var estimate: Double
    public var low: Double
    public var high: Double
    /// Bootstrap standard error (s.d. of the replicates).
    public var standardError: Double
    public init(estimate: Double, low: Double, high: Double, standardError: Double) {
        self.estimate = estimate
        self.low = low
        self.high = high
        self.standardError = standardError
    }
}

/// Nonparametric bootstrap by resampling indices 0..<count (units, or time points/transitions
/// in blocks), seedable with SplitMix64.
public struct Bootstrap: Sendable {
    public var draws: Int
    public var seed: UInt64
    /// 1: resample single indices with replacement (units). L > 1: moving-block bootstrap:
    /// blocks of L consecutive indices with uniformly drawn starts, concatenated and cut to `count`.
    public var blockLength: Int
    /// Two-sided coverage, e.g. 0.95.
    public var level: Double

    public init(draws: Int = 999, seed: UInt64 = 1, blockLength: Int = 1, level: Double = 0.95) {
        precondition(draws >= 1 && blockLength >= 1 && level > 0 && level < 1, "Bootstrap: invalid settings")
        self.draws = draws
        self.seed = seed
        self.blockLength = blockLength
        self.level = level
    }

    /// One resample of 0..<count.
    public func resample(count: Int, rng: inout SplitMix64) -> [Int] {
        let l = Swift.min(blockLength, count)
        var out: [Int] = []
        out.reserveCapacity(count)
        if l <= 1 {
            for _ in 0..<count { out.append(rng.nextInt(below: count)) }
            return out
        }
        while out.count < count {
            let start = rng.nextInt(below: count - l + 1)
            for k in 0..<l where out.count < count { out.append(start + k) }
        }
        return out
    }

    /// Runs `statistic` on the full sample (indices 0..<count in order) and on `draws` resamples.
    /// A replicate for which `statistic` returns nil (e.g. a fit that failed) is skipped;
    /// `failed` counts them. Returns nil if the full-sample statistic is nil.
    /// Percentile intervals: the (1−level)/2 and (1+level)/2 quantiles of the replicates
    /// (linear interpolation between order statistics, numpy's default).
    public func run(count: Int, statistic: ([Int]) -> [Double]?) -> (intervals: [BootstrapInterval], failed: Int)? {
        guard let full = statistic(Array(0..<count)) else { return nil }
        var rng = SplitMix64(seed: seed)
        var reps = [[Double]](repeating: [], count: full.count)
        var failed = 0
        for _ in 0..<draws {
            let idx = resample(count: count, rng: &rng)
            guard let s = statistic(idx), s.count == full.count, s.allSatisfy({ $0.isFinite }) else {
                failed += 1
                continue
            }
            for j in 0..<s.count { reps[j].append(s[j]) }
        }
        let a = (1 - level) / 2
        let intervals = (0..<full.count).map { j -> BootstrapInterval in
            let r = reps[j].sorted()
            guard !r.isEmpty else { return BootstrapInterval(estimate: full[j], low: .nan, high: .nan, standardError: .nan) }
            let mean = r.reduce(0, +) / Double(r.count)
            let v = r.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(Swift.max(1, r.count - 1))
            return BootstrapInterval(estimate: full[j], low: quantile(r, a), high: quantile(r, 1 - a), standardError: v.squareRoot())
        }
        return (intervals, failed)
    }
}

/// Quantile of sorted data with linear interpolation (numpy `linear`, R type 7).
public func quantile(_ sorted: [Double], _ q: Double) -> Double {
    precondition(!sorted.isEmpty, "quantile of empty data")
    let h = Double(sorted.count - 1) * q
    let lo = Int(h.rounded(.down))
    let hi = Swift.min(lo + 1, sorted.count - 1)
    return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
}
