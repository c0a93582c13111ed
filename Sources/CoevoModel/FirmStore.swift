// Firms as structure-of-arrays (MODEL.md §2): one column per state variable, stable 32-bit ids,
// O(1) removal by swapping the last live slot into the hole. No per-firm objects.

/// Productivity-gain sources booked in each firm's ledger (MODEL.md §3(6), §4 "Levels").
public enum GainSource: Int, CaseIterable, Sendable {
    case learning = 0, cluster, network, ecosystem, shock
}

/// All firm state. Slots 0..<count are live; `id` is stable across removals.
public struct FirmStore: Sendable {
    public private(set) var count = 0
    public let id = Column<UInt32>()
    public let cluster = Column<Int32>()
    public let village = Column<Int32>()
    public let region = Column<Int32>()
    public let industry = Column<Int32>()
    public let role = Column<ChainRole>()
    public let age = Column<Int32>()
    /// Log productivity ln A, log quality x, entrepreneurial capability E ∈ (0,1), net worth W (rev).
    public let logA = Column<Double>()
    public let quality = Column<Double>()
    public let capability = Column<Double>()
    public let netWorth = Column<Double>()
    /// Fixed cost F (rev/quarter), exporter flag.
    public let fixedCost = Column<Double>()
    public let exporter = Column<Bool>()
    /// Innovated this quarter; R&D spending to expense in the next accounts (rev).
    public let innovated = Column<Bool>()
    public let rdCharge = Column<Double>()
    /// What the DESIGN service brought the firm this quarter (rev): R&D cost saved, royalties
    /// received, designs bought (Innovation.swift); its channel profit in the accounts.
    public let designValue = Column<Double>()
    /// Channel set (bits of `Channel`).
    public let channels = Column<UInt8>()
    /// Per channel (`Channel.count` per firm, indexed by `Channel.rawValue`): the platform used
    /// (index into `Model.platforms`, −1 none), how well the product fits the channel (a fixed
    /// draw, multiplying what the channel brings), the channel's profit last quarter (rev) and its
    /// consecutive losing quarters. Read and write them through `platform(_:_:)` and friends.
    public let channelPlatform = Column<Int16>()
    public let channelFit = Column<Double>()
    public let channelProfit = Column<Double>()
    public let channelLosses = Column<UInt8>()
    /// Consecutive losing quarters of the firm.
    public let lossFirm = Column<UInt8>()
    /// Remaining adoption cost being amortised (rev) and per-quarter charge.
    public let adoptionCharge = Column<Double>()
    public let adoptionBalance = Column<Double>()
    /// Outcomes of the current period.
    public let price = Column<Double>()
    public let output = Column<Double>()
    public let revenue = Column<Double>()
    public let revenueOnline = Column<Double>()
    public let revenueRetail = Column<Double>()
    public let revenueB2B = Column<Double>()
    public let revenueLive = Column<Double>()
    /// Cross-border online sales in the world market (XBORDER).
    public let revenueXborder = Column<Double>()
    public let profit = Column<Double>()
    public let inputSpending = Column<Double>()
    /// Online revenue share last period (pricing uses it), data trail D (cumulative online revenue).
    public let onlineShareLast = Column<Double>()
    public let dataTrail = Column<Double>()
    /// Unit-cost components this period (rev per unit): production, logistics, finance, transaction,
    /// fees, inventory, fixed. Their sum is the firm's average cost.
    public let costProduction = Column<Double>()
    public let costLogistics = Column<Double>()
    public let costFinance = Column<Double>()
    public let costTransaction = Column<Double>()
    public let costFees = Column<Double>()
    public let costInventory = Column<Double>()
    public let costFixed = Column<Double>()
    /// Terms of production cost: ln wage, ln input price index Ψ and its parts.
    public let logWage = Column<Double>()
    public let logPsi = Column<Double>()
    /// Input pool terms (local cluster part and B2B part of the effective supplier index).
    public let poolLocal = Column<Double>()
    public let poolB2B = Column<Double>()
    public let loanRate = Column<Double>()
    /// Lender's information about the firm this quarter (Finance.swift), in [0, 1].
    public let creditInfo = Column<Double>()
    public let constrained = Column<Bool>()
    /// Orders last quarter: revenue before any credit cut (rev/quarter; Demand.swift; written only
    /// with `finance.order_credit`).
    public let orders = Column<Double>()
    /// Productivity ledger: cumulative Δln A by `GainSource`.
    public let ledgerLearning = Column<Double>()
    public let ledgerCluster = Column<Double>()
    public let ledgerNetwork = Column<Double>()
    public let ledgerEcosystem = Column<Double>()
    public let ledgerShock = Column<Double>()

