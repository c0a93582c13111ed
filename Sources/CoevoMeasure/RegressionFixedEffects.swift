// Two-way fixed effects: coding of factor levels, iterative removal of singletons, and partialling out
// two non-nested sets of fixed effects by the method of alternating projections.
//
// References: Guimarães & Portugal (2010), "A simple feasible procedure to fit models with
// high-dimensional fixed effects", Stata Journal 10(4); Gaure (2013), "OLS with multiple high
// dimensional category variables", Computational Statistics & Data Analysis 66, 8–18 (the
// alternating-projections demeaning and its convergence criterion); Correia (2015), "Singletons,
// cluster-robust standard errors and fixed effects: a bad mix" (dropping singletons).

/// Dense codes 0..<levels for arbitrary Int32 labels, assigned in ascending label order (so the
/// coding, and anything indexed by it, does not depend on row order). Internal.
struct FactorCoding {
    var codes: [Int32]
    var levels: Int

    init(_ labels: [Int32]) {
        let n = labels.count
        guard let lo = labels.min(), let hi = labels.max() else {
            codes = []
            levels = 0
            return
        }
        let span = Int(hi) - Int(lo) + 1
        if span <= 4 * n + 1024 {
            // Direct table over the label range.
            var table = [Int32](repeating: -1, count: span)
            for v in labels { table[Int(v) - Int(lo)] = 0 }
            var next: Int32 = 0
            for i in 0..<span where table[i] == 0 {
                table[i] = next
                next += 1
            }
            codes = labels.map { table[Int($0) - Int(lo)] }
            levels = Int(next)
        } else {
            let sorted = Array(Set(labels)).sorted()
            var map = [Int32: Int32](minimumCapacity: sorted.count)
            for (i, v) in sorted.enumerated() { map[v] = Int32(i) }
            codes = labels.map { map[$0]! }
            levels = sorted.count
        }
    }

    /// Codes for the pairs (a[r], b[r]) of two already dense codings, ascending in (a, b).
    init(pairs a: [Int32], _ levelsA: Int, _ b: [Int32], _ levelsB: Int) {
        let n = a.count
        if levelsA * levelsB <= 8 * n + 4096 {
            var table = [Int32](repeating: -1, count: levelsA * levelsB)
            for r in 0..<n { table[Int(a[r]) * levelsB + Int(b[r])] = 0 }
            var next: Int32 = 0
            for i in 0..<table.count where table[i] == 0 {
                table[i] = next
                next += 1
            }
            codes = (0..<n).map { table[Int(a[$0]) * levelsB + Int(b[$0])] }
            levels = Int(next)
        } else {
            let keys = (0..<n).map { Int64(a[$0]) * Int64(levelsB) + Int64(b[$0]) }
            let sorted = Array(Set(keys)).sorted()
            var map = [Int64: Int32](minimumCapacity: sorted.count)
            for (i, v) in sorted.enumerated() { map[v] = Int32(i) }
            codes = keys.map { map[$0]! }
            levels = sorted.count
        }
    }
}

/// Rows to keep after dropping, repeatedly until none is left, every row that is the only
/// observation of its level in either factor (a firm observed once, or an industry×period cell with
/// one firm). Such rows are fitted perfectly by their own fixed effect, carry no information on the
/// slopes, and would otherwise overstate the degrees of freedom (Correia 2015).
func nonSingletonRows(_ a: [Int32], levelsA: Int, _ b: [Int32], levelsB: Int) -> [Bool] {
    let n = a.count
    var keep = [Bool](repeating: true, count: n)
    var countA = [Int32](repeating: 0, count: levelsA)
    var countB = [Int32](repeating: 0, count: levelsB)
    keep.withUnsafeMutableBufferPointer { keep in
        countA.withUnsafeMutableBufferPointer { countA in
            countB.withUnsafeMutableBufferPointer { countB in
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        for r in 0..<n {
                            countA[Int(a[r])] += 1
                            countB[Int(b[r])] += 1
                        }
                        var changed = true
                        while changed {
                            changed = false
                            for r in 0..<n where keep[r] && (countA[Int(a[r])] == 1 || countB[Int(b[r])] == 1) {
                                keep[r] = false
                                countA[Int(a[r])] -= 1
                                countB[Int(b[r])] -= 1
                                changed = true
                            }
                        }
                    }
                }
            }
        }
    }
    return keep
}

