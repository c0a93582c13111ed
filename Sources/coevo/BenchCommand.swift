import ArgumentParser
import CoevoExperiments

/// `coevo bench`: times each mechanism of the schedule (build with -c release).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Time the model's mechanisms: wall time, peak memory, ns per firm-quarter (build with -c release).")
    @Option(help: "Initial firms.") var firms: Int = 20_000
    @Option(help: "Reported quarters.") var periods: Int = 80
    @Option(help: "Seed.") var seed: UInt64 = 1

    func run() { print(ModelBenchmark.run(firms: firms, periods: periods, seed: seed).text) }
}
