// Which levels of external economies act this quarter (paper §2.2, §3(4); docs/ODD.md §7.31):
// the cluster, network, ecosystem and economy-wide levels all act during burn-in; from quarter 0
// on, a level whose `external.*` switch is off does not (`coevo decompose` switches them in all
// 16 combinations). Read where each level enters a firm's cost or demand: UnitCost.swift (input
// pools), Productivity.swift (catch-up), Demand.swift (referred orders).

/// The levels acting this quarter.
struct ExternalLevels {
    var cluster: Bool
    var network: Bool
    var ecosystem: Bool
    var economy: Bool
}

extension Model {
    var externalLevels: ExternalLevels {
        let burnIn = period < 0, p = parameters
        return ExternalLevels(cluster: p.externalCluster || burnIn, network: p.externalNetwork || burnIn,
                              ecosystem: p.externalEcosystem || burnIn, economy: p.externalEconomy || burnIn)
    }
}
