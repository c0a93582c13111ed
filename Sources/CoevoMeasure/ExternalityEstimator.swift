// The external-economies regression the simulator reports (MODEL.md §4, "Econometrics"):
//
//   ln AVC_it = Σ_s β_s·1[stage(t) = s]·ln Y_it + γ·ln q_it + α_i + δ_(j,t) + ε_it
//
// on an unbalanced firm × period panel: i firm, j industry (or any group), t period, stage(t) a
// period-level label, Y the output the firm's costs draw on (excluding its own), q its own output.
// Firm and industry×period fixed effects are partialled out by alternating projections
// (RegressionFixedEffects.swift), the slopes by OLS on the demeaned data (Frisch–Waugh–Lovell),
// standard errors are CR1 clustered by the given cluster id, and 95% intervals come from the
// restricted wild cluster bootstrap with Webb weights (ExternalityWildBootstrap.swift).

/// A firm × period panel for `estimateExternality`. All row arrays have one entry per observation.
public struct ExternalityPanel: Sendable, Equatable {
    /// ln average variable cost (the dependent variable).
    public var logAVC: [Double]
    /// ln reachable output Y (the external-economies regressor, excluding the firm's own output).
    public var logReach: [Double]
    /// ln own output q.
    public var logOutput: [Double]
    /// Firm id (any Int32 labels).
    public var firm: [Int32]
    /// Industry (or other group) id; the second fixed effect is group × period.
    public var group: [Int32]
    /// Period, an index into `stageOfPeriod` (0-based).
    public var period: [Int32]
    /// Cluster id for inference (the industrial cluster).
    public var cluster: [Int32]
    /// Stage label of each period, indexed by period: 1...4 (0, "no stage entered yet", is also
    /// accepted and gets its own slope like any other label).
    public var stageOfPeriod: [Int]

    public init(logAVC: [Double], logReach: [Double], logOutput: [Double], firm: [Int32], group: [Int32],
                period: [Int32], cluster: [Int32], stageOfPeriod: [Int]) {
        self.logAVC = logAVC
        self.logReach = logReach
        self.logOutput = logOutput
        self.firm = firm
        self.group = group
        self.period = period
        self.cluster = cluster
        self.stageOfPeriod = stageOfPeriod
    }
}

/// One estimated coefficient.
public struct CoefficientEstimate: Sendable, Codable, Equatable {
    /// Point estimate.
    public var estimate: Double
    /// CR1 cluster-robust standard error.
    public var standardError: Double
    /// Lower end of the wild-cluster-bootstrap confidence interval (nil when no bootstrap was run).
    public var ciLow: Double?
    /// Upper end of that interval.
    public var ciHigh: Double?
    /// Wild-cluster-bootstrap p-value (symmetric, null imposed) of H0: coefficient = 0.
    public var pValue: Double?

    public init(estimate: Double, standardError: Double, ciLow: Double?, ciHigh: Double?, pValue: Double?) {
        self.estimate = estimate
        self.standardError = standardError
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.pValue = pValue
    }
}

/// The result of `estimateExternality`.
public struct ExternalityEstimate: Sendable, Codable, Equatable {
    /// β_s for every stage that occurs in the estimation sample and keeps variation after the fixed
    /// effects are partialled out; stages that never occur, or are listed in
    /// `stagesWithoutVariation`, are absent (look-up gives nil).
    public var byStage: [Int: CoefficientEstimate]
    /// γ, the elasticity of average variable cost to own output.
    public var ownOutput: CoefficientEstimate
    /// Stages that occur but whose regressor is entirely absorbed by the fixed effects (not estimated).
    public var stagesWithoutVariation: [Int]
    /// Rows used (after dropping singletons).
    public var observations: Int
    /// Rows dropped as singletons (a firm observed once, or alone in its group×period cell), iteratively.
    public var droppedSingletons: Int
    /// Firms in the estimation sample.
    public var firms: Int
    /// Clusters in the estimation sample (G).
    public var clusters: Int
    /// Fixed-effect parameters counted in the CR1 degrees of freedom (see `estimateExternality`).
    public var absorbedParameters: Int
    /// R² of the regression on the demeaned data, 1 − SSR/Σỹ² (0 when ỹ has no variation).
    public var withinR2: Double
    /// Bootstrap draws used (0: no intervals).
    public var bootstrapDraws: Int
    /// Sweeps the alternating projections needed.
    public var demeaningIterations: Int