    /// Values at the previous observation (cost decomposition, MODEL.md §4): whether the firm
    /// produced, its output, cost components, and the terms of production cost and ledger.
    public let prevProduced = Column<Bool>()
    public let prevOutput = Column<Double>()
    public let prevCost = Column<Double>()          // 7 per firm: production, logistics, finance, transaction, fees, inventory, fixed
    public let prevLogWage = Column<Double>()
    public let prevLogA = Column<Double>()
    public let prevLogPsi = Column<Double>()
    public let prevPoolLocal = Column<Double>()
    public let prevPoolB2B = Column<Double>()
    public let prevLedger = Column<Double>()        // GainSource.allCases.count per firm

    public static let costComponents = 7
    /// Link slots per firm: the degree cap d_max, also the coordination limit of MODEL.md §3(9).
    public static let maxDegree = 8
    public static let noLink = UInt32.max

    /// Partners' slots (`maxDegree` per firm, `noLink` when empty; kept right when firms move, so
    /// a partner is one memory access away) and the degree.
    public let links = Column<UInt32>()
    public let degree = Column<UInt8>()
    /// Ecosystem the firm is embedded in (MODEL.md §2 ECO: two or more of its channels on platforms
    /// of one active ecosystem), as family index + 1; 0 when not embedded. Derived each quarter.
    public let ecosystem = Column<UInt8>()
    /// Current slot of every id ever issued (−1 once the firm has left).
    public let slotOfID = Column<Int32>()
    /// Supplier-pool term reached through partners (part of the effective supplier index).
    public let poolNetwork = Column<Double>()
    /// A supplier's CES weight p^(1−σ_in) this quarter (InputMarket.swift).
    public let supplierWeight = Column<Double>()
    public let prevPoolNetwork = Column<Double>()
    /// Supplier-pool term reached through the firm's ecosystem (suppliers embedded in the same
    /// ecosystem elsewhere, weight ω_eco), and its value at the previous observation.
    public let poolEcosystem = Column<Double>()
    public let prevPoolEcosystem = Column<Double>()
    public init() {}

    /// An independent deep copy (a plain copy of `FirmStore` shares its columns).
    public func copy() -> FirmStore {
        var c = FirmStore()
        _ = c.appendBlank(count)
        func dup<T>(_ a: [Column<T>], _ b: [Column<T>]) { for (x, y) in zip(a, b) { for i in 0..<x.count { y[i] = x[i] } } }
        dup(doubles, c.doubles); dup(int32s, c.int32s); dup(bytes, c.bytes); dup(flags, c.flags)
        dup([prevCost, prevLedger, channelFit, channelProfit], [c.prevCost, c.prevLedger, c.channelFit, c.channelProfit])
        dup([channelPlatform], [c.channelPlatform]); dup([channelLosses], [c.channelLosses]); dup([id], [c.id]); dup([role], [c.role])
        dup([links], [c.links])
        c.slotOfID.append(repeating: -1, count: slotOfID.count); dup([slotOfID], [c.slotOfID])
        return c
    }

    // Columns by element type: append, move and drop act on all of them, so a new state variable
    // needs one line in its list and nothing else.
    private var doubles: [Column<Double>] { [
        logA, quality, capability, netWorth, fixedCost, rdCharge, designValue, adoptionCharge, adoptionBalance,
        price, output, revenue, revenueOnline, revenueRetail, revenueB2B, revenueLive, revenueXborder,
        profit, inputSpending, onlineShareLast, dataTrail,
        costProduction, costLogistics, costFinance, costTransaction, costFees, costInventory, costFixed,
        logWage, logPsi, poolLocal, poolB2B, poolNetwork, prevPoolNetwork, poolEcosystem, prevPoolEcosystem, supplierWeight, loanRate, creditInfo, orders,
        ledgerLearning, ledgerCluster, ledgerNetwork, ledgerEcosystem, ledgerShock,
        prevOutput, prevLogWage, prevLogA, prevLogPsi, prevPoolLocal, prevPoolB2B,
    ] }
    private var int32s: [Column<Int32>] { [cluster, village, region, industry, age] }
        private var bytes: [Column<UInt8>] { [channels, lossFirm, degree, ecosystem] }
    private var flags: [Column<Bool>] { [exporter, constrained, prevProduced, innovated] }

