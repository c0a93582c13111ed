import ArgumentParser
import CoevoExperiments
import CoevoModel

/// `coevo bench`: the model's speed (build with -c release). `coevo bench` alone is `coevo bench model`.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release): the model by mechanism, or the shared kernel of benchmarks/kernel/SPEC.md.",
        subcommands: [Model.self, Kernel.self], defaultSubcommand: Model.self)

    struct Model: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Time the model's mechanisms: wall time, peak memory, ns per firm-quarter, the stream bound.")
        @Option(help: "Initial firms.") var firms: Int = 20_000
        @Option(help: "Reported quarters.") var periods: Int = 80
        @Option(help: "Seed.") var seed: UInt64 = 1
        @Option(help: "Threads for the per-firm passes.") var threads: Int = 1

        func run() {
            // The same ranges as `coevo run` (ParameterRegistry.swift).
            for (key, value) in [("firms", firms), ("periods", periods)] {
                let range = Parameters.registryByKey[key]!.range
                if !range.contains(Double(value)) { CLI.fail("--\(key): expected \(Int(range.lowerBound))…\(Int(range.upperBound)), found \(value)") }
            }
            if !(1...1024).contains(threads) { CLI.fail("--threads: expected 1…1024, found \(threads)") }
            print(ModelBenchmark.run(firms: firms, periods: periods, seed: seed, threads: threads).text)
        }
    }

    struct Kernel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The shared kernel model (benchmarks/kernel/SPEC.md) in Coevo's engine: one JSON line.")
        @Option(help: "Firms (a positive multiple of 50).") var firms: Int = 10_000
        @Option(help: "Steps.") var steps: Int = 100
        @Option(help: "Seed.") var seed: UInt64 = 1
        @Flag(help: "Deterministic draws of SPEC.md §6 instead of random numbers.") var conformance = false
        @Option(help: "Threads (the figures are the same bits for every value).") var threads: Int = 1
        @Option(help: "How exp and log are evaluated: scalar (libm, one firm at a time, as the model does) or libmvec (a chunk at a time through glibc's SIMD vector math; libm where it is absent).")
        var math: SharedKernel.MathLibrary = .scalar

        func run() {
            // Bounded work: at most 10 million firms, 10,000 steps and 1e10 firm-steps (minutes).
            if !(0...10_000).contains(steps) { CLI.fail("--steps: expected 0…10000, found \(steps)") }
            if !(1...10_000_000).contains(firms) { CLI.fail("--firms: expected 1…10000000, found \(firms)") }
            if firms * steps > 10_000_000_000 { CLI.fail("--firms × --steps: expected at most 1e10 firm-steps, found \(firms * steps)") }
            if !(1...1024).contains(threads) { CLI.fail("--threads: expected 1…1024, found \(threads)") }
            do { print(try SharedKernel.benchmark(firms: firms, steps: steps, seed: seed, conformance: conformance, threads: threads, math: math)) } catch { CLI.fail("\(error)") }
        }
    }
}

extension SharedKernel.MathLibrary: ExpressibleByArgument {}