    public init(byStage: [Int: CoefficientEstimate], ownOutput: CoefficientEstimate, stagesWithoutVariation: [Int],
                observations: Int, droppedSingletons: Int, firms: Int, clusters: Int, absorbedParameters: Int,
                withinR2: Double, bootstrapDraws: Int, demeaningIterations: Int) {
        self.byStage = byStage
        self.ownOutput = ownOutput
        self.stagesWithoutVariation = stagesWithoutVariation
        self.observations = observations
        self.droppedSingletons = droppedSingletons
        self.firms = firms
        self.clusters = clusters
        self.absorbedParameters = absorbedParameters
        self.withinR2 = withinR2
        self.bootstrapDraws = bootstrapDraws
        self.demeaningIterations = demeaningIterations
    }
}

/// Estimates ln AVC_it = Σ_s β_s·1[stage(t)=s]·ln Y_it + γ·ln q_it + α_i + δ_(group,t) + ε_it.
///
/// Contract and conventions:
/// - Singletons are dropped first, iteratively (rows whose firm, or whose group×period cell, has one
///   row), as reghdfe does; they are fitted exactly by their own effect and carry no information.
/// - Firm and group×period effects are partialled out of ln AVC and of every regressor by alternating
///   projections to relative `tolerance` (default 1e-10; see `twoWayDemean`), then the slopes are
///   OLS on the demeaned data (Frisch–Waugh–Lovell).
/// - A stage whose regressor keeps, after demeaning, less than max(1e-8, 100·tolerance) of its norm
///   has no within variation: it is left out and listed in `stagesWithoutVariation`. ln q without
///   within variation throws `.noVariation`; exact collinearity among the remaining regressors
///   throws `.collinear` naming the column.
/// - CR1 standard errors: V = c·A(Σ_g s_g s_g')A with c = G/(G−1)·(N−1)/(N−K), K = k slopes + the
///   absorbed fixed-effect parameters not nested within the clusters: with F firms, C cells and M
///   connected components of the firm–cell graph, K_FE = F + C − M (the rank of both sets of
///   dummies); F is left out if every firm stays in one cluster, C if every cell lies in one
///   cluster (reghdfe's treatment of nested effects), floored at 0.
/// - Intervals and p-values: restricted wild cluster bootstrap (null imposed for each coefficient,
///   symmetric test, Webb six-point weights, `bootstrapDraws` draws, SplitMix64 seeded with `seed`),
///   the interval the set of values not rejected at 1 − `confidenceLevel`; see
///   `restrictedWildClusterBootstrap`. `bootstrapDraws` = 0 skips it (intervals and p-values nil).
///   Deterministic: the same panel and seed give identical results.
/// - Throws `RegressionError` on mismatched lengths, an empty panel, non-finite values, a period
///   outside `stageOfPeriod`, a stage label outside 0...4, fewer than 2 clusters, no residual
///   degrees of freedom, or failed convergence.
/// - Complexity: O(N) per demeaning sweep and O(N·k²) for the cross products; the bootstrap works on
///   G cluster summaries only, O(B·G·k²) in all.
public func estimateExternality(_ panel: ExternalityPanel, bootstrapDraws: Int = 999, seed: UInt64 = 1,
                                confidenceLevel: Double = 0.95, tolerance: Double = 1e-10) throws -> ExternalityEstimate {
    try validateExternalityInput(panel, bootstrapDraws: bootstrapDraws, confidenceLevel: confidenceLevel, tolerance: tolerance)
    let design = try ExternalityDesign([panel], jobs: 1)
    return try estimateExternality(panel, design: design, columns: design.columns[0], bootstrapDraws: bootstrapDraws,
                                   seed: seed, confidenceLevel: confidenceLevel, tolerance: tolerance)
}

