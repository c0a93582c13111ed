// Quasi-random and stratified designs on the unit hypercube for sweeps and sensitivity
// analysis: Sobol's sequence (Joe & Kuo 2008 direction numbers, Gray-code order, optionally
// scrambled by a random linear matrix scramble plus a digital shift, Matoušek 1998) and Latin
// hypercube sampling (McKay, Beckman & Conover 1979). Unscrambled Sobol points equal
// scipy.stats.qmc.Sobol(d, scramble=False) (checked in the tests).

import CoevoMeasure

/// Sobol's low-discrepancy sequence in up to ``maxDimensions`` dimensions, 32-bit.
public struct SobolSequence: Sendable {
    /// Dimensions available (the direction numbers stored below).
    public static var maxDimensions: Int { directionTable.count }
    public let dimensions: Int
    /// direction[j][k]: the k-th direction number of dimension j, as a 32-bit fraction.
    private var direction: [[UInt32]]
    private var shift: [UInt32]

    /// `scrambleSeed` nil: the plain sequence, starting at the origin. Otherwise a linear matrix
    /// scramble and a digital shift drawn from SplitMix64(`scrambleSeed`); every scrambled point
    /// set of 2^m points keeps the (t, m, s)-net property and is uniform on [0, 1)^d.
    public init(dimensions: Int, scrambleSeed: UInt64? = nil) {
        precondition(dimensions >= 1 && dimensions <= SobolSequence.maxDimensions, "SobolSequence: 1...\(SobolSequence.maxDimensions) dimensions")
        self.dimensions = dimensions
        var v: [[UInt32]] = []
        for j in 0..<dimensions {
            let (poly, initial) = SobolSequence.directionTable[j]
            var m = [UInt32](repeating: 0, count: 32)
            let degree = poly == 1 ? 0 : (UInt32.bitWidth - UInt32(poly).leadingZeroBitCount - 1)
            if degree == 0 {
                for k in 0..<32 { m[k] = 1 << (31 - k) }
            } else {
                let s = Int(degree)
                let a = (poly >> 1) & ((1 << (s - 1)) - 1)
                for k in 0..<s { m[k] = UInt32(initial[k]) << (31 - k) }
                for k in s..<32 {
                    var value = m[k - s] ^ (m[k - s] >> UInt32(s))
                    for i in 1..<s where (a >> (s - 1 - i)) & 1 == 1 { value ^= m[k - i] }
                    m[k] = value
                }
            }
            v.append(m)
        }
        shift = [UInt32](repeating: 0, count: dimensions)
        if let seed = scrambleSeed {
            var rng = SplitMix64(seed: seed)
            for j in 0..<dimensions {
                // Lower-triangular random bit matrix with unit diagonal, applied to each direction
                // number (bit 31 is the most significant digit).
                var rows = [UInt32](repeating: 0, count: 32)
                for r in 0..<32 {
                    let below = r == 0 ? UInt32(0) : UInt32(truncatingIfNeeded: rng.next()) & ~(UInt32.max >> UInt32(r))
                    rows[r] = below | (UInt32(1) << UInt32(31 - r))
                }
                for k in 0..<32 {
                    var out: UInt32 = 0
                    for r in 0..<32 where (rows[r] & v[j][k]).nonzeroBitCount & 1 == 1 { out |= UInt32(1) << UInt32(31 - r) }
                    v[j][k] = out
                }
                shift[j] = UInt32(truncatingIfNeeded: rng.next())
            }
        }
        direction = v
    }

    /// The first `count` points (count ≤ 2^32), each a row of `dimensions` values in [0, 1).
    public func points(_ count: Int) -> [[Double]] {
        var x = shift
        var out: [[Double]] = []
        out.reserveCapacity(count)
        for n in 0..<count {
            if n > 0 {
                let c = (~(n - 1)).trailingZeroBitCount   // the rightmost zero bit of n − 1 (Gray code)
                for j in 0..<dimensions { x[j] ^= direction[j][c] }
            }
            out.append(x.map { Double($0) * 0x1.0p-32 })
        }
        return out
    }

