// Deriving the coupling reference (MODEL.md §4): bounds and entropy weights of U1 and U2 from the
// baseline's pooled region × period panel, over a few seeds, written as the Swift source of
// `CouplingReference.baseline` (Sources/CoevoModel/CouplingReference.swift). Run it after a change
// to the baseline: `coevo ccd-reference`.

import CoevoModel
import Foundation

public enum CouplingReferenceDerivation {
    /// Pools every region × period row of baseline runs and derives the reference.
    public static func derive(seeds: [UInt64], firms: Int, periods: Int = 80) -> CouplingReference {
        var p = Scenario.builtIn(named: "baseline")!.parameters
        p.firms = firms; p.periods = periods; p.bootstrapDraws = 0
        var rows: [[String: Double]] = []
        for seed in seeds {
            let result = Simulation.run(parameters: p, seed: seed, recordPanel: false)
            for o in result.observations {
                for region in o.regions {
                    var row: [String: Double] = [:]
                    for (i, name) in Observer.regionMetrics.enumerated() { row[name] = region[i] }
                    rows.append(row)
                }
            }
        }
        let label = "baseline, \(firms) firms, \(periods) quarters, seeds \(seeds.map(String.init).joined(separator: ",")), \(rows.count) region-quarters"
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
        // baseline's pooled region × period panel by `coevo ccd-reference` (see docs/ODD.md). Generated
        // file: regenerate it with that command after a change to the baseline.

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