/// Number of connected components of the bipartite graph linking level a[r] of the first factor to
/// level b[r] of the second (the "mobility groups"); the two sets of dummies together have rank
/// levelsA + levelsB − components (Abowd, Creecy & Kramarz 2002).
func connectedComponents(_ a: [Int32], levelsA: Int, _ b: [Int32], levelsB: Int) -> Int {
    var parent = [Int32](0..<Int32(levelsA + levelsB))
    func find(_ x: Int32) -> Int32 {
        var x = x
        while parent[Int(x)] != x {
            parent[Int(x)] = parent[Int(parent[Int(x)])]
            x = parent[Int(x)]
        }
        return x
    }
    var components = levelsA + levelsB
    for r in 0..<a.count {
        let x = find(a[r]), y = find(Int32(levelsA) + b[r])
        if x != y {
            parent[Int(max(x, y))] = min(x, y)
            components -= 1
        }
    }
    return components
}

/// In place, a warm start for `alternatingProjections`: each of the m interleaved columns of `data`
/// replaced by its residual from the projection on the dummies of `a` and `b`, solved directly.
///
/// Eliminating `a` (Frisch–Waugh–Lovell), the coefficients γ of `b`'s dummies solve the normal
/// equations S·γ = D_bᵀ M_a x with S = D_bᵀ M_a D_b = diag(n_k) − Σ_l h_l h_lᵀ / n_l, where h_l counts
/// the rows of level l of `a` in each level of `b` (M_a: demeaning within levels of `a`). S is
/// L_b × L_b, built in Σ_l (levels of b that level l of a meets)² steps and factored by Cholesky;
/// a pivot that vanishes (one per connected component of the two factors' bipartite graph: S is
/// singular along each component's vector of ones) fixes that level's γ at 0, which leaves the
/// residual unchanged. The residual is then M_a(x − D_b γ). Exact up to rounding, where the
/// alternating projections need a number of sweeps that grows as the two factors' dummy spaces get
/// close (firm and industry × period effects of a long panel: a few hundred sweeps at 1e-10).
///
/// Returns false, leaving `data` untouched, when the direct solve would cost more than the sweeps it
/// saves (more than `maxLevels` levels of `b`, or more than `maxPairs` (a-level, b-level) steps).
func directProjection(_ data: inout [Double], m: Int, a: [Int32], levelsA: Int, b: [Int32], levelsB: Int,
                      maxLevels: Int = 1_500, maxPairs: Int = 400_000_000) -> Bool {
    directProjectionLeavingSums(&data, m: m, a: a, levelsA: levelsA, b: b, levelsB: levelsB, maxLevels: maxLevels,
                                maxPairs: maxPairs) != nil
}

/// What `alternatingProjections` computes first from its input: the sums of every column by level
/// of `a` and the columns' norms. `directProjectionLeavingSums` gathers them in its last pass.
struct ProjectionStart {
    /// Σ of column c over the rows of level l of `a`, at l·m + c, summed in row order.
    var sumA: [Double]
    /// √(Σ_r x_rc²), summed in row order.
    var norms: [Double]
}

