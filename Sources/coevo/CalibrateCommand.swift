import ArgumentParser
import CoevoExperiments
import CoevoModel
import CoevoStore
import Foundation

/// `coevo calibrate PLAN.yaml --out DIR`: the method of simulated moments against real series.
struct CalibrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Fit parameters to real series by simulated moments (or ABC-SMC); writes estimates.csv (90% intervals), fit.csv, forecast.csv, summary.json, report.html.",
        discussion: "The plan format is in docs/REFERENCE.md (Calibration). Every run goes into DIR/sweep.sqlite: a killed calibration run again repeats no run."
    )

    @Argument(help: "The calibration plan (YAML).") var plan: String
    @Option(help: "Output directory (created if missing; its store is reused).") var out: String
    @Option(help: "Runs in parallel (default: the number of cores).") var jobs: Int?
    @Flag(help: "No progress on stderr.") var quiet = false

    func run() async throws {
        if let jobs, !(1...1024).contains(jobs) { CLI.fail("--jobs: expected an integer in [1, 1024], found \(jobs)") }
        let parsed: CalibrationPlan
        do { parsed = try CalibrationPlan.load(path: plan) } catch { CLI.fail(error.description) }
        let directory = CLI.checkedOutputDirectory(out, outputs: Calibration.resultFiles)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        Calibration.removeResults(in: directory)
        // Per-run progress is not shown: the calibration says what each stage found.
        let (options, _) = interruptibleSweepOptions(jobs: jobs, quiet: true, command: "calibrate")
        let clock = ContinuousClock.now
        let quiet = self.quiet
        if !quiet {
            FileHandle.standardError.write(Data("calibrate \(parsed.name): \(parsed.parameters.count) parameters, \(parsed.momentCount) moments, \(parsed.globalPoints) global points + up to \(parsed.localEvaluations) local evaluations × \(parsed.replications) replications → \(directory.path)\n".utf8))
        }
        do {
            let store = try SweepStore(directory: directory)
            let planText = (try? String(contentsOfFile: plan, encoding: .utf8)) ?? ""
            try store.setMeta(["plan": planText, "plan_source": plan, "name": parsed.name, "kind": "calibrate", "model_version": ModelVersion.current])
            let evaluator = CalibrationEvaluator(plan: parsed, store: store, directory: directory, options: options)
            let log: @Sendable (String) -> Void = { line in if !quiet { FileHandle.standardError.write(Data((line + "\n").utf8)) } }
            let result: CalibrationResult, posterior: ABCResult?
            switch parsed.method {
            case .msm: result = try await Calibration.run(evaluator, log: log); posterior = nil
            case .abcSMC: (result, posterior) = try await Calibration.runABC(evaluator, log: log)
            }
            try Calibration.write(result, plan: parsed, seconds: (ContinuousClock.now - clock).seconds, posterior: posterior, to: directory)
            writeReport(directory)
            for w in result.warnings { FileHandle.standardError.write(Data("coevo calibrate: \(w)\n".utf8)) }
            if !quiet {
                for e in result.estimates { print("\(e.key) = \(String(format: "%.4g", e.value))  90% [\(String(format: "%.4g", e.low)), \(String(format: "%.4g", e.high))]") }
                let j = parsed.method == .abcSMC ? "posterior means with 90% credible intervals" : result.jStatistic.map { String(format: "J = %.3g (df %d, p = %.3g)", $0, result.jDegrees, result.jPValue ?? .nan) } ?? "J not computed"
                print("loss \(String(format: "%.4g", result.loss)); \(j); R² " + result.rSquared.map { "\($0.series) \(String(format: "%.3f", $0.value))" }.joined(separator: ", "))
                print("\(result.runs) runs → \(directory.appendingPathComponent("estimates.csv").path)")
            }
        } catch is CalibrationEvaluator.Stopped {
            throw ExitCode(130)
        } catch let e as ScenarioError {
            CLI.fail(e.description)
        } catch {
            FileHandle.standardError.write(Data("coevo calibrate: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
