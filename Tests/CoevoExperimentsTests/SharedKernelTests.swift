// The Swift implementation of the shared kernel benchmark (benchmarks/kernel/SPEC.md) computes the
// same model as the NumPy and Mesa ones: exactly on the deterministic draws of SPEC.md §6, and
// statistically with its own random numbers (SPEC.md §5).

@testable import CoevoExperiments
import Testing

@Suite struct SharedKernelTests {
    /// SPEC.md §6 reference figures, from `python numpy_kernel.py --firms N --steps T --conformance`
    /// (NumPy 2.4.6): relative difference ≤ 1e-9 in mean cost and output, adoption share exact.
    @Test(arguments: [
        (10_000, 1, 1.0445449178871011, 0.0173, 4684.264457091261),
        (10_000, 10, 1.2428647232044268, 0.1014, 3032.5306794365997),
        (10_000, 25, 1.1194219333699238, 0.5776, 4823.7591490903305),
        (10_000, 100, 1.0039137662774467, 1.0, 6502.9041679873135),
        (100_000, 25, 1.119176847604852, 0.57482, 48045.51414047219),
    ])
    func conformance(_ c: (firms: Int, steps: Int, meanCost: Double, adoption: Double, output: Double)) throws {
        for math in SharedKernel.MathLibrary.allCases {
            var kernel = try SharedKernel(firms: c.firms, seed: 1, conformance: true, math: math)
            for _ in 0..<c.steps { kernel.advance() }
            let f = kernel.figures
            #expect(abs(f.meanCost / c.meanCost - 1) <= 1e-9, "\(math)")
            #expect(abs(f.output / c.output - 1) <= 1e-9, "\(math)")
            #expect(f.adoption == c.adoption, "\(math)")
        }
    }

    /// SPEC.md §5: at N = 10,000, T = 25 the mean over seeds 1…10 agrees with NumPy's 30-seed means
    /// (mean cost 1.1360, adoption 0.4035, output 4909; SPEC.md §5 table) within 3 %, 0.03 and 6 %.
    /// The adoption share is mid-way up its S-curve there, so a wrong adoption rule fails it
    /// (without peer effects, γ1 = 0, adoption at T = 25 would be about 0.16).
    @Test func statisticalAgreementWithNumPy() throws {
        var cost = 0.0, adoption = 0.0, output = 0.0
        for seed in 1...10 as ClosedRange<UInt64> {
            var kernel = try SharedKernel(firms: 10_000, seed: seed)
            for _ in 0..<25 { kernel.advance() }
            let f = kernel.figures
            cost += f.meanCost / 10; adoption += f.adoption / 10; output += f.output / 10
        }
        #expect(abs(cost / 1.1360 - 1) <= 0.03)
        #expect(abs(adoption - 0.4035) <= 0.03)
        #expect(abs(output / 4909 - 1) <= 0.06)
    }

    /// The passes split into chunks of 40 villages whose sums are added in chunk order: the
    /// figures are the same bits on 1, 2 and 3 threads.
    @Test(arguments: SharedKernel.MathLibrary.allCases)
    func threadCountDoesNotChangeTheFigures(math: SharedKernel.MathLibrary) throws {
        var figures: [[UInt64]] = []
        for threads in [1, 2, 3] {
            var kernel = try SharedKernel(firms: 30_000, seed: 4, threads: threads, math: math)
            for _ in 0..<30 { kernel.advance() }
            let f = kernel.figures
            figures.append([f.meanCost.bitPattern, f.adoption.bitPattern, f.output.bitPattern])
        }
        #expect(figures[0] == figures[1] && figures[0] == figures[2])
    }

    /// The libmvec path computes the same equations as the fused scalar loop: the two differ at
    /// most by rounding (and the random draws are the same).
    @Test func vectorAndScalarMathAgreeToRounding() throws {
        var a = try SharedKernel(firms: 10_000, seed: 2, math: .libmvec)
        var b = try SharedKernel(firms: 10_000, seed: 2, math: .scalar)
        for _ in 0..<40 { a.advance(); b.advance() }
        #expect(abs(a.figures.meanCost / b.figures.meanCost - 1) <= 1e-12)
        #expect(abs(a.figures.output / b.figures.output - 1) <= 1e-12)
        #expect(a.figures.adoption == b.figures.adoption)
    }

    @Test func rejectsFirmCountsThatAreNotWholeVillages() {
        #expect(throws: ScenarioError.self) { try SharedKernel(firms: 10_001, seed: 1) }
        #expect(throws: ScenarioError.self) { try SharedKernel(firms: 0, seed: 1) }
    }
}