    /// Appends `n` firms with zeroed state (one pass per column); returns the first new slot.
    /// Fill their identity with `setIdentity`.
    public mutating func appendBlank(_ n: Int) -> Int {
        let first = count
        guard n > 0 else { return first }
        for c in doubles { c.append(repeating: 0, count: n) }
        for c in int32s { c.append(repeating: 0, count: n) }
        let w = Channel.count
        channelPlatform.append(repeating: -1, count: n * w); channelLosses.append(repeating: 0, count: n * w)
        channelFit.append(repeating: 1, count: n * w); channelProfit.append(repeating: 0, count: n * w)
        for c in bytes { c.append(repeating: 0, count: n) }
        for c in flags { c.append(repeating: false, count: n) }
        prevCost.append(repeating: 0, count: n * FirmStore.costComponents)
        prevLedger.append(repeating: 0, count: n * GainSource.allCases.count)
        links.append(repeating: FirmStore.noLink, count: n * FirmStore.maxDegree)
        id.append(repeating: 0, count: n); role.append(repeating: .manufacturer, count: n)
        count += n
        return first
    }

    /// Sets a blank slot's identity and neutral defaults.
    public mutating func setIdentity(_ s: Int, id newID: UInt32, cluster k: Int, village v: Int, region r: Int, industry j: Int, role ro: ChainRole) {
        id[s] = newID; role[s] = ro
        if Int(newID) >= slotOfID.count { slotOfID.append(repeating: -1, count: Int(newID) + 1 - slotOfID.count) }
        slotOfID[Int(newID)] = Int32(s)
        cluster[s] = Int32(k); village[s] = Int32(v); region[s] = Int32(r); industry[s] = Int32(j)
        price[s] = 1
    }

    /// Appends one firm; returns its slot.
    @discardableResult
    public mutating func append(id newID: UInt32, cluster k: Int, village v: Int, region r: Int, industry j: Int, role ro: ChainRole) -> Int {
        let s = appendBlank(1)
        setIdentity(s, id: newID, cluster: k, village: v, region: r, industry: j, role: ro)
        return s
    }

    /// Removes many slots at once, each in O(1) per column: `slots` must be distinct. Processed
    /// from the highest slot down, each hole is filled by the current last live firm. `threads`
    /// shares the columns out (from 1,024 leavers on; the same bytes for any count).
    public mutating func remove(slots: [Int], threads: Int = 1) {
        guard !slots.isEmpty else { return }
        let order = slots.sorted(by: >)
        let n0 = count, k = order.count
        // Ids first, keeping the id → slot map right as each move is made (a firm can move twice):
        // leavers map to −1, each moved firm to its final slot.
        id.withUnsafeMutableBufferPointer { ids in
            var last = n0 - 1
            for s in order {
                slotOfID[Int(ids[s])] = -1
                if s != last { ids[s] = ids[last]; slotOfID[Int(ids[s])] = Int32(s) }
                last -= 1
            }
        }
        id.removeLast(k)
        func compact<T>(_ column: Column<T>, width w: Int = 1) {
            column.withUnsafeMutableBufferPointer { b in
                var last = n0 - 1
                for s in order {
                    if s != last { for m in 0..<w { b[s * w + m] = b[last * w + m] } }
                    last -= 1
                }
            }
            column.removeLast(k * w)
        }
        // Links hold slots: when a firm moves, its partners' references to it move too. (Leavers
        // have dropped their links already, so only moved firms have partners to tell.)
        let links = self.links
        func compactLinks() {
            let d = FirmStore.maxDegree
            links.withUnsafeMutableBufferPointer { b in
                var last = n0 - 1
                for s in order {
                    if s != last {
                        for m in 0..<d {
                            let q = b[last * d + m]
                            b[s * d + m] = q
                            if q != FirmStore.noLink {
                                let row = Int(q) * d
                                for r in 0..<d where b[row + r] == UInt32(last) { b[row + r] = UInt32(s) }
                            }
                        }
                    }
                    last -= 1
                }
            }
            links.removeLast(k * d)
        }
        // Every column moves the same firms on its own (columns are separate storage), so the
        // columns are shared out over `threads` threads: the same bytes for any count. Each move
        // is a random read and write, a cache miss at a million firms; threads overlap them.
        var tasks: [() -> Void] = [compactLinks]
        for c in doubles { tasks.append { compact(c) } }
        for c in int32s { tasks.append { compact(c) } }
        let channelPlatform = self.channelPlatform, channelLosses = self.channelLosses
        let channelFit = self.channelFit, channelProfit = self.channelProfit
        tasks.append { compact(channelPlatform, width: Channel.count) }
        tasks.append { compact(channelLosses, width: Channel.count) }
        tasks.append { compact(channelFit, width: Channel.count) }
        tasks.append { compact(channelProfit, width: Channel.count) }
        for c in bytes { tasks.append { compact(c) } }
        for c in flags { tasks.append { compact(c) } }
        let prevCost = self.prevCost, prevLedger = self.prevLedger, role = self.role
        tasks.append { compact(prevCost, width: FirmStore.costComponents) }
        tasks.append { compact(prevLedger, width: GainSource.allCases.count) }
        tasks.append { compact(role) }
        forEachChunk(count: tasks.count, chunkSize: 1, threads: k >= 1_024 ? threads : 1) { task, _ in tasks[task]() }
        count -= k
    }

