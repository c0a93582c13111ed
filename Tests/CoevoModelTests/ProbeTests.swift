import CoevoModel
import Testing
import Foundation

@Test(.enabled(if: ProcessInfo.processInfo.environment["COEVO_PROBE"] != nil))
func probeICC() {
    for seed: UInt64 in [11, 12, 13, 14] {
        for (label, edit) in [("on", { (p: inout Parameters) in }), ("off", { (p: inout Parameters) in p.demonstration = 0 })] as [(String, (inout Parameters) -> Void)] {
            let r = villageClustering(testParameters(edit), seed: seed)
            print("ICC seed", seed, label, r.observed, r.null)
        }
    }
}
