import CoevoModel
import Testing

/// Issue 10 item 8: a value inside a parameter's documented range must give finite metrics.
/// A random sample of in-range parameter sets (several parameters at a time, mostly at the ends of
/// their ranges, where the issue found NaN) on a small economy; every metric of every quarter
/// must be finite. Small enough for a few seconds in release.
struct FiniteMetricsPropertyTests {
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Parameters sampled: all but the scale keys (fixed small here) and the 100 per-region
    /// lever weights (covered by their region-independent counterparts).
    static let sampled = Parameters.registry.filter {
        !["firms", "periods", "burn_in"].contains($0.key) && !Parameters.isRegionalPolicyWeight($0.key)
    }

    static func text(_ info: ParameterInfo, _ rng: inout Rng) -> String {
        let r = rng.unit()
        let x = r < 0.4 ? info.range.lowerBound : r < 0.8 ? info.range.upperBound : info.range.lowerBound + rng.unit() * (info.range.upperBound - info.range.lowerBound)
        switch info.kind {
        case .boolean: return rng.below(2) == 0 ? "true" : "false"
        case .integer: return String(Int(x.rounded(.down)))
        case .real: return String(x)
        }
    }

    static func nonFinite(_ p: Parameters, seed: UInt64) -> [String] {
        let result = Simulation.run(parameters: p, seed: seed)
        var bad: Set<String> = []
        for o in result.observations {
            for (i, name) in Observer.metrics.enumerated() where !o.all[i].isFinite { bad.insert(name) }
        }
        return bad.sorted()
    }

    @Test func randomInRangeParameterSetsGiveFiniteMetrics() {
        var rng = Rng(state: 2026)
        var tried = 0
        var failures: [String] = []
        while tried < 24 {
            var p = Parameters()
            p.firms = 1000; p.periods = 12; p.burnIn = 4; p.bootstrapDraws = 0
            var changed: [String] = []
            for _ in 0..<3 {
                let info = Self.sampled[rng.below(Self.sampled.count)]
                let value = Self.text(info, &rng)
                do { try p.set(info.key, text: value); changed.append("\(info.key)=\(value)") } catch { continue }
            }
            guard (try? p.validate()) != nil else { continue }   // an invalid combination: not a sample
            tried += 1
            let bad = Self.nonFinite(p, seed: UInt64(tried))
            if !bad.isEmpty { failures.append("\(changed.joined(separator: " ")) → \(bad.joined(separator: ", "))") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "; "))")
    }

    @Test func netWorthDecayAtTheTopOfItsRangeGivesFiniteMetrics() throws {
        var p = Parameters()
        p.firms = 1000; p.periods = 12; p.burnIn = 4; p.bootstrapDraws = 0
        let info = try #require(Parameters.registryByKey["firm.net_worth_decay"])
        try p.set("firm.net_worth_decay", text: String(info.range.upperBound))
        #expect(Self.nonFinite(p, seed: 1).isEmpty)
    }
}
