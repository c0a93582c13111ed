// The fixed random firm panel (MODEL.md §4 "Econometrics"; INTERFACE.md `--panel`): a sample of
// about min(N, observe.panel_size) firm ids drawn once by a keyed hash (entrants are sampled at
// the same rate), recorded every quarter with the variables of the external-economies regression
// as logarithms: average variable cost, own output, and reachable output Y^reach_(−i), the output
// of the firms whose output lowers i's costs, excluding its own: its cluster; B2B-reachable
// suppliers of its industry elsewhere when it buys through B2B; its partners in other clusters; and,
// when it is embedded, its ecosystem's members in other clusters (MODEL.md §4); and cluster output
// alone. For export (`--panel`) each row also keeps the raw values, average cost and its components.

public struct FirmPanel: Sendable {
    public let fraction: Double
    /// Whether each row keeps its average cost and the cost components (`--panel`, the table users
    /// export); without them a row keeps only what the regression reads (96 bytes fewer a row).
    public let keepsCosts: Bool
    let random: CounterRandom
    public private(set) var firm: [UInt32] = []
    public private(set) var period: [Int32] = []
    public private(set) var cluster: [Int32] = []
    public private(set) var industry: [Int32] = []
    public private(set) var role: [ChainRole] = []
    public private(set) var channels: [UInt8] = []
    /// The regression's variables as logarithms, taken as the rows are recorded (so the pipeline
    /// after the run does not): ln AVC, ln q, ln Y^reach and ln Y^cluster, −∞ where the value is
    /// not positive (such rows are left out of the regression).
    public private(set) var logAverageVariableCost: [Double] = []
    public private(set) var logOutput: [Double] = []
    public private(set) var logReachableOutput: [Double] = []
    public private(set) var logClusterOutput: [Double] = []
    /// Output, average cost less its fixed part (the regression's AVC), average cost and, 7 per
    /// row, its components (production, logistics, finance, transaction, fees, inventory, fixed),
    /// and the two regressors (reachable and cluster output): empty unless `keepsCosts`.
    public private(set) var output: [Double] = []
    public private(set) var averageVariableCost: [Double] = []
    public private(set) var averageCost: [Double] = []
    public private(set) var components: [Double] = []
    public private(set) var reachableOutput: [Double] = []
    public private(set) var clusterOutput: [Double] = []
    /// Stage (mechanism-based) of each recorded period, by period index.
    public private(set) var stageOfPeriod: [Int] = []

    public var rows: Int { firm.count }

    public init(sampleSize: Int, initialFirms: Int, seed: UInt64, keepsCosts: Bool = true) {
        fraction = initialFirms > 0 ? min(1, Double(sampleSize) / Double(initialFirms)) : 0
        self.keepsCosts = keepsCosts
        random = CounterRandom(seed: seed)
    }

    @inline(__always) public func sampled(_ id: UInt32) -> Bool {
        fraction >= 1 || random.uniform(.panel, period: 0, id: id) < fraction
    }

    /// The quarter's mechanism stage (the label of the rows recorded for it).
    mutating func recordStage(_ stage: Int) {
        guard fraction > 0 else { return }
        stageOfPeriod.append(stage)
    }

