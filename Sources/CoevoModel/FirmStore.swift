// Firms as structure-of-arrays (MODEL.md §2): one array per state variable, stable 32-bit ids,
// O(1) removal by swapping the last live slot into the hole. No per-firm objects.

/// Productivity-gain sources booked in each firm's ledger (MODEL.md §3(6), §4 "Levels").
public enum GainSource: Int, CaseIterable, Sendable {
    case learning = 0, cluster, network, ecosystem, shock
}

/// All firm state. Slots 0..<count are live; `id` is stable across removals.
public struct FirmStore: Sendable {
    public private(set) var count = 0
    public var id: [UInt32] = []
    public var cluster: [Int32] = []
    public var village: [Int32] = []
    public var region: [Int32] = []
    public var industry: [Int32] = []
    public var role: [ChainRole] = []
    public var age: [Int32] = []
    /// Log productivity ln A, log quality x, entrepreneurial capability E ∈ (0,1), net worth W (rev).
    public var logA: [Double] = []
    public var quality: [Double] = []
    public var capability: [Double] = []
    public var netWorth: [Double] = []
    /// Fixed cost F (rev/quarter), exporter flag.
    public var fixedCost: [Double] = []
    public var exporter: [Bool] = []
    /// Channel set (bits of `Channel`), platform chosen per online channel (index into platforms, −1 none).
    public var channels: [UInt8] = []
    public var platformRetail: [Int16] = []
    public var platformB2B: [Int16] = []
    public var platformLive: [Int16] = []
    /// Channel fit (multiplier on online visibility) for RETAIL, B2B, LIVE.
    public var fitRetail: [Double] = []
    public var fitB2B: [Double] = []
    public var fitLive: [Double] = []
    /// Consecutive losing quarters per online channel, and of the firm.
    public var lossRetail: [UInt8] = []
    public var lossB2B: [UInt8] = []
    public var lossLive: [UInt8] = []
    public var lossFirm: [UInt8] = []
    /// Remaining adoption cost being amortised (rev) and per-quarter charge.
    public var adoptionCharge: [Double] = []
    public var adoptionLeft: [Int16] = []
    /// Outcomes of the current period.
    public var price: [Double] = []
    public var output: [Double] = []
    public var revenue: [Double] = []
    public var revenueOnline: [Double] = []
    public var revenueRetail: [Double] = []
    public var revenueB2B: [Double] = []
    public var revenueLive: [Double] = []
    public var profit: [Double] = []
    public var profitRetail: [Double] = []
    public var profitB2B: [Double] = []
    public var profitLive: [Double] = []
    public var inputSpending: [Double] = []
    /// Online revenue share last period (pricing uses it), data trail D (cumulative online revenue).
    public var onlineShareLast: [Double] = []
    public var dataTrail: [Double] = []
    /// Unit-cost components this period (rev per unit): production, logistics, finance, transaction,
    /// fees, inventory, fixed. Their sum is the firm's average cost.
    public var costProduction: [Double] = []
    public var costLogistics: [Double] = []
    public var costFinance: [Double] = []
    public var costTransaction: [Double] = []
    public var costFees: [Double] = []
    public var costInventory: [Double] = []
    public var costFixed: [Double] = []
    /// Terms of production cost: ln wage, ln input price index Ψ and its parts.
    public var logWage: [Double] = []
    public var logPsi: [Double] = []
    /// Input pool terms (local cluster part and B2B part of the effective supplier index).
    public var poolLocal: [Double] = []
    public var poolB2B: [Double] = []
    public var loanRate: [Double] = []
    /// Lender's information about the firm this quarter (Finance.swift), in [0, 1].
    public var creditInfo: [Double] = []
    public var constrained: [Bool] = []
    /// Productivity ledger: cumulative Δln A by `GainSource`.
    public var ledgerLearning: [Double] = []
    public var ledgerCluster: [Double] = []
    public var ledgerNetwork: [Double] = []
    public var ledgerEcosystem: [Double] = []
    public var ledgerShock: [Double] = []

