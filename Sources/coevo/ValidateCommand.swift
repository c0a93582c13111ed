import ArgumentParser
import CoevoExperiments
import CoevoModel
import CoevoStore
import Foundation

/// `coevo validate`: the model against the paper's claims and China's data (issue 13's table):
/// runs the scenarios and counterfactuals over seeds and prints, for every row, the figure now,
/// the target and pass or fail. Exit status 1 when a judged row fails.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Run the scenarios over seeds and judge the model against the paper's claims and China's data."
    )
    @Option(help: "Seeds 1…N.") var seeds: Int = 5
    @Option(help: "Initial firms per run.") var firms: Int = 20_000
    @Option(help: "Initial firms of the robustness runs.") var smallFirms: Int = 5_000
    @Option(help: "Reported quarters.") var periods: Int = 80
    @Option(help: "Runs at once.") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Also write the table as Markdown to this file.") var markdown: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a parameter in every scenario: key=value (repeatable).", valueName: "key=value"))
    var settings: [String] = []

    func run() throws {
        guard seeds >= 1, firms >= 500, smallFirms >= 500, periods >= 44, jobs >= 1 else {
            CLI.fail("validate: expected --seeds ≥ 1, --firms and --small-firms ≥ 500, --periods ≥ 44 (the data reach 2019), --jobs ≥ 1")
        }
        let variants: [ValidationVariant]
        do { variants = try ValidationRuns.variants(firms: firms, smallFirms: smallFirms, periods: periods, overrides: settings) }
        catch { CLI.fail(error.description) }
        let seedList = (1...seeds).map(UInt64.init)
        FileHandle.standardError.write(Data("validate: \(variants.count) variants × \(seeds) seeds on \(jobs) threads\n".utf8))
        let runs = ValidationRuns.runAll(variants, seeds: seedList, jobs: jobs) { line in
            FileHandle.standardError.write(Data("  \(line)\n".utf8))
        }
        let table = ValidationTable.build(runs, firms: firms, smallFirms: smallFirms, seeds: seedList, startYear: Parameters().startYear)
        print(table.text)
        if let markdown { try atomicWrite(data: Data(table.markdown.utf8), to: URL(fileURLWithPath: markdown)) }
        if table.passed < table.judged { throw ExitCode(1) }
    }
}