/// `estimateExternality` for several panels at once, each result (or error) the bits the single
/// call gives. Panels on the same rows — identical `firm`, `group`, `period`, `cluster` and
/// `stageOfPeriod`, such as one panel with two alternative external-economies regressors — share
/// what depends on those alone (the fixed effects' coding, the singletons, the cell system's
/// Cholesky factor, the clusters and the absorbed degrees of freedom), computed once; up to `jobs`
/// threads work on the shared part's independent pieces and then on the panels side by side.
/// `workspace`: memory made ready for the matrices beforehand (`RegressionWorkspace`); the
/// results are the same bits with or without it.
public func estimateExternality(_ panels: [ExternalityPanel], bootstrapDraws: Int = 999, seed: UInt64 = 1,
                                confidenceLevel: Double = 0.95, tolerance: Double = 1e-10,
                                jobs: Int = 1, workspace: RegressionWorkspace? = nil) -> [Result<ExternalityEstimate, any Error>] {
    let checked: [Result<Void, any Error>] = panels.map { panel in
        Result { try validateExternalityInput(panel, bootstrapDraws: bootstrapDraws, confidenceLevel: confidenceLevel,
                                              tolerance: tolerance) }
    }
    let valid = checked.map { (try? $0.get()) != nil }
    // Valid panels grouped by their rows (in order of first appearance); each group gets one
    // design, and a panel's matrix is at its place within its group.
    var members: [[Int]] = [], group = [Int](repeating: -1, count: panels.count), place = group
    for i in panels.indices where valid[i] {
        let g = members.firstIndex { panels[$0[0]].sameRows(as: panels[i]) } ?? { members.append([]); return members.count - 1 }()
        group[i] = g; place[i] = members[g].count
        members[g].append(i)
    }
    // A workspace serves the first group (its buffers in panel order), the only one when the
    // panels share their rows.
    let designs = members.enumerated().map { g, m in
        Result { try ExternalityDesign(m.map { panels[$0] }, jobs: jobs, workspace: g == 0 ? workspace : nil) }
    }
    workspace?.releaseRemaining()
    let lender = group, at = place
    return parallelMap(count: panels.count, jobs: jobs) { i in
        Result {
            try checked[i].get()
            let design = try designs[lender[i]].get()
            return try estimateExternality(panels[i], design: design, columns: design.columns[at[i]],
                                           bootstrapDraws: bootstrapDraws, seed: seed, confidenceLevel: confidenceLevel,
                                           tolerance: tolerance)
        }
    }
}

extension ExternalityPanel {
    /// Whether `other` has the same rows: the same firm, group, period and cluster of every row and
    /// the same stage labels (the other columns may differ).
    func sameRows(as other: ExternalityPanel) -> Bool {
        firm == other.firm && group == other.group && period == other.period && cluster == other.cluster
            && stageOfPeriod == other.stageOfPeriod
    }
}