/// `directProjection`, returning also the a-level sums and norms of the residual it leaves (nil when
/// it declines), so that the alternating projections that follow need not read the data to start.
/// `fastPaths` false takes the plain loops (every level pair of S one at a time, the Cholesky
/// factor and the substitutions over whole rows): the same operations on the same values, which a
/// test checks bit for bit.
func directProjectionLeavingSums(_ data: inout [Double], m: Int, a: [Int32], levelsA: Int, b: [Int32], levelsB: Int,
                                 maxLevels: Int = 1_500, maxPairs: Int = 400_000_000,
                                 fastPaths: Bool = true) -> ProjectionStart? {
    guard m > 0, let system = CellSystem(a: a, levelsA: levelsA, b: b, levelsB: levelsB, maxLevels: maxLevels,
                                         maxPairs: maxPairs, fastPaths: fastPaths) else { return nil }
    return directProjectionLeavingSums(&data, m: m, a: a, b: b, system: system)
}

/// The part of the direct solve that depends on the two factors' codes only: the rows grouped by
/// level of `a` and the Cholesky factor of S = D_bᵀ M_a D_b (see `directProjection`). Built once, it
/// serves any number of column sets on the same rows (`directProjectionLeavingSums(_:m:a:b:system:)`),
/// each with the bits a solve of its own gives.
struct CellSystem: Sendable {
    let levelsA: Int
    let levelsB: Int
    /// Level l of `a` has the rows start[l]..<start[l + 1] in the counting-sort order.
    let start: [Int]
    /// The lower Cholesky factor R of S (row-major L × L, L = levelsB), columns of dependent
    /// pivots zeroed.
    let factor: [Double]
    /// first[i]: the first non-zero column of row i of S (its envelope; 0 without fast paths).
    let first: [Int]
    /// lastRow[j]: the last row whose envelope reaches column j.
    let lastRow: [Int]
    /// Pivots at most 1e-9 of their diagonal: one per connected component; their γ is fixed at 0.
    let dependent: [Bool]