    /// Values at the previous observation (cost decomposition, MODEL.md §4): whether the firm
    /// produced, its output, cost components, and the terms of production cost and ledger.
    public var prevProduced: [Bool] = []
    public var prevOutput: [Double] = []
    public var prevCost: [Double] = []          // 7 per firm: production, logistics, finance, transaction, fees, inventory, fixed
    public var prevLogWage: [Double] = []
    public var prevLogA: [Double] = []
    public var prevLogPsi: [Double] = []
    public var prevPoolLocal: [Double] = []
    public var prevPoolB2B: [Double] = []
    public var prevLedger: [Double] = []        // GainSource.allCases.count per firm

    public static let costComponents = 7
    public init() {}

    // Columns by element type: append, move and drop act on all of them, so a new state variable
    // needs one line in its list and nothing else.
    nonisolated(unsafe) private static let doubles: [WritableKeyPath<FirmStore, [Double]>] = [
        \.logA, \.quality, \.capability, \.netWorth, \.fixedCost, \.fitRetail, \.fitB2B, \.fitLive, \.adoptionCharge,
        \.price, \.output, \.revenue, \.revenueOnline, \.revenueRetail, \.revenueB2B, \.revenueLive,
        \.profit, \.profitRetail, \.profitB2B, \.profitLive, \.inputSpending, \.onlineShareLast, \.dataTrail,
        \.costProduction, \.costLogistics, \.costFinance, \.costTransaction, \.costFees, \.costInventory, \.costFixed,
        \.logWage, \.logPsi, \.poolLocal, \.poolB2B, \.loanRate, \.creditInfo,
        \.ledgerLearning, \.ledgerCluster, \.ledgerNetwork, \.ledgerEcosystem, \.ledgerShock,
        \.prevOutput, \.prevLogWage, \.prevLogA, \.prevLogPsi, \.prevPoolLocal, \.prevPoolB2B,
    ]
    nonisolated(unsafe) private static let int32s: [WritableKeyPath<FirmStore, [Int32]>] = [\.cluster, \.village, \.region, \.industry, \.age]
    nonisolated(unsafe) private static let int16s: [WritableKeyPath<FirmStore, [Int16]>] = [\.platformRetail, \.platformB2B, \.platformLive, \.adoptionLeft]
    nonisolated(unsafe) private static let bytes: [WritableKeyPath<FirmStore, [UInt8]>] = [\.channels, \.lossRetail, \.lossB2B, \.lossLive, \.lossFirm]
    nonisolated(unsafe) private static let flags: [WritableKeyPath<FirmStore, [Bool]>] = [\.exporter, \.constrained, \.prevProduced]

    /// Appends `n` firms with zeroed state (one pass per column); returns the first new slot.
    /// Fill their identity with `setIdentity`.
    public mutating func appendBlank(_ n: Int) -> Int {
        let first = count
        guard n > 0 else { return first }
        for c in FirmStore.doubles { self[keyPath: c].append(contentsOf: repeatElement(0, count: n)) }
        for c in FirmStore.int32s { self[keyPath: c].append(contentsOf: repeatElement(0, count: n)) }
        for c in FirmStore.int16s { self[keyPath: c].append(contentsOf: repeatElement(-1, count: n)) }
        for c in FirmStore.bytes { self[keyPath: c].append(contentsOf: repeatElement(0, count: n)) }
        for c in FirmStore.flags { self[keyPath: c].append(contentsOf: repeatElement(false, count: n)) }
        prevCost.append(contentsOf: repeatElement(0, count: n * FirmStore.costComponents))
        prevLedger.append(contentsOf: repeatElement(0, count: n * GainSource.allCases.count))
        id.append(contentsOf: repeatElement(0, count: n)); role.append(contentsOf: repeatElement(.manufacturer, count: n))
        count += n
        return first
    }