/// The checks `estimateExternality` makes before estimating (see its contract).
func validateExternalityInput(_ panel: ExternalityPanel, bootstrapDraws: Int, confidenceLevel: Double,
                              tolerance: Double) throws {
    let n = panel.logAVC.count
    let rowColumns: [(String, Int)] = [
        ("logReach", panel.logReach.count), ("logOutput", panel.logOutput.count), ("firm", panel.firm.count),
        ("group", panel.group.count), ("period", panel.period.count), ("cluster", panel.cluster.count),
    ]
    for (name, count) in rowColumns where count != n {
        throw RegressionError.lengthMismatch(field: name, expected: n, found: count, reference: "logAVC")
    }
    guard n > 0 else { throw RegressionError.noObservations(detail: "the panel has no rows") }
    guard bootstrapDraws >= 0 else {
        throw RegressionError.invalidArgument(name: "bootstrapDraws", expected: "≥ 0", found: "\(bootstrapDraws)")
    }
    guard confidenceLevel > 0, confidenceLevel < 1 else {
        throw RegressionError.invalidArgument(name: "confidenceLevel", expected: "in (0, 1)", found: "\(confidenceLevel)")
    }
    guard tolerance > 0, tolerance < 1e-3 else {
        throw RegressionError.invalidArgument(name: "tolerance", expected: "in (0, 1e-3)", found: "\(tolerance)")
    }
    for (name, column) in [("logAVC", panel.logAVC), ("logReach", panel.logReach), ("logOutput", panel.logOutput)] {
        for (i, value) in column.enumerated() where !value.isFinite {
            throw RegressionError.nonFinite(field: name, index: i, value: value)
        }
    }
    let periods = panel.stageOfPeriod.count
    for (p, s) in panel.stageOfPeriod.enumerated() where !(0...4).contains(s) {
        throw RegressionError.outOfRange(field: "stageOfPeriod", index: p, expected: "a stage label in 0...4", found: "\(s)")
    }
    for (i, p) in panel.period.enumerated() where p < 0 || Int(p) >= periods {
        throw RegressionError.outOfRange(field: "period", index: i, expected: "an index into stageOfPeriod (0..<\(periods))", found: "\(p)")
    }
}

/// What the regression takes from a panel's identifiers alone (firm, group, period, cluster, stage
/// labels), for any dependent variable and regressors on those rows: the rows left after dropping
/// singletons, the firm, cell (group × period) and cluster codes of those rows, the stages that
/// occur, the direct solve's cell system, and the fixed-effect parameters CR1 counts; and the
/// interleaved columns of each panel it was built for. `jobs` ≥ 2 computes the independent pieces
/// side by side (the same values): the cell system on one thread while the other fills the
/// panels' matrices.
struct ExternalityDesign: Sendable {
    /// Panel rows kept (ascending).
    let rows: [Int]
    let firm: FactorCoding
    let cell: FactorCoding
    let cluster: FactorCoding
    /// Stage labels of the kept rows' periods, ascending.
    let stages: [Int]
    /// nil: too many cells for the direct solve (alternating projections alone).
    let system: CellSystem?
    /// K_FE = F + C − M, each of F and C left out when nested in the clusters, floored at 0.
    let absorbed: Int
    /// The matrices of the panels the design was built for, in their order (each consumed once:
    /// the estimate demeans it in place).
    let columns: [InterleavedColumns]

