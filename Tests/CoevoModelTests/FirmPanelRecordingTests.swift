// `Simulation.run` records the firm panel on a second thread while the observer observes
// (Simulation.swift): the rows must be the same bits as recording after observing, as the loop did
// before, and as a caller that steps the model by hand does.

@testable import CoevoModel
import Testing

@Suite("Firm panel: recorded beside the observer")
struct FirmPanelRecordingTests {
    /// At 4,000 firms on one thread (the panel beside the observer), and at 20,000 on two (also
    /// the network summary beside the rest of the observation, which needs over 16,384 firms).
    @Test(arguments: [(4_000, 1), (20_000, 2)])
    func rowsEqualThoseRecordedAfterObserving(_ size: (firms: Int, threads: Int)) {
        let p = testParameters(firms: size.firms, periods: 24)
        let seed: UInt64 = 7
        let run = Simulation.run(parameters: p, seed: seed, threads: size.threads, recordBeside: true)
        let concurrent = run.panel

        // The same run, observing first and recording after, on one thread.
        var model = Model(parameters: p, seed: seed)
        model.burnIn()
        var observer = Observer()
        var serial = FirmPanel(sampleSize: p.panelSize, initialFirms: p.firms, seed: seed)
        var observations: [Observation] = []
        for _ in 0..<p.periods {
            model.stepToObservation()
            let o = observer.observe(&model)
            serial.record(model)
            serial.recordStage(Int(o.all[Observer.index["stage"]!]))
            observations.append(o)
            model.finishPeriod()
        }

        #expect(run.observations.count == observations.count)
        for (a, b) in zip(run.observations, observations) {
            #expect(a.all.map(\.bitPattern) == b.all.map(\.bitPattern))
            #expect(a.regions.map { $0.map(\.bitPattern) } == b.regions.map { $0.map(\.bitPattern) })
        }

        #expect(concurrent.rows > 1_000)
        #expect(concurrent.firm == serial.firm && concurrent.period == serial.period)
        #expect(concurrent.cluster == serial.cluster && concurrent.industry == serial.industry)
        #expect(concurrent.role == serial.role && concurrent.channels == serial.channels)
        #expect(concurrent.stageOfPeriod == serial.stageOfPeriod)
        for (a, b) in [(concurrent.output, serial.output), (concurrent.averageVariableCost, serial.averageVariableCost),
                       (concurrent.averageCost, serial.averageCost), (concurrent.components, serial.components),
                       (concurrent.reachableOutput, serial.reachableOutput), (concurrent.clusterOutput, serial.clusterOutput),
                       (concurrent.logAverageVariableCost, serial.logAverageVariableCost), (concurrent.logOutput, serial.logOutput),
                       (concurrent.logReachableOutput, serial.logReachableOutput),
                       (concurrent.logClusterOutput, serial.logClusterOutput)] {
            #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
        }
    }
}
