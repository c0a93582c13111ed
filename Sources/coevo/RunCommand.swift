import ArgumentParser
import CoevoExperiments
import CoevoModel
import CoevoReport
import CoevoStore
import Foundation

/// `coevo run`: one simulation run into an output directory.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the model: a built-in scenario or a YAML file, written to --out (run.sqlite, series.csv, summary.json, sizes.csv, report.html)."
    )

    @Option(help: "Built-in scenario name (see `coevo scenarios`) or a YAML scenario file.")
    var scenario: String = "baseline"
    @Option(help: "Random seed.")
    var seed: UInt64 = 1
    // `.unconditional`: `--firms -5` is the value -5 (then a range error), not a missing value.
    @Option(parsing: .unconditional, help: "Initial number of firms (overrides the scenario).")
    var firms: Int?
    @Option(parsing: .unconditional, help: "Reported quarters (overrides the scenario).")
    var periods: Int?
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a parameter: key=value (repeatable).", valueName: "key=value"))
    var settings: [String] = []
    @Option(help: "Output directory.")
    var out: String = "coevo-out"
    @Flag(help: "Also store a fixed random firm panel (table `panel`) for Stata/R.")
    var panel = false
    @Flag(help: "No progress on stderr.")
    var quiet = false
    @Flag(help: "Do not write report.html.")
    var noReport = false
    @Option(parsing: .unconditional, help: "Threads for the simulation's per-firm passes (default: every core for runs of at least 100,000 firms, else 1). The outputs are the same bits for every value.")
    var threads: Int?

    func run() throws {
        var chosen: Scenario
        do {
            chosen = try ScenarioLoader.resolve(scenario)
            var overrides = settings
            if let firms { overrides.insert("firms=\(firms)", at: 0) }
            if let periods { overrides.insert("periods=\(periods)", at: 0) }
            try ScenarioLoader.apply(overrides: overrides, to: &chosen)
        } catch {
            CLI.fail(error.description)
        }
        if let threads, !(1...1024).contains(threads) { CLI.fail("--threads: expected 1…1024, found \(threads)") }
        let threadCount = threads ?? RunPipeline.defaultThreads(firms: chosen.parameters.firms)
        guard !out.isEmpty else { CLI.fail("--out: expected a directory path, found ''") }
        let directory = URL(fileURLWithPath: out)
        if let problem = CLI.outputDirectoryProblem(directory, outputs: RunFiles.outputs) { CLI.fail("--out: \(problem)") }
        let progress = Progress(total: chosen.parameters.periods, enabled: !quiet && isatty(2) == 1)
        let summary: RunSummaryView
        do {
            let report = !noReport
            let s = try RunPipeline.execute(scenario: chosen, seed: seed, directory: directory, panel: panel, threads: threadCount, stage: { staging in
                // report.html is built from the staged files and published with them.
                guard report else { return }
                do { _ = try ReportBuilder.runReport(directory: staging, lang: .en) }
                catch { FileHandle.standardError.write(Data("coevo run: report not written: \(error)\n".utf8)) }
            }) { o, model in
                progress.update(period: o.period + 1, firms: model.firms.count, stage: Int(o.all[Observer.index["stage"]!]))
            }
            summary = RunSummaryView(s)
        } catch {
            progress.finish()
            FileHandle.standardError.write(Data("coevo run: \(error)\n".utf8))
            throw ExitCode(1)
        }
        progress.finish()
        if !quiet { print(summary.text(directory: directory)) }
    }
}

/// `coevo scenarios`: the built-in scenarios, one line each.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scenarios", abstract: "List the built-in scenarios.")
    func run() {
        let width = Scenario.builtIn.map(\.name.count).max() ?? 10
        for s in Scenario.builtIn { print(s.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + s.summary) }
    }
}