    /// nil when the direct solve would cost more than the sweeps it saves (more than `maxLevels`
    /// levels of `b`, or more than `maxPairs` (a-level, b-level) steps), or there are no rows.
    init?(a: [Int32], levelsA: Int, b: [Int32], levelsB: Int, maxLevels: Int = 1_500, maxPairs: Int = 400_000_000,
          fastPaths: Bool = true) {
        let n = a.count
        guard n > 0, levelsB > 0, levelsB <= maxLevels else { return nil }
        // Rows grouped by level of a (counting sort), and each a-level's distinct b-levels with counts.
        var start = [Int](repeating: 0, count: levelsA + 1)
        for r in 0..<n { start[Int(a[r]) + 1] += 1 }
        for l in 0..<levelsA { start[l + 1] += start[l] }
        var order = [Int32](repeating: 0, count: n)
        var fill = start
        for r in 0..<n { order[fill[Int(a[r])]] = Int32(r); fill[Int(a[r])] += 1 }
        // b's codes in that order, gathered once (both passes below read them level by level of a).
        let bByA = order.map { b[Int($0)] }
        var pairs = 0
        var seen = [Int32](repeating: -1, count: levelsB)
        for l in 0..<levelsA {
            var distinct = 0
            for i in start[l]..<start[l + 1] {
                let k = Int(bByA[i])
                if seen[k] != Int32(l) { seen[k] = Int32(l); distinct += 1 }
            }
            pairs += distinct * distinct
            if pairs > maxPairs { return nil }
        }
        let L = levelsB
        var S = [Double](repeating: 0, count: L * L)
        // S = diag(n_k) − Σ_l h_l h_lᵀ / n_l, lower triangle.
        var cells = [Int](), counts = [Double]()
        var index = [Int](repeating: -1, count: L)
        S.withUnsafeMutableBufferPointer { s in
            for l in 0..<levelsA where start[l + 1] > start[l] {
                let nl = Double(start[l + 1] - start[l])
                cells.removeAll(keepingCapacity: true); counts.removeAll(keepingCapacity: true)
                for i in start[l]..<start[l + 1] {
                    let k = Int(bByA[i])
                    if index[k] < 0 { index[k] = cells.count; cells.append(k); counts.append(0) }
                    counts[index[k]] += 1
                }
                for k in cells { index[k] = -1 }
                // Ascending b-levels (a panel's rows come in period order, so usually already sorted).
                for i in 1..<max(cells.count, 1) {
                    var j = i
                    while j > 0 && cells[j - 1] > cells[j] { cells.swapAt(j - 1, j); counts.swapAt(j - 1, j); j -= 1 }
                }
                cells.withUnsafeBufferPointer { cell in
                    counts.withUnsafeBufferPointer { count in
                        if fastPaths, let c0 = cell.first, cell[cell.count - 1] - c0 == cell.count - 1 {
                            // Consecutive levels (a firm present in every period of its span): each
                            // row's update is one contiguous run, which the compiler vectorises.
                            for i in 0..<cell.count {
                                let ki = c0 + i, row = ki * L
                                s[row + ki] += count[i]
                                let hi = count[i] / nl
                                let run = s.baseAddress! + row + c0
                                for j in 0...i { run[j] -= hi * count[j] }
                            }
                        } else {
                            for i in 0..<cell.count {
                                let ki = cell[i], row = ki * L
                                s[row + ki] += count[i]
                                let hi = count[i] / nl
                                for j in 0...i { s[row + cell[j]] -= hi * count[j] }
                            }
                        }
                    }
                }
            }
        }
        // Cholesky S = R Rᵀ (lower, in place); a pivot at most 1e-9 of its diagonal is dependent.
        // S is zero left of each row's first non-zero (its envelope), and so is its factor: with firms
        // that stay in one industry, S is block diagonal by industry. Sums over k skip the zeros, which
        // leaves every value as the full sums give it (they only subtract exact zeros).
        var first = [Int](repeating: 0, count: L)
        // lastRow[j]: the last row whose envelope reaches column j (rows below it are zero in column j).
        var lastRow = [Int](repeating: L - 1, count: L)
        if fastPaths {
            for i in 0..<L {
                var j = 0
                while j < i && S[i * L + j] == 0 { j += 1 }
                first[i] = j
            }
            lastRow = [Int](0..<L)
            for i in 0..<L { for j in first[i]..<i { lastRow[j] = max(lastRow[j], i) } }
        }
        var dependent = [Bool](repeating: false, count: L)
        S.withUnsafeMutableBufferPointer { s in
            for j in 0..<L {
                let diagonal = s[j * L + j]
                var d = diagonal
                for k in first[j]..<j where !dependent[k] { d -= s[j * L + k] * s[j * L + k] }
                if !(d > 1e-9 * max(diagonal, 1e-300)) {
                    dependent[j] = true
                    for i in j..<L { s[i * L + j] = 0 }
                    continue
                }
                let root = d.squareRoot()
                s[j * L + j] = root
                for i in (j + 1)..<(lastRow[j] + 1) where first[i] <= j {
                    var v = s[i * L + j]
                    for k in max(first[i], first[j])..<j where !dependent[k] { v -= s[i * L + k] * s[j * L + k] }
                    s[i * L + j] = v / root
                }
            }
        }
        self.levelsA = levelsA
        self.levelsB = levelsB
        self.start = start
        self.factor = S
        self.first = first
        self.lastRow = lastRow
        self.dependent = dependent
    }
}

