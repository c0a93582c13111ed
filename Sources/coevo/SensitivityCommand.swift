import ArgumentParser
import CoevoExperiments
import CoevoModel
import CoevoStore
import Foundation

/// `coevo sensitivity PLAN.yaml --out DIR`: Sobol indices or Morris effects of a plan's factors,
/// its design run through the sweep store (or an analytic test function in process).
struct SensitivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Sobol indices (S1, ST, S2) or Morris effects (mu, mu*, sigma) with bootstrap intervals and seed noise separated; writes DIR/indices.csv.",
        discussion: "The plan format is in docs/REFERENCE.md (Sensitivity). The runs go through DIR/sweep.sqlite: a killed analysis resumes, --shard and --slurm split it, `coevo merge` joins the shards and computes the indices."
    )

    @Argument(help: "The sensitivity plan (YAML).") var plan: String
    @Option(help: "Output directory (created if missing; its store is reused).") var out: String
    @OptionGroup var options: StoreRunOptions

    func run() async throws {
        let parsedShard = options.checked(out: out)
        let parsed: SensitivityPlan
        let design: SweepDesign?
        do {
            parsed = try SensitivityPlan.load(path: plan)
            design = try SensitivityRunner.design(parsed)
        } catch { CLI.fail(error.description) }
        let directory = CLI.checkedOutputDirectory(out, outputs: SensitivityRunner.resultFiles)
        if parsed.analytic != nil, options.slurm || parsedShard != nil {
            CLI.fail("\(plan): expected a model plan with --slurm or --shard, found an analytic function ('model'), which runs in process")
        }
        let planText = (try? String(contentsOfFile: plan, encoding: .utf8)) ?? ""
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        SensitivityRunner.removeResults(in: directory)
        if options.slurm {
            try options.writeSlurm(command: "sensitivity", name: parsed.name, planText: planText, directory: directory)
            return
        }
        let quiet = options.quiet
        let (sweepOptions, reporter) = options.sweepOptions(shard: parsedShard, command: "sensitivity")
        let runs = parsed.rowCount * parsed.replications
        if !quiet {
            FileHandle.standardError.write(Data("sensitivity \(parsed.name): \(parsed.method.rawValue), \(parsed.factorNames.count) factors, \(parsed.rowCount) design rows × \(parsed.replications) replications = \(runs) runs\(parsedShard.map { ", shard \($0.index)/\($0.count)" } ?? "") → \(directory.path)\n".utf8))
        }
        let clock = ContinuousClock.now
        let evaluation: SensitivityRunner.Evaluation
        do {
            var store: SweepStore?
            if design != nil {
                store = try SweepStore(directory: directory)
                try store!.setMeta(["plan": planText, "plan_source": plan, "name": parsed.name, "kind": "sensitivity",
                                    "model_version": ModelVersion.current])
            }
            evaluation = try await SensitivityRunner.evaluate(parsed, design: design, store: store, directory: directory, options: sweepOptions)
        } catch {
            reporter.finish()
            FileHandle.standardError.write(Data("coevo sensitivity: \(error)\n".utf8))
            throw ExitCode(1)
        }
        reporter.finish()
        if evaluation.progress?.interrupted == true { throw ExitCode(130) }
        guard let outputs = evaluation.outputs else {
            if !quiet { print("indices not computed: \(evaluation.incomplete ?? "runs missing")") }
            if parsedShard.map({ $0.count > 1 }) == true { return }
            throw ExitCode(1)
        }
        try Self.analyseAndWrite(parsed, outputs: outputs, skipped: evaluation.skipped, runs: runs,
                                 seconds: (ContinuousClock.now - clock).seconds, directory: directory, quiet: quiet)
    }

    /// The indices, their files and the report; prints where they are.
    static func analyseAndWrite(_ plan: SensitivityPlan, outputs: [String: [[Double]]], skipped: [(outcome: String, reason: String)],
                                runs: Int, seconds: Double, directory: URL, quiet: Bool) throws {
        let result = SensitivityRunner.analyse(plan, outputs: outputs, skipped: skipped)
        do { try SensitivityRunner.write(result, plan: plan, runs: runs, seconds: seconds, to: directory) }
        catch {
            FileHandle.standardError.write(Data("coevo sensitivity: \(error)\n".utf8))
            throw ExitCode(1)
        }
        writeReport(directory)
        for s in skipped + result.warnings { FileHandle.standardError.write(Data("coevo sensitivity: outcome \(s.outcome): \(s.reason)\n".utf8)) }
        if !quiet {
            for (o, n) in result.noise {
                if let share = n.share { print("\(o): seed noise is \(String(format: "%.1f", 100 * share))% of a single run's variance (\(n.replications) replications per row)") }
            }
            print("\(runs) runs → \(directory.appendingPathComponent("indices.csv").path)")
        }
    }
}