    /// Sets a blank slot's identity and neutral defaults.
    public mutating func setIdentity(_ s: Int, id newID: UInt32, cluster k: Int, village v: Int, region r: Int, industry j: Int, role ro: ChainRole) {
        id[s] = newID; role[s] = ro
        cluster[s] = Int32(k); village[s] = Int32(v); region[s] = Int32(r); industry[s] = Int32(j)
        adoptionLeft[s] = 0
        price[s] = 1; fitRetail[s] = 1; fitB2B[s] = 1; fitLive[s] = 1
    }

    /// Appends one firm; returns its slot.
    @discardableResult
    public mutating func append(id newID: UInt32, cluster k: Int, village v: Int, region r: Int, industry j: Int, role ro: ChainRole) -> Int {
        let s = appendBlank(1)
        setIdentity(s, id: newID, cluster: k, village: v, region: r, industry: j, role: ro)
        return s
    }

    /// Removes many slots at once, each in O(1) per column: `slots` must be distinct. Processed
    /// from the highest slot down, each hole is filled by the current last live firm.
    public mutating func remove(slots: [Int]) {
        guard !slots.isEmpty else { return }
        let order = slots.sorted(by: >)
        let n0 = count, k = order.count
        func compact<T>(_ buf: inout [T]) {
            buf.withUnsafeMutableBufferPointer { b in
                var last = n0 - 1
                for s in order { if s != last { b[s] = b[last] }; last -= 1 }
            }
            buf.removeLast(k)
        }
        func compactWide<T>(_ buf: inout [T], width w: Int) {
            buf.withUnsafeMutableBufferPointer { b in
                var last = n0 - 1
                for s in order { if s != last { for m in 0..<w { b[s * w + m] = b[last * w + m] } }; last -= 1 }
            }
            buf.removeLast(k * w)
        }
        for c in FirmStore.doubles { compact(&self[keyPath: c]) }
        for c in FirmStore.int32s { compact(&self[keyPath: c]) }
        for c in FirmStore.int16s { compact(&self[keyPath: c]) }
        for c in FirmStore.bytes { compact(&self[keyPath: c]) }
        for c in FirmStore.flags { compact(&self[keyPath: c]) }
        compactWide(&prevCost, width: FirmStore.costComponents)
        compactWide(&prevLedger, width: GainSource.allCases.count)
        compact(&id); compact(&role)
        count -= k
    }

    /// Removes slot `s` in O(1): the last live firm moves into it.
    public mutating func remove(at s: Int) { remove(slots: [s]) }

    /// Lengths of every column (all equal `count` times their width): a consistency check for tests.
    public func columnLengths() -> [Int] {
        FirmStore.doubles.map { self[keyPath: $0].count } + FirmStore.int32s.map { self[keyPath: $0].count }
            + FirmStore.int16s.map { self[keyPath: $0].count } + FirmStore.bytes.map { self[keyPath: $0].count }
            + FirmStore.flags.map { self[keyPath: $0].count } + [id.count, role.count,
            prevCost.count / FirmStore.costComponents, prevLedger.count / GainSource.allCases.count]
    }

    @inline(__always) public func ledger(_ s: Int, _ g: GainSource) -> Double {
        switch g {
        case .learning: ledgerLearning[s]
        case .cluster: ledgerCluster[s]
        case .network: ledgerNetwork[s]
        case .ecosystem: ledgerEcosystem[s]
        case .shock: ledgerShock[s]
        }
    }

    public mutating func reserve(_ n: Int) {
        for c in FirmStore.doubles { self[keyPath: c].reserveCapacity(n) }
    }

    @inline(__always) public func has(_ s: Int, _ c: Channel) -> Bool { channels[s] & c.bit != 0 }
    @inline(__always) public func isOnline(_ s: Int) -> Bool { channels[s] & (Channel.retail.bit | Channel.live.bit | Channel.b2b.bit) != 0 }
    @inline(__always) public func averageCost(_ s: Int) -> Double {
        costProduction[s] + costLogistics[s] + costFinance[s] + costTransaction[s] + costFees[s] + costInventory[s] + costFixed[s]
    }
}
