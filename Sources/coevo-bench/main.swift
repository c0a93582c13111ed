// A synchronous benchmark entry point for profilers (valgrind cannot follow an async main):
// coevo-bench [firms] [periods] [seed]
import CoevoExperiments

let args = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let report = ModelBenchmark.run(firms: args.first ?? 20_000, periods: args.count > 1 ? args[1] : 80, seed: UInt64(args.count > 2 ? args[2] : 1))
print(report.text)
