// The shared kernel model of benchmarks/kernel/SPEC.md, written the way Coevo's engine writes a
// model: firm state as columns, group sums in one pass, counter-based random numbers keyed by
// (seed, step, firm), no allocation inside a step. It exists to compare implementations (Mesa 3.x
// and NumPy in benchmarks/kernel/), not to study an economy: same equations, same order of
// operations, same reported figures.

import CoevoMeasure
import CoevoModel
import Foundation

/// The shared kernel (SPEC.md §1–4): `N` firms in villages of 50, villages in 20 clusters;
/// Marshallian unit cost, logit demand over all firms, village peer adoption.
public struct SharedKernel {
    /// How the step evaluates its one `log` and one `exp` per firm.
    public enum MathLibrary: String, Sendable, CaseIterable {
        /// libm's scalar `log` and `exp` inside the fused loop, one firm at a time: how the model's
        /// passes evaluate them today.
        case scalar
        /// A chunk's logs, then its exps, in one call each through `VectorMath` (glibc's SIMD
        /// libmvec where available). The model does not use it yet (docs/PERFORMANCE.md).
        case libmvec
    }

    // Parameters (SPEC.md §2).
    public static let clusters = 20, villageSize = 50
    static let costSigma = 0.3, qualityScale = 0.2, elasticity = 0.15, adoptionDiscount = 0.1
    static let markup = 1.25, qualityWeight = 2.0, priceWeight = 3.0, adoptionAppeal = 0.5
    static let peerIntercept = -5.0, peerSlope = 6.0, seedEvery = 100
    // Conformance draws (SPEC.md §6).
    static let alphaZ = 0.7548776662466927, alphaQ = 0.5698402909980532
    static let alphaU = 0.6180339887498949, betaU = 0.41421356237309515

    public let firms: Int
    public let conformance: Bool
    /// Threads the two passes of a step may use; the figures are the same bits for every value.
    public let threads: Int
    public let math: MathLibrary
    /// Firms per chunk (40 villages): the passes are split into these, their sums taken per chunk
    /// and added in chunk order, whatever the thread count.
    static let chunkSize = 2_000
    let random: CounterRandom
    /// Fixed traits and state, one column each.
    let baseCost: Column<Double>, quality: Column<Double>
    let adopted: Column<Bool>, output: Column<Double>, cost: Column<Double>, price: Column<Double>, attraction: Column<Double>
    /// Group sums: cluster output (from the last step's outputs) and village adopters.
    let clusterOutput: Column<Double>, villageAdopters: Column<Int32>
    /// Per step: each cluster's cost factor (Y_k / (N/C))^(−ε), each village's adoption probability.
    let clusterCostFactor: Column<Double>, adoptionProbability: Column<Double>
    /// Per-chunk sums: the attraction total, and each cluster's output.
    let chunkAttraction: Column<Double>, chunkClusterOutput: Column<Double>
    public private(set) var step = 0

    /// Set-up (SPEC.md §3; not timed). `firms` must be a positive multiple of 50.
    public init(firms: Int, seed: UInt64, conformance: Bool = false, threads: Int = 1, math: MathLibrary = .scalar) throws {
        guard firms > 0, firms % SharedKernel.villageSize == 0 else {
            throw ScenarioError(source: "--firms", message: "expected a positive multiple of \(SharedKernel.villageSize), found \(firms)")
        }
        self.firms = firms
        self.conformance = conformance
        self.threads = max(1, threads)
        self.math = math
        random = CounterRandom(seed: seed)
        let chunks = (firms + SharedKernel.chunkSize - 1) / SharedKernel.chunkSize
        chunkAttraction = Column(repeating: 0, count: chunks)
        chunkClusterOutput = Column(repeating: 0, count: chunks * SharedKernel.clusters)
        baseCost = Column(repeating: 0, count: firms); quality = Column(repeating: 0, count: firms)
        adopted = Column(repeating: false, count: firms); output = Column(repeating: 1, count: firms)
        cost = Column(repeating: 0, count: firms); price = Column(repeating: 0, count: firms)
        attraction = Column(repeating: 0, count: firms)
        clusterOutput = Column(repeating: 0, count: SharedKernel.clusters)
        clusterCostFactor = Column(repeating: 0, count: SharedKernel.clusters)
        villageAdopters = Column(repeating: 0, count: firms / SharedKernel.villageSize)
        adoptionProbability = Column(repeating: 0, count: firms / SharedKernel.villageSize)
        for i in 0..<firms {
            let z: Double, zq: Double
            if conformance {
                let i1 = Double(i + 1)
                z = 3.0.squareRoot() * (2 * SharedKernel.frac(i1 * SharedKernel.alphaZ) - 1)
                zq = 3.0.squareRoot() * (2 * SharedKernel.frac(i1 * SharedKernel.alphaQ) - 1)
            } else {
                z = random.normal(.initialization, period: 0, id: UInt32(i), draw: 0)
                zq = random.normal(.initialization, period: 0, id: UInt32(i), draw: 1)
            }
            baseCost[i] = exp(SharedKernel.costSigma * z)
            quality[i] = SharedKernel.qualityScale * zq
            adopted[i] = i % SharedKernel.seedEvery == 0
            cost[i] = baseCost[i]
        }
        for i in 0..<firms { clusterOutput[(i / SharedKernel.villageSize) % SharedKernel.clusters] += output[i] }
        for i in 0..<firms where adopted[i] { villageAdopters[i / SharedKernel.villageSize] += 1 }
    }

