// The stored coupling reference must be what `coevo ccd-reference` derives from the current
// model's built-in scenarios (a stale reference would silently change every ccd.* metric): this
// test fails after any model change until the reference is rederived.

import CoevoExperiments
import CoevoModel
import Testing

@Suite struct CouplingReferenceTests {
    @Test func storedReferenceMatchesTheBaseline() {
        let derived = CouplingReferenceDerivation.derive(seeds: [1, 2], firms: 20_000)
        let stored = CouplingReference.baseline
        #expect(stored.derivedFrom == derived.derivedFrom)
        for (a, b) in zip(stored.digital + stored.cluster, derived.digital + derived.cluster) {
            #expect(a.metric == b.metric && a.positive == b.positive)
            #expect(abs(a.min - b.min) <= 1e-12 * max(1, abs(b.min)) && abs(a.max - b.max) <= 1e-12 * max(1, abs(b.max)),
                    "\(a.metric): stored [\(a.min), \(a.max)] vs derived [\(b.min), \(b.max)] — run `coevo ccd-reference`")
            #expect(abs(a.weight - b.weight) <= 1e-12, "\(a.metric) weight")
        }
        let weights = stored.digital.map(\.weight).reduce(0, +)
        #expect(abs(weights - 1) < 1e-9)
    }
}
