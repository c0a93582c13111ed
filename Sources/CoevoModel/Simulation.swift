// Running a model: burn-in, then quarter by quarter step → observe → finish. Data collection is a
// callback, so the CLI, tests, sweeps and the web server all share this one loop.

/// A finished run's in-memory results.
public struct RunResult: Sendable {
    public var observations: [Observation]
    public var stageEntry: [Int?]
    public var stageCCDEntry: [Int?]
    public var panel: FirmPanel
}

public enum Simulation {
    /// Runs `parameters.periods` quarters after the burn-in. `onPeriod` sees each observation as it
    /// is made (progress, streaming to a store); `recordPanel` records the fixed firm sample (with
    /// each row's raw values, average cost and cost components when `panelCosts`, for export; the
    /// regression needs only the logarithms every row keeps);
    /// `keepObservations` false leaves `RunResult.observations` empty (callers that stream, such as
    /// sweeps, then hold no per-quarter history). `recordBeside` records the panel on a second
    /// thread while the observer observes (the same bits; default: when `threads` > 1); a single
    /// run's pipeline (`coevo run`, the web page) asks for it, as it runs its regressions on two.
    public static func run(parameters: Parameters, seed: UInt64, reference: CouplingReference = .baseline,
                           recordPanel: Bool = true, panelCosts: Bool = true, keepObservations: Bool = true, threads: Int = 1,
                           recordBeside: Bool? = nil, onPeriod: (Observation, Model) -> Void = { _, _ in }) -> RunResult {
        var model = Model(parameters: parameters, seed: seed, threads: threads)
        model.burnIn()
        var observer = Observer(reference: reference)
        var panel = FirmPanel(sampleSize: parameters.panelSize, initialFirms: parameters.firms, seed: seed, keepsCosts: panelCosts)
        var observations: [Observation] = []
        if keepObservations { observations.reserveCapacity(parameters.periods) }
        let beside = recordPanel && (recordBeside ?? (threads > 1))
        for _ in 0..<parameters.periods {
            model.stepToObservation()
            let o: Observation
            if beside {
                // The observation and the panel's rows side by side, on two threads: both read the
                // firm state the step left, and the observer writes only its decomposition
                // snapshot, the model's scratch, its own state and the model's events (a value,
                // copied on write: `state` keeps its own), none of which the panel reads.
                // The rows are the same bits as when recorded after observing.
                let state = model   // shares the firm columns (reference storage)
                var observed: Observation?
                sideBySide({ observed = observer.observe(&model) }, { panel.record(state) })
                o = observed!
            } else {
                o = observer.observe(&model)
                if recordPanel { panel.record(model) }
            }
            if recordPanel { panel.recordStage(Int(o.all[Observer.index["stage"]!])) }
            onPeriod(o, model)
            if keepObservations { observations.append(o) }
            model.finishPeriod()
        }
        return RunResult(observations: observations, stageEntry: observer.stageEntry, stageCCDEntry: observer.stageCCDEntry, panel: panel)
    }
}