    /// `Σ x[0..<count]` by four partial sums (i mod 4), added at the end: four independent
    /// chains of additions instead of one, so the loop is not bound by the adder's latency.
    @inline(__always) static func sum(_ x: UnsafeMutablePointer<Double>, count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, i = 0
        while i + 4 <= count { s0 += x[i]; s1 += x[i + 1]; s2 += x[i + 2]; s3 += x[i + 3]; i += 4 }
        while i < count { s0 += x[i]; i += 1 }
        return (s0 + s1) + (s2 + s3)
    }

    /// Firm i's adoption draw at step t (SPEC.md §4(d)): the counter-based uniform keyed by (seed,
    /// step, firm), or in conformance mode SPEC.md §6's deterministic number.
    @inline(__always) static func adoptionDraw(firm i: Int, step t: Int, conformance: Bool, random: CounterRandom) -> Double {
        conformance ? frac(Double(i + 1) * alphaU + Double(t) * betaU) : random.uniform(.adoption, period: t, id: UInt32(i))
    }

    @inline(__always) static func frac(_ x: Double) -> Double { x - x.rounded(.down) }

    /// One step (SPEC.md §4): two passes over the firms, each in chunks of 40 villages (on
    /// `threads` threads). The first prices every firm and sums the attractions; the second sets
    /// outputs (summing next step's cluster output as it goes) and lets non-adopters adopt, with
    /// village shares from the start of the step. Sums are taken per chunk and added in chunk order.
    public mutating func advance() {
        step += 1
        let n = firms, C = SharedKernel.clusters, size = SharedKernel.villageSize, chunk = SharedKernel.chunkSize
        let baseCost = baseCost.base, quality = quality.base, adopted = adopted.base, output = output.base
        let cost = cost.base, price = price.base, attraction = attraction.base
        let clusterOutput = clusterOutput.base, villageAdopters = villageAdopters.base, probability = adoptionProbability.base
        let chunkAttraction = chunkAttraction.base, chunkClusterOutput = chunkClusterOutput.base
        let chunks = (n + chunk - 1) / chunk
        // (a) cluster cost factors and (d) adoption probabilities per village, both from the state
        // at the start of the step.
        let factor = clusterCostFactor.base, scale = Double(n) / Double(C)
        for k in 0..<C { factor[k] = pow(clusterOutput[k] / scale, -SharedKernel.elasticity) }
        for v in 0..<n / size {
            let share = Double(villageAdopters[v]) / Double(size)
            probability[v] = 1 / (1 + exp(-(SharedKernel.peerIntercept + SharedKernel.peerSlope * share)))
        }
        // (b), (c) first half: cost, price, attraction; the demand denominator.
        let vector = math == .libmvec
        forEachChunk(count: n, chunkSize: chunk, threads: threads) { c, range in
            var total = 0.0
            var v = range.lowerBound / size
            if vector {
                // Costs and prices; the chunk's log prices in one call (into the attraction
                // column), the exponents, the chunk's exps in one call; the sum by four partial
                // sums (SharedKernel.sum: another order of additions than the scalar path's, as
                // NumPy's pairwise sums are; the figures agree to about 1e-15).
                while v * size < range.upperBound {
                    let f = factor[v % C]
                    for i in v * size ..< (v + 1) * size {
                        let unitCost = baseCost[i] * f * (adopted[i] ? 1 - SharedKernel.adoptionDiscount : 1)
                        cost[i] = unitCost; price[i] = SharedKernel.markup * unitCost
                    }
                    v += 1
                }
                let lo = range.lowerBound, count = range.count
                VectorMath.log(price + lo, into: attraction + lo, count: count)
                for i in range {
                    attraction[i] = SharedKernel.qualityWeight * quality[i] - SharedKernel.priceWeight * attraction[i]
                        + (adopted[i] ? SharedKernel.adoptionAppeal : 0)
                }
                VectorMath.exp(attraction + lo, into: attraction + lo, count: count)
                total = SharedKernel.sum(attraction + lo, count: count)
            } else {
                while v * size < range.upperBound {
                    let f = factor[v % C]
                    for i in v * size ..< (v + 1) * size {
                        let a = adopted[i]
                        let unitCost = baseCost[i] * f * (a ? 1 - SharedKernel.adoptionDiscount : 1)
                        let p = SharedKernel.markup * unitCost
                        let A = exp(SharedKernel.qualityWeight * quality[i] - SharedKernel.priceWeight * log(p) + (a ? SharedKernel.adoptionAppeal : 0))
                        cost[i] = unitCost; price[i] = p; attraction[i] = A
                        total += A
                    }
                    v += 1
                }
            }
            chunkAttraction[c] = total
        }
        var total = 0.0
        for c in 0..<chunks { total += chunkAttraction[c] }
        // (c) second half: outputs, summed by cluster for the next step; (d) adoption.
        let spendingOverDenominator = Double(n) / (Double(n) + total)
        let t = step, conformance = conformance, random = random
        forEachChunk(count: n, chunkSize: chunk, threads: threads) { c, range in
            let sums = chunkClusterOutput + c * C
            for k in 0..<C { sums[k] = 0 }
            var v = range.lowerBound / size
            if vector {
                // Outputs in a loop of their own (no draw or branch in it, so it vectorises) and
                // their village sum by four partial sums; then the village's adoption draws.
                while v * size < range.upperBound {
                    let pv = probability[v], first = v * size
                    for i in first ..< first + size { output[i] = spendingOverDenominator * attraction[i] / price[i] }
                    var newAdopters: Int32 = 0
                    for i in first ..< first + size where !adopted[i] {
                        let u = SharedKernel.adoptionDraw(firm: i, step: t, conformance: conformance, random: random)
                        if u < pv { adopted[i] = true; newAdopters += 1 }
                    }
                    sums[v % C] += SharedKernel.sum(output + first, count: size)
                    villageAdopters[v] += newAdopters
                    v += 1
                }
                return
            }
            while v * size < range.upperBound {
                let pv = probability[v]
                var clusterSum = 0.0, newAdopters: Int32 = 0
                for i in v * size ..< (v + 1) * size {
                    let y = spendingOverDenominator * attraction[i] / price[i]
                    output[i] = y; clusterSum += y
                    if !adopted[i] {
                        let u = SharedKernel.adoptionDraw(firm: i, step: t, conformance: conformance, random: random)
                        if u < pv { adopted[i] = true; newAdopters += 1 }
                    }
                }
                sums[v % C] += clusterSum
                villageAdopters[v] += newAdopters
                v += 1
            }
        }
        for k in 0..<C { clusterOutput[k] = 0 }
        for c in 0..<chunks { for k in 0..<C { clusterOutput[k] += chunkClusterOutput[c * C + k] } }
    }

