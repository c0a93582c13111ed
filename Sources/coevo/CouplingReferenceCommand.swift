import ArgumentParser
import CoevoExperiments
import CoevoStore
import Foundation

/// `coevo ccd-reference`: derive the fixed coupling reference from baseline runs and write it as
/// Swift source (the documented way the stored reference is made).
struct CouplingReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ccd-reference",
        abstract: "Derive the bounds and entropy weights of ccd.U1/U2 from the region × period panel pooled over the built-in scenarios."
    )
    @Option(help: "Seeds 1…N of each built-in scenario to pool.") var seeds: Int = 2
    @Option(help: "Firms per run.") var firms: Int = 20_000
    @Option(help: "Where to write the Swift source.") var out: String = "Sources/CoevoModel/CouplingReference.swift"

    func run() throws {
        guard seeds >= 1, firms >= 500 else { CLI.fail("ccd-reference: expected --seeds ≥ 1 and --firms ≥ 500, found \(seeds) and \(firms)") }
        let reference = CouplingReferenceDerivation.derive(seeds: (1...seeds).map(UInt64.init), firms: firms)
        let text = CouplingReferenceDerivation.swiftSource(reference)
        try atomicWrite(data: Data(text.utf8), to: URL(fileURLWithPath: out))
        print("wrote \(out): \(reference.derivedFrom)")
        for i in reference.digital + reference.cluster where i.weight > 0 {
            print(String(format: "  %-22@ [%.4g, %.4g] weight %.4f", i.metric as NSString, i.min, i.max, i.weight))
        }
    }
}