    /// The quarter's rows. Reads the firm state only (as the step left it; none of the columns
    /// the observer writes), so `Simulation.run` records while the observer observes.
    mutating func record(_ model: Model) {
        guard fraction > 0 else { return }
        let f = model.firms, n = f.count
        // Columns through their base pointers, taken once (through `f.x[s]` every access reloads
        // the column and its base).
        let clusterOf = f.cluster.base, industryOf = f.industry.base, roleOf = f.role.base, channelsOf = f.channels.base
        let outputOf = f.output.base, ecosystemOf = f.ecosystem.base, ids = f.id.base
        let b2bBit = Channel.b2b.bit
        var qk = [Double](repeating: 0, count: model.world.clusters)
        var b2bK = qk
        var b2bJ = [Double](repeating: 0, count: model.world.industries)
        let K = model.world.clusters, families = model.ecosystemBestLogA.count
        var ecoQ = [Double](repeating: 0, count: families), ecoQK = [Double](repeating: 0, count: families * K)
        for s in 0..<n {
            let k = Int(clusterOf[s])
            qk[k] += outputOf[s]
            if channelsOf[s] & b2bBit != 0 && roleOf[s] == .supplier { b2bK[k] += outputOf[s]; b2bJ[Int(industryOf[s])] += outputOf[s] }
            let e = Int(ecosystemOf[s])
            if e > 0 && e <= families { ecoQ[e - 1] += outputOf[s]; ecoQK[(e - 1) * K + k] += outputOf[s] }
        }
        // The quarter's rows first (slots and the two regressors), then every column appended in
        // one piece: per-row appends to ten arrays cost more than the rows' arithmetic.
        var picked = [Int](), reaches = [Double](), owns = [Double]()
        let expected = fraction >= 1 ? n : min(n, Int(Double(n) * fraction * 1.2) + 64)
        picked.reserveCapacity(expected); reaches.reserveCapacity(expected); owns.reserveCapacity(expected)
        for s in 0..<n where outputOf[s] > 1e-12 && sampled(ids[s]) {
            let k = Int(clusterOf[s]), q = outputOf[s]
            let own = qk[k] - q
            var reach = own
            let buysB2B = channelsOf[s] & b2bBit != 0 && roleOf[s] != .supplier
            if buysB2B { reach += b2bJ[Int(industryOf[s])] - b2bK[k] }
            let e = Int(ecosystemOf[s])
            model.forEachPartner(s) { o in
                // Partners elsewhere not already counted through B2B or the ecosystem.
                guard Int(clusterOf[o]) != k, !(e > 0 && Int(ecosystemOf[o]) == e),
                      !(buysB2B && roleOf[o] == .supplier && channelsOf[o] & b2bBit != 0 && industryOf[o] == industryOf[s]) else { return }
                reach += outputOf[o]
            }
            if e > 0 && e <= families { reach += ecoQ[e - 1] - ecoQK[(e - 1) * K + k] }
            picked.append(s); reaches.append(reach); owns.append(own)
        }
        firm.append(contentsOf: picked.map { ids[$0] })
        period.append(contentsOf: repeatElement(Int32(model.period), count: picked.count))
        cluster.append(contentsOf: picked.map { clusterOf[$0] })
        industry.append(contentsOf: picked.map { industryOf[$0] })
        role.append(contentsOf: picked.map { roleOf[$0] })
        channels.append(contentsOf: picked.map { channelsOf[$0] })
        let fixed = FirmStore.costComponents - 1
        let costs = picked.map { f.averageCost($0) }
        let variableCosts = zip(picked, costs).map { $1 - model.costComponent($0, fixed) }
        logAverageVariableCost.append(contentsOf: variableCosts.map(Self.logarithm))
        logOutput.append(contentsOf: picked.map { Self.logarithm(outputOf[$0]) })
        logReachableOutput.append(contentsOf: reaches.map(Self.logarithm))
        logClusterOutput.append(contentsOf: owns.map(Self.logarithm))
        if keepsCosts {
            output.append(contentsOf: picked.map { outputOf[$0] })
            averageVariableCost.append(contentsOf: variableCosts)
            averageCost.append(contentsOf: costs)
            for s in picked { for c in 0..<FirmStore.costComponents { components.append(model.costComponent(s, c)) } }
            reachableOutput.append(contentsOf: reaches); clusterOutput.append(contentsOf: owns)
        }
    }

    /// ln x, or −∞ (the mark of a row to leave out) where x is not positive.
    static func logarithm(_ x: Double) -> Double { x > 0 ? log(x) : -.infinity }

    /// The external-economies regressor: the output that lowers a firm's costs (MODEL.md §4), or
    /// its cluster's alone (for comparison with the literature).
    public enum ExternalOutput: Sendable {
        case reachable, cluster
    }

    /// The rows of the external-economies regression (MODEL.md §4): ln AVC (average cost less the
    /// fixed part) on ln of `regressor` (reachable or cluster output) and ln own output, with firm,
    /// industry × period and cluster identifiers; rows with a non-positive cost, regressor or
    /// output are left out.
    public func externalityPanel(_ regressor: ExternalOutput) -> ExternalityPanel {
        let logRegressor = regressor == .reachable ? logReachableOutput : logClusterOutput
        let first = period.first ?? 0
        // Usually every row stays (output is positive by construction): the columns are then
        // shared, not copied.
        if !logAverageVariableCost.contains(-.infinity) && !logRegressor.contains(-.infinity) && !logOutput.contains(-.infinity) {
            return ExternalityPanel(logAVC: logAverageVariableCost, logReach: logRegressor, logOutput: logOutput,
                                    firm: firm.map { Int32(bitPattern: $0) }, group: industry, period: period.map { $0 - first },
                                    cluster: cluster, stageOfPeriod: stageOfPeriod)
        }
        var logAVC: [Double] = [], logReach: [Double] = [], logQ: [Double] = []
        var firmIDs: [Int32] = [], group: [Int32] = [], periods: [Int32] = [], clusters: [Int32] = []
        logAVC.reserveCapacity(rows); logReach.reserveCapacity(rows); logQ.reserveCapacity(rows)
        firmIDs.reserveCapacity(rows); group.reserveCapacity(rows); periods.reserveCapacity(rows); clusters.reserveCapacity(rows)
        for i in 0..<rows {
            let y = logAverageVariableCost[i], x = logRegressor[i], q = logOutput[i]
            guard y > -.infinity, x > -.infinity, q > -.infinity else { continue }
            logAVC.append(y); logReach.append(x); logQ.append(q)
            firmIDs.append(Int32(bitPattern: firm[i])); group.append(industry[i])
            periods.append(period[i] - first); clusters.append(cluster[i])
        }
        return ExternalityPanel(logAVC: logAVC, logReach: logReach, logOutput: logQ, firm: firmIDs, group: group,
                                period: periods, cluster: clusters, stageOfPeriod: stageOfPeriod)
    }
}

import CoevoMeasure
import Foundation
