// The schedule of one quarter (MODEL.md §3), in order. Part 1 runs the start-up stage mechanisms;
// innovation, collaboration networks and ecosystems (MODEL.md §3(7), (9), (10)) join in part 2.

extension Model {
    /// Advances one quarter up to its observation point: government, infrastructure, platform entry,
    /// adoption, costs and prices, demand, inputs and accounts. Call `observe` (Observer) next, then
    /// `finishPeriod()`.
    public mutating func stepToObservation() {
        refreshAggregates()
        governPolicy()                 // 1
        updateLogistics()              // 2
        updatePlatforms()
        platformEntry()                // 3
        adoptChannels()                // 4
        updateCostsAndPrices()         // 6 (costs set prices before buyers choose)
        realizeDemand(creditLimits: true)   // 5, with inputs flowing to suppliers (6)
        settleAccounts()
        for s in 0..<firms.count { firms.age[s] &+= 1 }
    }

    /// After observation: learning (productivity, entrepreneurs), then exit and entry.
    public mutating func finishPeriod() {
        updateProductivity()           // 6 (learning and spillovers)
        updateEntrepreneurs()          // 8
        exitFirms()                    // 11
        refreshAggregatesForEntry()
        enterFirms()
        period += 1
    }

    /// Village firm counts after exit (entry reads the pool that is left).
    mutating func refreshAggregatesForEntry() {
        for v in villages.indices { villages[v].firms = 0; villages[v].online = 0 }
        for s in 0..<firms.count {
            let v = Int(firms.village[s])
            villages[v].firms += 1
            if firms.isOnline(s) { villages[v].online += 1 }
        }
    }

    /// Runs the burn-in (no platform use, not observed).
    public mutating func burnIn() {
        while period < 0 {
            stepToObservation()
            snapshotForDecomposition()
            finishPeriod()
        }
    }
}
