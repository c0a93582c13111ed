// Deriving the coupling reference (MODEL.md §4): bounds and entropy weights of U1 and U2 from the
// region × period panel pooled over every built-in scenario (the baseline, the no-digital and
// no-government counterfactuals, policy timing and each lever alone) and a few seeds, written as
// the Swift source of `CouplingReference.baseline` (Sources/CoevoModel/CouplingReference.swift).
// Pooling the counterfactuals spans the indicators from a traditional to a digital economy, so
// the reference is not fitted to the one run it then classifies. Run it after a change to the
// model: `coevo ccd-reference`.

import CoevoMeasure
import CoevoModel
import Foundation

public enum CouplingReferenceDerivation {
    /// Pools every region × period row of the built-in scenarios' runs (scenario-then-seed order,
    /// whatever `jobs`) and derives the reference.
    public static func derive(seeds: [UInt64], firms: Int, periods: Int = 80, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) -> CouplingReference {
        let tasks = Scenario.builtIn.flatMap { s in seeds.map { (s, $0) } }
        let perRun = parallelMap(count: tasks.count, jobs: jobs) { t in
            var p = tasks[t].0.parameters
                p.firms = firms; p.periods = periods; p.bootstrapDraws = 0
                let result = Simulation.run(parameters: p, seed: tasks[t].1, recordPanel: false)
                var rows: [[String: Double]] = []
                for o in result.observations {
                    for region in o.regions {
                        var row: [String: Double] = [:]
                        for (i, name) in Observer.regionMetrics.enumerated() { row[name] = region[i] }
                        rows.append(row)
                    }
                }
                return rows
        }
        let rows = perRun.flatMap { $0 }
        let label = "\(Scenario.builtIn.count) built-in scenarios pooled, \(firms) firms, \(periods) quarters, seeds \(seeds.map(String.init).joined(separator: ",")), \(rows.count) region-quarters"
        return CouplingReference.derive(from: rows, label: label)
    }

    /// The Swift source of `CouplingReference.baseline` for a derived reference.
    public static func swiftSource(_ r: CouplingReference) -> String {
        func list(_ xs: [CouplingIndicator]) -> String {
            xs.map { i in
                "            CouplingIndicator(metric: \"\(i.metric)\", positive: \(i.positive), min: \(i.min), max: \(i.max), weight: \(i.weight)),"
            }.joined(separator: "\n")
        }
        return """
        // The stored coupling reference (bounds and entropy weights of U1 and U2), derived from the
        // region × period panel pooled over the built-in scenarios by `coevo ccd-reference` (see
        // docs/ODD.md §7.21). Generated file: regenerate it with that command after a model change.

        extension CouplingReference {
            public static let baseline = CouplingReference(
                digital: [
        \(list(r.digital))
                ],
                cluster: [
        \(list(r.cluster))
                ],
                derivedFrom: "\(r.derivedFrom)"
            )
        }

        """
    }
}
