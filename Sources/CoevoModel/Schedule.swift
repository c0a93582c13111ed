// The schedule of one quarter (MODEL.md §3), in order, as a list of named phases: stepping runs
// them, the benchmark times them one by one. Every mechanism of MODEL.md §3(1)–(11) has its place
// here; docs/ODD.md §3 gives the same list with the files.

/// One named step of the quarter.
public struct Phase: Sendable {
    public let name: String
    public let run: @Sendable (inout Model) -> Void
}

extension Model {
    /// Up to the observation point: what firms see, government (1), infrastructure (2), platforms —
    /// data, services, entry, clusters' vertical platforms and storefronts (3), adoption (4),
    /// ecosystem embedding (10), costs and prices (6), demand with inputs flowing to suppliers (5, 6),
    /// accounts.
    public static let phasesBeforeObservation: [Phase] = [
        Phase(name: "aggregates") { $0.refreshAggregates() },
        Phase(name: "government") { $0.governPolicy() },
        Phase(name: "logistics") { $0.updateLogistics() },
        Phase(name: "platforms") { $0.updatePlatforms(); $0.integrateServices(); $0.platformEntry(); $0.clusterPlatforms() },
        Phase(name: "adoption") { $0.adoptChannels() },
        Phase(name: "ecosystems") { $0.updateEcosystems() },
        Phase(name: "costs") { $0.updateCostsAndPrices() },
        Phase(name: "demand") { $0.realizeDemand(creditLimits: true) },
        Phase(name: "accounts") { $0.settleAccounts(); $0.ageFirms() },
    ]
    /// After observation: innovation (7), learning (productivity 6, entrepreneurs and their mobility 8),
    /// the collaboration network and super-clusters (9, 10), exit and entry (11).
    public static let phasesAfterObservation: [Phase] = [
        Phase(name: "innovation") { $0.innovate() },
        Phase(name: "productivity") { $0.updateProductivity() },
        Phase(name: "entrepreneurs") { $0.updateEntrepreneurs(); $0.relocateEntrepreneurs() },
        Phase(name: "network") { $0.updateNetwork(); $0.updateSuperclusters() },
        Phase(name: "demography") { $0.exitFirms(); $0.refreshAggregatesForEntry(); $0.enterFirms(); $0.period += 1 },
    ]

    public mutating func stepToObservation() { for p in Model.phasesBeforeObservation { p.run(&self) } }
    public mutating func finishPeriod() { for p in Model.phasesAfterObservation { p.run(&self) } }

    mutating func ageFirms() { for s in 0..<firms.count { firms.age[s] &+= 1 } }

    /// Village firm counts after exit (entry reads the pool that is left).
    mutating func refreshAggregatesForEntry() {
        // Counted in local columns (no uniqueness check per write), then stored.
        let count = Column<Int>(repeating: 0, count: villages.count), online = Column<Int>(repeating: 0, count: villages.count)
        let village = firms.village.base, channels = firms.channels.base
        for s in 0..<firms.count {
            let v = Int(village[s])
            count[v] += 1
            if channels[s] & Channel.sellingBits != 0 { online[v] += 1 }
        }
        for v in villages.indices { villages[v].firms = count[v]; villages[v].online = online[v] }
    }

    /// Runs the burn-in (no platform use, not observed).
    public mutating func burnIn() {
        while period < 0 {
            stepToObservation()
            snapshotForDecomposition()
            finishPeriod()
            burnInExits += exitsLastPeriod
        }
    }
}
