// The fixed random firm panel (MODEL.md §4 "Econometrics"; INTERFACE.md `--panel`): a sample of
// about min(N, observe.panel_size) firm ids drawn once by a keyed hash (entrants are sampled at
// the same rate), recorded every quarter with output, average cost and its components, and the
// regressors of the external-economies regression: own output and reachable output Y^reach_(−i),
// the output of the firms whose output lowers i's costs (its cluster, and B2B-reachable suppliers'
// industry output elsewhere when it buys through B2B), excluding its own.

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
        for s in 0..<f.count {
            let k = Int(f.cluster[s])
            qk[k] += f.output[s]
            if f.has(s, .b2b) && f.role[s] == .supplier { b2bK[k] += f.output[s]; b2bJ[Int(f.industry[s])] += f.output[s] }
        }
        stageOfPeriod.append(stage)
        for s in 0..<f.count where f.output[s] > 1e-12 && sampled(f.id[s]) {
            let k = Int(f.cluster[s])
            let own = qk[k] - f.output[s]
            var reach = own
            if f.has(s, .b2b) && f.role[s] != .supplier { reach += b2bJ[Int(f.industry[s])] - b2bK[k] }
            firm.append(f.id[s]); period.append(Int32(model.period)); cluster.append(Int32(k))
            industry.append(f.industry[s]); role.append(f.role[s]); channels.append(f.channels[s])
            output.append(f.output[s]); averageCost.append(f.averageCost(s))
            for c in 0..<FirmStore.costComponents { components.append(model.costComponent(s, c)) }
            reachableOutput.append(reach); clusterOutput.append(own)
        }
    }
}