    /// `panels` must be on the same rows (`sameRows(as:)`) and valid (`validateExternalityInput`).
    init(_ panels: [ExternalityPanel], jobs: Int, workspace: RegressionWorkspace? = nil) throws {
        let panel = panels[0]
        let n = panel.logAVC.count, periods = panel.stageOfPeriod.count
        // Fixed-effect levels and singletons.
        let (firmAll, cellAll) = inParallel(jobs: jobs, { FactorCoding(panel.firm) }, {
            let groupAll = FactorCoding(panel.group)
            return FactorCoding(pairs: groupAll.codes, groupAll.levels, panel.period, periods)
        })
        let keep = nonSingletonRows(firmAll.codes, levelsA: firmAll.levels, cellAll.codes, levelsB: cellAll.levels)
        let rows: [Int] = {
            var rows = [Int]()
            rows.reserveCapacity(n)
            for r in 0..<n where keep[r] { rows.append(r) }
            return rows
        }()
        let nk = rows.count
        guard nk > 0 else {
            throw RegressionError.noObservations(detail: "all \(n) rows are singletons (a firm observed once or alone in its group×period cell)")
        }
        // Recode only if rows were dropped (levels may have disappeared).
        let allKept = nk == n
        let (firm, cell) = inParallel(jobs: jobs, { allKept ? firmAll : FactorCoding(rows.map { firmAll.codes[$0] }) },
                                      { allKept ? cellAll : FactorCoding(rows.map { cellAll.codes[$0] }) })
        let (solve, rest) = inParallel(jobs: jobs, { () -> (CellSystem?, Int) in
            let system = CellSystem(a: firm.codes, levelsA: firm.levels, b: cell.codes, levelsB: cell.levels)
            let components = connectedComponents(firm.codes, levelsA: firm.levels, cell.codes, levelsB: cell.levels)
            return (system, components)
        }, { () -> (FactorCoding, [Int], Bool, Bool, [InterleavedColumns]) in
            let cluster = FactorCoding(allKept ? panel.cluster : rows.map { panel.cluster[$0] })
            var periodOccurs = [Bool](repeating: false, count: periods)
            for row in rows { periodOccurs[Int(panel.period[row])] = true }
            let stages = Array(Set((0..<periods).filter { periodOccurs[$0] }.map { panel.stageOfPeriod[$0] })).sorted()
            var firmCluster = [Int32](repeating: -1, count: firm.levels)
            var cellCluster = [Int32](repeating: -1, count: cell.levels)
            var firmNested = true, cellNested = true
            for r in 0..<nk {
                let f = Int(firm.codes[r]), c = Int(cell.codes[r]), cl = cluster.codes[r]
                if firmCluster[f] < 0 { firmCluster[f] = cl } else if firmCluster[f] != cl { firmNested = false }
                if cellCluster[c] < 0 { cellCluster[c] = cl } else if cellCluster[c] != cl { cellNested = false }
            }
            let columns = panels.indices.map { i in
                InterleavedColumns(panels[i], rows: rows, stages: stages) { workspace?.take(i, elements: $0) }
            }
            return (cluster, stages, firmNested, cellNested, columns)
        })
        self.rows = rows
        self.firm = firm
        self.cell = cell
        self.cluster = rest.0
        self.stages = rest.1
        self.system = solve.0
        self.absorbed = max(0, (rest.2 ? 0 : firm.levels) + (rest.3 ? 0 : cell.levels) - solve.1)
        self.columns = rest.4
    }
}

/// One panel's regression columns on the kept rows, interleaved (row r, column c at r·m + c):
/// column 0 ln AVC, then one ln Y column per stage that occurs (ln Y in its stage's column, 0 in
/// the others), then ln q; with each column's sum of squares, in row order.
///
/// A class, so that the estimate can take the matrix out of the design that holds it (no copy);
/// each panel's task takes its own once.
final class InterleavedColumns: @unchecked Sendable {
    let m: Int
    private var data: [Double]
    let squaredNorms: [Double]

    /// The matrix, moved out (what is left behind is empty).
    func take() -> [Double] {
        var out: [Double] = []
        swap(&out, &data)
        return out
    }

