import Testing
@testable import CoevoModel

@Test(.disabled(if: ProcessInfo.processInfo.environment["COEVO_PROBE"] == nil))
func probe() {
    var p = Parameters(); p.firms = 2000; p.periods = 10
    var m = Model(parameters: p, seed: 1)
    for t in 0..<14 {
        m.stepToObservation()
        var la = 0.0, pr = 0.0, psi = 0.0, sp = 0.0, ns = 0.0
        for s in 0..<m.firms.count { la += m.firms.logA[s]; if m.firms.role[s] == .supplier { sp += m.firms.price[s]; ns += 1 } else { pr += m.firms.price[s]; psi += m.firms.logPsi[s] } }
        let n = Double(m.firms.count)
        print(t, "wage", m.regions[0].wage, "L", m.regions[0].labour, "Lref", m.regions[0].labourRef, "logA", la/n, "price", pr/(n-ns), "supP", sp/ns, "logPsi", psi/(n-ns))
        m.snapshotForDecomposition()
        m.finishPeriod()
    }
}
import Foundation