/// `directProjectionLeavingSums` with the cell system built beforehand (`a`, `b` the codes it was
/// built from).
func directProjectionLeavingSums(_ data: inout [Double], m: Int, a: [Int32], b: [Int32], system: CellSystem) -> ProjectionStart {
    let n = a.count, levelsA = system.levelsA, L = system.levelsB
    let start = system.start, S = system.factor, first = system.first, lastRow = system.lastRow
    let dependent = system.dependent
    var rhs = [Double](repeating: 0, count: L * m)
    // Means by level of a, in sequential passes over the rows (the rows are read in storage order
    // throughout; only the level codes are read in a-level order). The row passes go through
    // pointers stepped row by row (array subscripts would check bounds, uniqueness and overflow
    // per element).
    var meanA = [Double](repeating: 0, count: levelsA * m)
    /// a-level sums (in `mean`) into means: each divided by its level's row count.
    func sumsToMeans(_ mean: UnsafeMutablePointer<Double>) {
        for l in 0..<levelsA where start[l + 1] > start[l] {
            let inverse = 1 / Double(start[l + 1] - start[l])
            for c in 0..<m { mean[l * m + c] *= inverse }
        }
    }
    if n > 0 {
        data.withUnsafeMutableBufferPointer { x in
            meanA.withUnsafeMutableBufferPointer { mean in
                rhs.withUnsafeMutableBufferPointer { rhs in
                    a.withUnsafeBufferPointer { a in
                        b.withUnsafeBufferPointer { b in
                            let x = x.baseAddress!, mean = mean.baseAddress!, rhs = rhs.baseAddress!
                            let a = a.baseAddress!, b = b.baseAddress!
                            mean.update(repeating: 0, count: levelsA * m)
                            var row = x
                            for r in 0..<n {
                                let level = mean + Int(a[r]) &* m
                                for c in 0..<m { level[c] += row[c] }
                                row += m
                            }
                            sumsToMeans(mean)
                            // rhs_k = Σ over rows in k of (x − mean_a).
                            row = x
                            for r in 0..<n {
                                let level = mean + Int(a[r]) &* m, cell = rhs + Int(b[r]) &* m
                                for c in 0..<m { cell[c] += row[c] - level[c] }
                                row += m
                            }
                        }
                    }
                }
            }
        }
    }
    // γ for each column: forward and back substitution, dependent levels at 0.
    var gamma = [Double](repeating: 0, count: L * m)
    for c in 0..<m {
        var y = [Double](repeating: 0, count: L)
        for i in 0..<L where !dependent[i] {
            var v = rhs[i * m + c]
            for k in first[i]..<i where !dependent[k] { v -= S[i * L + k] * y[k] }
            y[i] = v / S[i * L + i]
        }
        for i in stride(from: L - 1, through: 0, by: -1) where !dependent[i] {
            var v = y[i]
            for k in (i + 1)..<(lastRow[i] + 1) where !dependent[k] { v -= S[k * L + i] * gamma[k * m + c] }
            gamma[i * m + c] = v / S[i * L + i]
        }
    }
    // Residual M_a(x − D_b γ).
    // (x − D_b γ) and its a-level sums in one pass, then the means subtracted, gathering the
    // residual's a-level sums and norms for the alternating projections.
    var sumA = [Double](repeating: 0, count: levelsA * m)
    var norms = [Double](repeating: 0, count: m)
    if n > 0 {
        data.withUnsafeMutableBufferPointer { x in
            meanA.withUnsafeMutableBufferPointer { mean in
                sumA.withUnsafeMutableBufferPointer { sum in
                    norms.withUnsafeMutableBufferPointer { norm in
                        gamma.withUnsafeBufferPointer { gamma in
                            a.withUnsafeBufferPointer { a in
                                b.withUnsafeBufferPointer { b in
                                    let x = x.baseAddress!, mean = mean.baseAddress!, sum = sum.baseAddress!
                                    let norm = norm.baseAddress!, gamma = gamma.baseAddress!
                                    let a = a.baseAddress!, b = b.baseAddress!
                                    mean.update(repeating: 0, count: levelsA * m)
                                    subtractThenSum(x, rows: n, m: m, subtract: gamma, at: b, sumInto: mean, at: a)
                                    sumsToMeans(mean)
                                    var row = x
                                    for r in 0..<n {
                                        let offset = Int(a[r]) &* m
                                        let level = mean + offset, levelSum = sum + offset
                                        for c in 0..<m {
                                            let v = row[c] - level[c]
                                            row[c] = v
                                            levelSum[c] += v
                                            norm[c] += v * v
                                        }
                                        row += m
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    for c in 0..<m { norms[c] = norms[c].squareRoot() }
    return ProjectionStart(sumA: sumA, norms: norms)
}

/// For every row r in order, over its m interleaved columns: x_r −= subtract[level s(r)], then
/// sumInto[level t(r)] += the new x_r, where s and t are two level codings of the rows and each
/// level's m values sit at level·m. The step both projections repeat (one factor's means out,
/// the other factor's sums gathered), through pointers stepped row by row: an index recomputed per
/// element, with its overflow check, cost more than the arithmetic.
@inline(__always)
func subtractThenSum(_ x: UnsafeMutablePointer<Double>, rows n: Int, m: Int,
                     subtract: UnsafePointer<Double>, at s: UnsafePointer<Int32>,
                     sumInto: UnsafeMutablePointer<Double>, at t: UnsafePointer<Int32>) {
    var row = x
    for r in 0..<n {
        let level = subtract + Int(s[r]) &* m, sum = sumInto + Int(t[r]) &* m
        for c in 0..<m {
            let v = row[c] - level[c]
            row[c] = v
            sum[c] += v
        }
        row += m
    }
}

/// Outcome of the alternating projections (internal).
struct DemeaningReport {
    var iterations: Int
    /// Largest estimated remaining error, relative to the column's norm, over columns.
    var achieved: Double
}

/// In place: replace each of the m interleaved columns of `data` (row r, column c at r·m + c) by its
/// residual from a least-squares projection on the dummies of factor `a` and factor `b`.
///
/// Method of alternating projections (von Neumann–Halperin; Gaure 2013): subtract the means by level
/// of `a`, then by level of `b`, and repeat; the limit is the projection onto the orthogonal
/// complement of both dummy spaces (the Frisch–Waugh–Lovell residual). Each sweep is two passes over
/// the data (the subtraction of one factor's means is fused with the summation for the other).
///
/// Convergence (per column): after each sweep the column is exactly orthogonal to `b`'s dummies and
/// its violation of orthogonality to `a`'s is δ = ‖P_a x‖ (computed from the level sums at no
/// extra cost). With ρ = δ_k/δ_{k−1} the observed contraction rate, the remaining distance to the
/// limit is estimated by δ·ρ/(1−ρ) + δ, as in Gaure (2013, §3.2); the column is converged when this is
/// at most `tolerance` × its initial norm (or × `referenceNorms[c]`, the norms of the columns before
/// a warm start such as `directProjection`). Throws `.notConverged` after `maxIterations` sweeps.
/// Levels with no rows are allowed (they are ignored).
func alternatingProjections(_ data: inout [Double], m: Int, a: [Int32], levelsA: Int, b: [Int32], levelsB: Int,
                            tolerance: Double, maxIterations: Int, referenceNorms: [Double]? = nil,
                            start: ProjectionStart? = nil) throws -> DemeaningReport {
    let n = a.count
    precondition(data.count == n * m && b.count == n)
    if n == 0 || m == 0 { return DemeaningReport(iterations: 0, achieved: 0) }
    var countA = [Double](repeating: 0, count: levelsA)
    var countB = [Double](repeating: 0, count: levelsB)
    for r in 0..<n {
        countA[Int(a[r])] += 1
        countB[Int(b[r])] += 1
    }
    let invA = countA.map { $0 > 0 ? 1 / $0 : 0 }
    let invB = countB.map { $0 > 0 ? 1 / $0 : 0 }
    var sumA = [Double](repeating: 0, count: levelsA * m)
    var sumB = [Double](repeating: 0, count: levelsB * m)
    var norm0 = [Double](repeating: 0, count: m)
    var previous = [Double](repeating: .infinity, count: m)
    var converged = [Bool](repeating: false, count: m)
    var achieved = 0.0

    if let start {
        sumA = start.sumA
        norm0 = start.norms
    } else {
        data.withUnsafeMutableBufferPointer { x in
            sumA.withUnsafeMutableBufferPointer { sa in
                for r in 0..<n {
                    let ra = Int(a[r]) * m, rx = r * m
                    for c in 0..<m {
                        sa[ra + c] += x[rx + c]
                        norm0[c] += x[rx + c] * x[rx + c]
                    }
                }
            }
        }
        for c in 0..<m { norm0[c] = norm0[c].squareRoot() }
    }
    if let referenceNorms { for c in 0..<m { norm0[c] = max(norm0[c], referenceNorms[c]) } }

    var iteration = 0
    while iteration < maxIterations {
        iteration += 1
        // Means of a (sums → means in place), then pass 1: x −= mean_a; sum_b += x.
        for l in 0..<levelsA {
            for c in 0..<m { sumA[l * m + c] *= invA[l] }
        }
        for i in 0..<sumB.count { sumB[i] = 0 }
        data.withUnsafeMutableBufferPointer { x in
            sumA.withUnsafeBufferPointer { ma in
                sumB.withUnsafeMutableBufferPointer { sb in
                    a.withUnsafeBufferPointer { ca in
                        b.withUnsafeBufferPointer { cb in
                            subtractThenSum(x.baseAddress!, rows: n, m: m, subtract: ma.baseAddress!, at: ca.baseAddress!,
                                            sumInto: sb.baseAddress!, at: cb.baseAddress!)
                        }
                    }
                }
            }
        }
        for l in 0..<levelsB {
            for c in 0..<m { sumB[l * m + c] *= invB[l] }
        }
        // Pass 2: x −= mean_b; sum_a += x.
        for i in 0..<sumA.count { sumA[i] = 0 }
        data.withUnsafeMutableBufferPointer { x in
            sumB.withUnsafeBufferPointer { mb in
                sumA.withUnsafeMutableBufferPointer { sa in
                    a.withUnsafeBufferPointer { ca in
                        b.withUnsafeBufferPointer { cb in
                            subtractThenSum(x.baseAddress!, rows: n, m: m, subtract: mb.baseAddress!, at: cb.baseAddress!,
                                            sumInto: sa.baseAddress!, at: ca.baseAddress!)
                        }
                    }
                }
            }
        }
        // δ_c = ‖P_a x‖ = sqrt(Σ_l sum_l² / n_l).
        var allDone = true
        achieved = 0
        for c in 0..<m {
            var d2 = 0.0
            for l in 0..<levelsA { d2 += sumA[l * m + c] * sumA[l * m + c] * invA[l] }
            let delta = d2.squareRoot()
            let rho = previous[c].isFinite && previous[c] > 0 ? min(delta / previous[c], 0.999_999) : 0.5
            previous[c] = delta
            let estimate = delta + delta * rho / (1 - rho)
            let scale = norm0[c] > 0 ? norm0[c] : 1
            let relative = estimate / scale
            achieved = max(achieved, relative)
            if !converged[c] { converged[c] = relative <= tolerance }
            if !converged[c] { allDone = false }
        }
        if allDone { break }
    }
    if converged.contains(false) {
        throw RegressionError.notConverged(iterations: iteration, tolerance: tolerance, achieved: achieved)
    }
    return DemeaningReport(iterations: iteration, achieved: achieved)
}

/// The two-way projection used by the estimators: the direct solve (`directProjection`) where it
/// is cheap, then the alternating projections from there, which confirm convergence to `tolerance`
/// relative to the columns' norms before the solve (a sweep or two) or finish the job.
///
/// `squaredNorms`, when given, are the columns' sums of squares Σ_r x_rc² in row order (the caller
/// gathered them while filling `data`); otherwise they are computed here.
func twoWayProjection(_ data: inout [Double], m: Int, a: [Int32], levelsA: Int, b: [Int32], levelsB: Int,
                      tolerance: Double, maxIterations: Int, squaredNorms: [Double]? = nil) throws -> DemeaningReport {
    let system = m > 0 ? CellSystem(a: a, levelsA: levelsA, b: b, levelsB: levelsB) : nil
    return try twoWayProjection(&data, m: m, a: a, levelsA: levelsA, b: b, levelsB: levelsB, system: system,
                                tolerance: tolerance, maxIterations: maxIterations, squaredNorms: squaredNorms)
}

/// `twoWayProjection` with the direct solve's cell system built beforehand from `a` and `b` (nil:
/// declined, the alternating projections alone), e.g. once for several column sets on the same rows.
func twoWayProjection(_ data: inout [Double], m: Int, a: [Int32], levelsA: Int, b: [Int32], levelsB: Int,
                      system: CellSystem?, tolerance: Double, maxIterations: Int,
                      squaredNorms: [Double]? = nil) throws -> DemeaningReport {
    var norms = [Double](repeating: 0, count: m)
    if let squaredNorms {
        norms = squaredNorms
    } else {
        data.withUnsafeBufferPointer { x in
            for r in 0..<a.count { for c in 0..<m { norms[c] += x[r * m + c] * x[r * m + c] } }
        }
    }
    for c in 0..<m { norms[c] = norms[c].squareRoot() }
    let start = system.map { directProjectionLeavingSums(&data, m: m, a: a, b: b, system: $0) }
    return try alternatingProjections(&data, m: m, a: a, levelsA: levelsA, b: b, levelsB: levelsB,
                                      tolerance: tolerance, maxIterations: maxIterations, referenceNorms: norms, start: start)
}

/// Columns with two non-nested sets of fixed effects partialled out, and the work it took.
public struct DemeanedColumns: Sendable, Equatable {
    /// The residual of each input column from its projection on both sets of dummies.
    public var columns: [[Double]]
    /// Sweeps of the alternating projections.
    public var iterations: Int
}

/// Two-way demeaning: the residual of each column from its least-squares projection on the dummies of
/// `first` and of `second` (e.g. firm, and industry×period), by alternating projections (Gaure
/// 2013). By Frisch–Waugh–Lovell, OLS on the returned columns gives the slopes of the regression
/// with both sets of fixed effects.
///
/// - Parameters:
///   - columns: the variables, n rows each.
///   - first, second: the factor labels, n each (any Int32 labels; need not be nested).
///   - tolerance: convergence when, for every column, the estimated distance to the exact
///     projection (Gaure's criterion, see the implementation notes) is at most `tolerance` times the
///     column's norm. Default 1e-10.
///   - maxIterations: sweeps before `.notConverged` is thrown.
/// - Throws: `RegressionError` for mismatched lengths, non-finite values or non-convergence.
/// - Complexity: O(n·m) per sweep; the number of sweeps depends on how well the two factors mix.
public func twoWayDemean(_ columns: [[Double]], first: [Int32], second: [Int32],
                         tolerance: Double = 1e-10, maxIterations: Int = 10_000) throws -> DemeanedColumns {
    let n = first.count
    guard second.count == n else {
        throw RegressionError.lengthMismatch(field: "second", expected: n, found: second.count, reference: "first")
    }
    guard tolerance > 0, tolerance.isFinite else {
        throw RegressionError.invalidArgument(name: "tolerance", expected: "a positive finite number", found: "\(tolerance)")
    }
    let m = columns.count
    var data = [Double](repeating: 0, count: n * m)
    for (c, col) in columns.enumerated() {
        guard col.count == n else {
            throw RegressionError.lengthMismatch(field: "columns[\(c)]", expected: n, found: col.count, reference: "first")
        }
        for r in 0..<n {
            guard col[r].isFinite else { throw RegressionError.nonFinite(field: "columns[\(c)]", index: r, value: col[r]) }
            data[r * m + c] = col[r]
        }
    }
    let fa = FactorCoding(first), fb = FactorCoding(second)
    let report = try twoWayProjection(&data, m: m, a: fa.codes, levelsA: fa.levels, b: fb.codes, levelsB: fb.levels,
                                      tolerance: tolerance, maxIterations: maxIterations)
    let out = (0..<m).map { c in (0..<n).map { r in data[r * m + c] } }
    return DemeanedColumns(columns: out, iterations: report.iterations)
}