    /// `reuse`: memory of at least rows × m doubles to fill (a workspace's), else fresh memory.
    init(_ panel: ExternalityPanel, rows: [Int], stages: [Int], reuse: (_ elements: Int) -> [Double]? = { _ in nil }) {
        let m = stages.count + 2
        var stageColumn = [Int](repeating: -1, count: 5)
        for (i, s) in stages.enumerated() { stageColumn[s] = 1 + i }
        let columnOfPeriod = panel.stageOfPeriod.map { stageColumn[$0] }
        // Every element written once, in row order (the stage columns other than the row's own
        // hold 0).
        var rawNorm = [Double](repeating: 0, count: m)
        func fill(_ x: UnsafeMutablePointer<Double>) {
            rawNorm.withUnsafeMutableBufferPointer { norm in
                panel.logAVC.withUnsafeBufferPointer { y in
                    panel.logReach.withUnsafeBufferPointer { reach in
                        panel.logOutput.withUnsafeBufferPointer { q in
                            panel.period.withUnsafeBufferPointer { period in
                                for (r, row) in rows.enumerated() {
                                    let base = r * m
                                    let c = columnOfPeriod[Int(period[row])]
                                    for j in 1..<(m - 1) { x[base + j] = 0 }
                                    x[base] = y[row]
                                    x[base + c] = reach[row]
                                    x[base + m - 1] = q[row]
                                    norm[0] += y[row] * y[row]
                                    norm[c] += reach[row] * reach[row]
                                    norm[m - 1] += q[row] * q[row]
                                }
                            }
                        }
                    }
                }
            }
        }
        let elements = rows.count * m
        var data: [Double]
        if var reused = reuse(elements) {
            reused.withUnsafeMutableBufferPointer { fill($0.baseAddress!) }
            data = reused
        } else {
            data = [Double](unsafeUninitializedCapacity: elements) { x, initialized in
                fill(x.baseAddress!)
                initialized = elements
            }
        }
        self.m = m
        self.data = data
        self.squaredNorms = rawNorm
    }
}