    /// (primitive polynomial with its leading and trailing terms, initial direction integers m_1..m_s),
    /// Joe & Kuo's new-joe-kuo-6.21201 table as shipped with scipy.stats.qmc, first 64 dimensions.
    static let directionTable: [(Int, [Int])] = [
        (1, [1]),
        (3, [1]),
        (7, [1, 3]),
        (11, [1, 3, 1]),
        (13, [1, 1, 1]),
        (19, [1, 1, 3, 3]),
        (25, [1, 3, 5, 13]),
        (37, [1, 1, 5, 5, 17]),
        (41, [1, 1, 5, 5, 5]),
        (47, [1, 1, 7, 11, 19]),
        (55, [1, 1, 5, 1, 1]),
        (59, [1, 1, 1, 3, 11]),
        (61, [1, 3, 5, 5, 31]),
        (67, [1, 3, 3, 9, 7, 49]),
        (91, [1, 1, 1, 15, 21, 21]),
        (97, [1, 3, 1, 13, 27, 49]),
        (103, [1, 1, 1, 15, 7, 5]),
        (109, [1, 3, 1, 15, 13, 25]),
        (115, [1, 1, 5, 5, 19, 61]),
        (131, [1, 3, 7, 11, 23, 15, 103]),
        (137, [1, 3, 7, 13, 13, 15, 69]),
        (143, [1, 1, 3, 13, 7, 35, 63]),
        (145, [1, 3, 5, 9, 1, 25, 53]),
        (157, [1, 3, 1, 13, 9, 35, 107]),
        (167, [1, 3, 1, 5, 27, 61, 31]),
        (171, [1, 1, 5, 11, 19, 41, 61]),
        (185, [1, 3, 5, 3, 3, 13, 69]),
        (191, [1, 1, 7, 13, 1, 19, 1]),
        (193, [1, 3, 7, 5, 13, 19, 59]),
        (203, [1, 1, 3, 9, 25, 29, 41]),
        (211, [1, 3, 5, 13, 23, 1, 55]),
        (213, [1, 3, 7, 3, 13, 59, 17]),
        (229, [1, 3, 1, 3, 5, 53, 69]),
        (239, [1, 1, 5, 5, 23, 33, 13]),
        (241, [1, 1, 7, 7, 1, 61, 123]),
        (247, [1, 1, 7, 9, 13, 61, 49]),
        (253, [1, 3, 3, 5, 3, 55, 33]),
        (285, [1, 3, 1, 15, 31, 13, 49, 245]),
        (299, [1, 3, 5, 15, 31, 59, 63, 97]),
        (301, [1, 3, 1, 11, 11, 11, 77, 249]),
        (333, [1, 3, 1, 11, 27, 43, 71, 9]),
        (351, [1, 1, 7, 15, 21, 11, 81, 45]),
        (355, [1, 3, 7, 3, 25, 31, 65, 79]),
        (357, [1, 3, 1, 1, 19, 11, 3, 205]),
        (361, [1, 1, 5, 9, 19, 21, 29, 157]),
        (369, [1, 3, 7, 11, 1, 33, 89, 185]),
        (391, [1, 3, 3, 3, 15, 9, 79, 71]),
        (397, [1, 3, 7, 11, 15, 39, 119, 27]),
        (425, [1, 1, 3, 1, 11, 31, 97, 225]),
        (451, [1, 1, 1, 3, 23, 43, 57, 177]),
        (463, [1, 3, 7, 7, 17, 17, 37, 71]),
        (487, [1, 3, 1, 5, 27, 63, 123, 213]),
        (501, [1, 1, 3, 5, 11, 43, 53, 133]),
        (529, [1, 3, 5, 5, 29, 17, 47, 173, 479]),
        (539, [1, 3, 3, 11, 3, 1, 109, 9, 69]),
        (545, [1, 1, 1, 5, 17, 39, 23, 5, 343]),
        (557, [1, 3, 1, 5, 25, 15, 31, 103, 499]),
        (563, [1, 1, 1, 11, 11, 17, 63, 105, 183]),
        (601, [1, 1, 5, 11, 9, 29, 97, 231, 363]),
        (607, [1, 1, 5, 15, 19, 45, 41, 7, 383]),
        (617, [1, 3, 7, 7, 31, 19, 83, 137, 221]),
        (623, [1, 1, 1, 3, 23, 15, 111, 223, 83]),
        (631, [1, 1, 5, 13, 31, 15, 55, 25, 161]),
        (637, [1, 1, 3, 13, 25, 47, 39, 87, 257]),
    ]
}

/// Latin hypercube sample: `count` points in [0, 1)^`dimensions`, each dimension's n strata
/// [i/n, (i+1)/n) hit exactly once, with a uniform position inside the stratum.
public func latinHypercube(count: Int, dimensions: Int, seed: UInt64) -> [[Double]] {
    var rng = SplitMix64(seed: seed)
    var out = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: count)
    for j in 0..<dimensions {
        var strata = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) { strata.swapAt(i, rng.nextInt(below: i + 1)) }
        for i in 0..<count { out[i][j] = (Double(strata[i]) + rng.nextDouble()) / Double(count) }
    }
    return out
}