    /// The reported figures (SPEC.md §5): mean unit cost and total output of the last step,
    /// adoption share after it.
    public var figures: (meanCost: Double, adoption: Double, output: Double) {
        var c = 0.0, a = 0, y = 0.0
        for i in 0..<firms { c += cost[i]; y += output[i]; if adopted[i] { a += 1 } }
        return (c / Double(firms), Double(a) / Double(firms), y)
    }

    /// Runs `steps` steps after set-up, timing only the steps; the SPEC.md §5 JSON line.
    public static func benchmark(firms: Int, steps: Int, seed: UInt64, conformance: Bool, threads: Int = 1, math: MathLibrary = .scalar) throws -> String {
        var kernel = try SharedKernel(firms: firms, seed: seed, conformance: conformance, threads: threads, math: math)
        let clock = ContinuousClock(), start = clock.now
        for _ in 0..<steps { kernel.advance() }
        let seconds = (clock.now - start).seconds
        let f = kernel.figures
        func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }
        let name = (conformance ? "swift-conformance" : "swift") + (math == .libmvec ? "-libmvec" : "")
            + (threads > 1 ? "-\(threads)-threads" : "")
        return "{\"impl\": \"\(name)\", \"firms\": \(firms), \"steps\": \(steps), "
            + "\"seconds\": \(number(seconds)), \"ns_per_firm_step\": \(number(seconds * 1e9 / Double(max(firms * steps, 1)))), "
            + "\"mean_cost\": \(number(f.meanCost)), \"adoption\": \(number(f.adoption)), \"output\": \(number(f.output)), "
            + "\"math\": \"\(math == .libmvec ? VectorMath.backend : "libm-scalar")\"}"
    }
}