    /// Removes slot `s` in O(1): the last live firm moves into it.
    public mutating func remove(at s: Int) { remove(slots: [s]) }

    /// Lengths of every column (all equal `count` times their width): a consistency check for tests.
    public func columnLengths() -> [Int] {
        let w = Channel.count
        var lengths: [Int] = doubles.map(\.count)
        lengths += int32s.map(\.count)
        lengths += bytes.map(\.count)
        lengths += flags.map(\.count)
        lengths += [id.count, role.count, channelPlatform.count / w, channelLosses.count / w, channelFit.count / w, channelProfit.count / w]
        lengths += [prevCost.count / FirmStore.costComponents, prevLedger.count / GainSource.allCases.count, links.count / FirmStore.maxDegree]
        return lengths
    }

    /// Bytes of firm state held for the live firms (every column, at its width): what one
    /// streaming pass over the firm state reads (the benchmark's memory-bandwidth bound).
    public var stateBytes: Int {
        func size<T>(_ columns: [Column<T>]) -> Int { columns.reduce(0) { $0 + $1.count * MemoryLayout<T>.stride } }
        return size(doubles) + size(int32s) + size(bytes) + size(flags) + size([id, links]) + size([role])
            + size([channelPlatform]) + size([channelLosses]) + size([channelFit, channelProfit, prevCost, prevLedger])
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

    public func reserve(_ n: Int) {
        for c in doubles { c.reserve(n) }
    }

    @inline(__always) public func has(_ s: Int, _ c: Channel) -> Bool { channels[s] & c.bit != 0 }
    /// Sells online: through RETAIL, B2B, LIVE or XBORDER.
    @inline(__always) public func isOnline(_ s: Int) -> Bool { channels[s] & Channel.sellingBits != 0 }
    @inline(__always) public func platform(_ s: Int, _ c: Channel) -> Int16 { channelPlatform[s &* Channel.count &+ c.rawValue] }
    @inline(__always) public func setPlatform(_ s: Int, _ c: Channel, _ q: Int16) { channelPlatform[s &* Channel.count &+ c.rawValue] = q }
    @inline(__always) public func fit(_ s: Int, _ c: Channel) -> Double { channelFit[s &* Channel.count &+ c.rawValue] }
    @inline(__always) public func setFit(_ s: Int, _ c: Channel, _ v: Double) { channelFit[s &* Channel.count &+ c.rawValue] = v }
    @inline(__always) public func losses(_ s: Int, _ c: Channel) -> UInt8 { channelLosses[s &* Channel.count &+ c.rawValue] }
    @inline(__always) public func setLosses(_ s: Int, _ c: Channel, _ v: UInt8) { channelLosses[s &* Channel.count &+ c.rawValue] = v }
    @inline(__always) public func channelProfit(_ s: Int, _ c: Channel) -> Double { channelProfit[s &* Channel.count &+ c.rawValue] }
    @inline(__always) public func setChannelProfit(_ s: Int, _ c: Channel, _ v: Double) { channelProfit[s &* Channel.count &+ c.rawValue] = v }
    /// Cost per unit that scales with output, the price's base: production, transaction, finance
    /// and inventory (fees and logistics are shares of revenue; fixed cost is per quarter).
    @inline(__always) public func variableCost(_ s: Int) -> Double {
        costProduction[s] + costTransaction[s] + costFinance[s] + costInventory[s]
    }
    @inline(__always) public func averageCost(_ s: Int) -> Double {
        costProduction[s] + costLogistics[s] + costFinance[s] + costTransaction[s] + costFees[s] + costInventory[s] + costFixed[s]
    }
}
