// The fixed random firm panel (MODEL.md §4 "Econometrics"; INTERFACE.md `--panel`): a sample of
// about min(N, observe.panel_size) firm ids drawn once by a keyed hash (entrants are sampled at
// the same rate), recorded every quarter with output, average cost and its components, and the
// regressors of the external-economies regression: own output and reachable output Y^reach_(−i),
// the output of the firms whose output lowers i's costs, excluding its own: its cluster; B2B-reachable
// suppliers of its industry elsewhere when it buys through B2B; its partners in other clusters; and,
// when it is embedded, its ecosystem's members in other clusters (MODEL.md §4).

public struct FirmPanel: Sendable {
    public let fraction: Double
    let random: CounterRandom
    public private(set) var firm: [UInt32] = []
    public private(set) var period: [Int32] = []
    public private(set) var cluster: [Int32] = []
    public private(set) var industry: [Int32] = []
    public private(set) var role: [ChainRole] = []
    public private(set) var channels: [UInt8] = []
    public private(set) var output: [Double] = []
    public private(set) var averageCost: [Double] = []
    /// 7 per row: production, logistics, finance, transaction, fees, inventory, fixed.
    public private(set) var components: [Double] = []
    public private(set) var reachableOutput: [Double] = []
    public private(set) var clusterOutput: [Double] = []
    /// Stage (mechanism-based) of each recorded period, by period index.
    public private(set) var stageOfPeriod: [Int] = []

    public var rows: Int { firm.count }

    public init(sampleSize: Int, initialFirms: Int, seed: UInt64) {
        fraction = initialFirms > 0 ? min(1, Double(sampleSize) / Double(initialFirms)) : 0
        random = CounterRandom(seed: seed)
    }

    @inline(__always) public func sampled(_ id: UInt32) -> Bool {
        fraction >= 1 || random.uniform(.panel, period: 0, id: id) < fraction
    }

    mutating func record(_ model: Model, stage: Int) {
        guard fraction > 0 else { return }
        let f = model.firms
        var qk = [Double](repeating: 0, count: model.world.clusters)
        var b2bK = qk
        var b2bJ = [Double](repeating: 0, count: model.world.industries)
        let K = model.world.clusters, families = model.ecosystemBestLogA.count
        var ecoQ = [Double](repeating: 0, count: families), ecoQK = [Double](repeating: 0, count: families * K)
        for s in 0..<f.count {
            let k = Int(f.cluster[s])
            qk[k] += f.output[s]
            if f.has(s, .b2b) && f.role[s] == .supplier { b2bK[k] += f.output[s]; b2bJ[Int(f.industry[s])] += f.output[s] }
            let e = Int(f.ecosystem[s])
            if e > 0 && e <= families { ecoQ[e - 1] += f.output[s]; ecoQK[(e - 1) * K + k] += f.output[s] }
        }
        stageOfPeriod.append(stage)
        for s in 0..<f.count where f.output[s] > 1e-12 && sampled(f.id[s]) {
            let k = Int(f.cluster[s])
            let own = qk[k] - f.output[s]
            var reach = own
            if f.has(s, .b2b) && f.role[s] != .supplier { reach += b2bJ[Int(f.industry[s])] - b2bK[k] }
            let e = Int(f.ecosystem[s])
            let buysB2B = f.has(s, .b2b) && f.role[s] != .supplier
            model.forEachPartner(s) { o in
                // Partners elsewhere not already counted through B2B or the ecosystem.
                guard Int(f.cluster[o]) != k, !(e > 0 && Int(f.ecosystem[o]) == e),
                      !(buysB2B && f.role[o] == .supplier && f.has(o, .b2b) && f.industry[o] == f.industry[s]) else { return }
                reach += f.output[o]
            }
            if e > 0 && e <= families { reach += ecoQ[e - 1] - ecoQK[(e - 1) * K + k] }
            firm.append(f.id[s]); period.append(Int32(model.period)); cluster.append(Int32(k))
            industry.append(f.industry[s]); role.append(f.role[s]); channels.append(f.channels[s])
            output.append(f.output[s]); averageCost.append(f.averageCost(s))
            for c in 0..<FirmStore.costComponents { components.append(model.costComponent(s, c)) }
            reachableOutput.append(reach); clusterOutput.append(own)
        }
    }

    /// The rows of the external-economies regression (MODEL.md §4): ln AVC (average cost less the
    /// fixed part) on ln of `regressor` (reachable or cluster output) and ln own output, with firm,
    /// industry × period and cluster identifiers; rows with a non-positive cost, regressor or
    /// output are left out.
    public func externalityPanel(regressor: [Double]) -> ExternalityPanel {
        var logAVC: [Double] = [], logReach: [Double] = [], logOutput: [Double] = []
        var firmIDs: [Int32] = [], group: [Int32] = [], periods: [Int32] = [], clusters: [Int32] = []
        let n = FirmStore.costComponents
        let first = period.first ?? 0
        for i in 0..<rows {
            let avc = averageCost[i] - components[i * n + n - 1]
            guard avc > 0, regressor[i] > 0, output[i] > 0 else { continue }
            logAVC.append(log(avc)); logReach.append(log(regressor[i])); logOutput.append(log(output[i]))
            firmIDs.append(Int32(bitPattern: firm[i])); group.append(industry[i])
            periods.append(period[i] - first); clusters.append(cluster[i])
        }
        return ExternalityPanel(logAVC: logAVC, logReach: logReach, logOutput: logOutput, firm: firmIDs, group: group,
                                period: periods, cluster: clusters, stageOfPeriod: stageOfPeriod)
    }
}

import CoevoMeasure
import Foundation