/// The estimate for `panel` on its `design` (built from this panel or one on the same rows).
func estimateExternality(_ panel: ExternalityPanel, design: ExternalityDesign, columns: InterleavedColumns,
                         bootstrapDraws: Int, seed: UInt64, confidenceLevel: Double,
                         tolerance: Double) throws -> ExternalityEstimate {
    let n = panel.logAVC.count
    let rows = design.rows, nk = rows.count
    let firm = design.firm, cell = design.cell, cluster = design.cluster, stages = design.stages

    let m = columns.m
    var data = columns.take()
    let rawNorm = columns.squaredNorms
    let report = try twoWayProjection(&data, m: m, a: firm.codes, levelsA: firm.levels, b: cell.codes, levelsB: cell.levels,
                                      system: design.system, tolerance: tolerance, maxIterations: 10_000, squaredNorms: rawNorm)

    // One pass over the demeaned data: every column's norm and, per cluster, the cross products of
    // all m columns (lower triangle, row-major m²). Each entry is its sum in row order, whichever
    // columns turn out to be kept.
    let g = cluster.levels
    var demeanedNorm = [Double](repeating: 0, count: m)
    var allCross = [Double](repeating: 0, count: g * m * m)
    demeanedNorm.withUnsafeMutableBufferPointer { norm in
        allCross.withUnsafeMutableBufferPointer { cr in
            data.withUnsafeBufferPointer { x in
                cluster.codes.withUnsafeBufferPointer { code in
                    // Through pointers stepped row by row (indices recomputed per element, each
                    // with its overflow check, cost more than the products).
                    guard nk > 0, let norm = norm.baseAddress, let cr = cr.baseAddress, let code = code.baseAddress,
                          var row = x.baseAddress else { return }
                    let square = m &* m
                    for r in 0..<nk {
                        var accumulator = cr + Int(code[r]) &* square
                        for i in 0..<m {
                            let xi = row[i]
                            norm[i] += xi * xi
                            for j in 0...i { accumulator[j] += xi * row[j] }
                            accumulator += m
                        }
                        row += m
                    }
                }
            }
        }
    }
    // Regressors with within variation.
    let threshold = max(1e-8, 100 * tolerance)
    func hasVariation(_ c: Int) -> Bool {
        demeanedNorm[c] > 0 && demeanedNorm[c].squareRoot() > threshold * rawNorm[c].squareRoot()
    }
    guard hasVariation(m - 1) else { throw RegressionError.noVariation(column: "logOutput") }
    var active = [Int](), names = [String](), activeStages = [Int](), absorbedStages = [Int]()
    for (i, s) in stages.enumerated() {
        if hasVariation(1 + i) {
            active.append(1 + i)
            names.append("logReach×stage\(s)")
            activeStages.append(s)
        } else {
            absorbedStages.append(s)
        }
    }
    active.append(m - 1)
    names.append("logOutput")
    let k = active.count

    // Per-cluster cross products of [X̃ ỹ] (row-major (k+1)², symmetric), and their sum X'X, X'y.
    let w = k + 1
    let columnOf = active + [0]
    var cross = [Double](repeating: 0, count: g * w * w)
    for h in 0..<g {
        for i in 0..<w {
            for j in 0...i {
                let a = max(columnOf[i], columnOf[j]), b = min(columnOf[i], columnOf[j])
                cross[h * w * w + i * w + j] = allCross[h * m * m + a * m + b]
            }
        }
    }
    for h in 0..<g {
        let base = h * w * w
        for i in 0..<w {
            for j in 0..<i { cross[base + j * w + i] = cross[base + i * w + j] }
        }
    }
    var xtx = SmallSymmetric(k: k)
    var xty = [Double](repeating: 0, count: k)
    var yty = 0.0
    for h in 0..<g {
        let base = h * w * w
        for i in 0..<k {
            for j in 0..<k { xtx[i, j] += cross[base + i * w + j] }
            xty[i] += cross[base + i * w + k]
        }
        yty += cross[base + k * w + k]
    }
    let inverse: SmallSymmetric
    switch xtx.inverse() {
    case .success(let inv): inverse = inv
    case .failure(let bad): throw RegressionError.collinear(column: names[bad.index], others: Array(names[..<bad.index]))
    }
    let beta = inverse.times(xty)
    var ssr = 0.0
    data.withUnsafeBufferPointer { x in
        active.withUnsafeBufferPointer { act in
            beta.withUnsafeBufferPointer { b in
                guard nk > 0, var row = x.baseAddress, let act = act.baseAddress, let b = b.baseAddress else { return }
                for _ in 0..<nk {
                    var e = row[0]
                    for p in 0..<k { e -= row[act[p]] * b[p] }
                    ssr += e * e
                    row += m
                }
            }
        }
    }
    let withinR2 = yty > 0 ? 1 - ssr / yty : 0

    // Degrees of freedom for CR1.
    guard g >= 2 else {
        throw RegressionError.noObservations(detail: "cluster-robust inference needs at least 2 clusters, found \(g)")
    }
    let absorbed = design.absorbed
    let parameters = k + absorbed
    guard nk > parameters else {
        throw RegressionError.noObservations(detail: "\(nk) rows leave no residual degrees of freedom for \(parameters) parameters")
    }
    let scale = Double(g) / Double(g - 1) * Double(nk - 1) / Double(nk - parameters)
    let covariance = clusterRobustCovariance(crossProducts: cross, k: k, inverse: inverse, coefficients: beta, scale: scale)
    let se = (0..<k).map { max(0, covariance[$0, $0]).squareRoot() }

    var boot: WildBootstrapResult?
    if bootstrapDraws > 0 {
        boot = restrictedWildClusterBootstrap(crossProducts: cross, k: k, xtx: xtx, inverse: inverse, coefficients: beta,
                                              standardErrors: se, scale: scale, draws: bootstrapDraws, seed: seed,
                                              level: confidenceLevel)
    }
    func coefficient(_ p: Int) -> CoefficientEstimate {
        CoefficientEstimate(estimate: beta[p], standardError: se[p], ciLow: boot?.ciLow[p], ciHigh: boot?.ciHigh[p],
                            pValue: boot?.pValue[p])
    }
    var byStage = [Int: CoefficientEstimate]()
    for (p, s) in activeStages.enumerated() { byStage[s] = coefficient(p) }
    return ExternalityEstimate(byStage: byStage, ownOutput: coefficient(k - 1), stagesWithoutVariation: absorbedStages,
                               observations: nk, droppedSingletons: n - nk, firms: firm.levels, clusters: g,
                               absorbedParameters: absorbed, withinR2: withinR2, bootstrapDraws: bootstrapDraws,
                               demeaningIterations: report.iterations)
}
