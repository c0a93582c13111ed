import ArgumentParser
import CoevoExperiments
import CoevoModel
import CoevoStore
import Foundation

/// `coevo decompose --out DIR`: Shapley shares of the four levels of external economies in the
/// cost fall and in stage-4 timing, with their interactions, over common seeds.
struct DecomposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decompose",
        abstract: "Split the cost fall and stage-4 timing among the cluster, network, ecosystem and economy-wide external economies (Shapley shares, interactions, 95% intervals over seeds).",
        discussion: "Runs the 16 on/off combinations of external.cluster, external.network, external.ecosystem and external.economy × --seeds common seeds through DIR/sweep.sqlite (a killed run resumes). Files: shapley.csv, interactions.csv, combinations.csv, summary.json, report.html (docs/REFERENCE.md, Decomposition)."
    )

    @Option(help: "Built-in scenario name or a YAML scenario file.") var scenario: String = "baseline"
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a parameter: key=value (repeatable).", valueName: "key=value")) var settings: [String] = []
    @Option(parsing: .unconditional, help: "Initial number of firms (overrides the scenario).") var firms: Int?
    @Option(parsing: .unconditional, help: "Reported quarters (overrides the scenario).") var periods: Int?
    @Option(parsing: .unconditional, help: "Seeds (replications of every combination; at least 2).") var seeds: Int = 5
    @Option(help: "First seed (seeds are base-seed, base-seed + 1, …).") var baseSeed: UInt64 = 1
    @Option(help: "Output directory (created if missing; its store is reused).") var out: String
    @Option(help: "Runs in parallel (default: the number of cores).") var jobs: Int?
    @Flag(help: "No progress on stderr.") var quiet = false

    func run() async throws {
        if let jobs, !(1...1024).contains(jobs) { CLI.fail("--jobs: expected an integer in [1, 1024], found \(jobs)") }
        var overrides = settings
        if let firms { overrides.insert("firms=\(firms)", at: 0) }
        if let periods { overrides.insert("periods=\(periods)", at: 0) }
        let design: SweepDesign
        do { design = try SweepDesign(plan: Decomposition.plan(scenario: scenario, settings: overrides, seeds: seeds, baseSeed: baseSeed)) }
        catch { CLI.fail(error.description) }
        let directory = CLI.checkedOutputDirectory(out, outputs: Decomposition.resultFiles)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        Decomposition.removeResults(in: directory)
        let (options, reporter) = interruptibleSweepOptions(jobs: jobs, quiet: quiet, command: "decompose")
        if !quiet {
            FileHandle.standardError.write(Data("decompose \(scenario): 16 combinations × \(seeds) seeds = \(16 * seeds) runs → \(directory.path)\n".utf8))
        }
        do {
            let store = try SweepStore(directory: directory)
            try store.setMeta(["name": design.plan.name, "kind": "decompose", "model_version": ModelVersion.current])
            let progress = try await SweepRunner.run(design: design, store: store, directory: directory, options: options)
            reporter.finish()
            if progress.interrupted { throw ExitCode(130) }
            guard let (values, censored) = try Decomposition.collect(design: design, store: store) else {
                FileHandle.standardError.write(Data("coevo decompose: runs failed (messages in table runs of sweep.sqlite); run again with the same options\n".utf8))
                throw ExitCode(1)
            }
            let result = Decomposition.analyse(values, censored: censored, seed: baseSeed)
            for o in result.outcomes where !(abs(o.total.value) > 1e-12) {
                FileHandle.standardError.write(Data("coevo decompose: \(o.name): the total effect is 0, so shares are undefined (empty in shapley.csv); the Shapley values still hold\n".utf8))
            }
            try Decomposition.write(result, scenario: scenario, settings: overrides, to: directory)
            writeReport(directory)
            if !quiet {
                for o in result.outcomes {
                    let shares = zip(ExternalLevel.allCases, o.shares).map { "\($0.rawValue) \(String(format: "%.2f", $1.value))" }.joined(separator: ", ")
                    print("\(o.name): total \(String(format: "%.4g", o.total.value)) [\(String(format: "%.4g", o.total.low)), \(String(format: "%.4g", o.total.high))]; shares \(shares); synergy \(String(format: "%.4g", o.synergy.value)) [\(String(format: "%.4g", o.synergy.low)), \(String(format: "%.4g", o.synergy.high))]\(o.censored > 0 ? "; \(o.censored) runs censored at the horizon" : "")")
                }
                print("→ \(directory.appendingPathComponent("shapley.csv").path)")
            }
        } catch let e as ExitCode { throw e }
        catch {
            reporter.finish()
            FileHandle.standardError.write(Data("coevo decompose: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
