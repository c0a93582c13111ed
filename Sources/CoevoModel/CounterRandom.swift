// Counter-based random numbers (MODEL.md §2, "Storage"): every draw is a pure function of
// (seed, stream, period, firm id, draw index), so a run is bit-identical for a seed whatever the
// thread count or the order in which firms are stored.

/// Random streams: one per mechanism, so switching one mechanism off never shifts another's draws.
public enum RandomStream: UInt64, Sendable {
    case initialization = 1, adoption, platformChoice, productivity, entrepreneurs, entry, exit, panel, fit, bootstrap, innovation, network, mobility
}

/// A keyed, stateless generator. `uniform` and `normal` are written here (not Swift's
/// `Double.random(in:)`, whose conversion may change between Swift versions).
public struct CounterRandom: Sendable {
    public let seed: UInt64
    public init(seed: UInt64) { self.seed = seed }

    @inline(__always)
    static func mix(_ z0: UInt64) -> UInt64 {
        // SplitMix64 / Stafford variant 13 finaliser: a bijection with full avalanche.
        var z = z0 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64 random bits for a key. Keys are hashed in sequence so that no two keys collide in practice.
    @inline(__always)
    public func bits(_ stream: RandomStream, period: Int, id: UInt32, draw: UInt32 = 0) -> UInt64 {
        var h = CounterRandom.mix(seed ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03))
        h = CounterRandom.mix(h ^ UInt64(bitPattern: Int64(period)))
        h = CounterRandom.mix(h ^ (UInt64(id) << 32 | UInt64(draw)))
        return h
    }

    /// Uniform in the open interval (0, 1), 53 bits of resolution.
    @inline(__always)
    public func uniform(_ stream: RandomStream, period: Int, id: UInt32, draw: UInt32 = 0) -> Double {
        (Double(bits(stream, period: period, id: id, draw: draw) >> 11) + 0.5) * 0x1.0p-53
    }

    /// Standard normal by Box–Muller on two keyed uniforms.
    @inline(__always)
    public func normal(_ stream: RandomStream, period: Int, id: UInt32, draw: UInt32 = 0) -> Double {
        let u1 = uniform(stream, period: period, id: id, draw: draw &* 2)
        let u2 = uniform(stream, period: period, id: id, draw: draw &* 2 &+ 1)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
