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
    /// each row's cost components when `panelCosts`, for export; the regression needs only AVC);
    /// `keepObservations` false leaves `RunResult.observations` empty (callers that stream, such as
    /// sweeps, then hold no per-quarter history).
    public static func run(parameters: Parameters, seed: UInt64, reference: CouplingReference = .baseline,
                           recordPanel: Bool = true, panelCosts: Bool = true, keepObservations: Bool = true, threads: Int = 1,
                           onPeriod: (Observation, Model) -> Void = { _, _ in }) -> RunResult {
        var model = Model(parameters: parameters, seed: seed)
        model.threads = max(1, threads)
        model.burnIn()
        var observer = Observer(reference: reference)
        var panel = FirmPanel(sampleSize: parameters.panelSize, initialFirms: parameters.firms, seed: seed, keepsCosts: panelCosts)
        var observations: [Observation] = []
        if keepObservations { observations.reserveCapacity(parameters.periods) }
        for _ in 0..<parameters.periods {
            model.stepToObservation()
            let o = observer.observe(&model)
            if recordPanel { panel.record(model, stage: Int(o.all[Observer.index["stage"]!])) }
            onPeriod(o, model)
            if keepObservations { observations.append(o) }
            model.finishPeriod()
        }
        return RunResult(observations: observations, stageEntry: observer.stageEntry, stageCCDEntry: observer.stageCCDEntry, panel: panel)
    }
}
