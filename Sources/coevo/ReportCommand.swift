import ArgumentParser
import CoevoReport
import Foundation

extension ReportLanguage: ExpressibleByArgument {}

/// `coevo report DIR [--lang en|zh]`: writes DIR/report.html from a run's output files.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write DIR/report.html (self-contained: inline SVG charts and CSS) from a run or sweep output."
    )

    @Argument(help: "Output directory of `coevo run` (series.csv, summary.json) or of `coevo sweep`/`coevo merge` (summary.csv, sweep.sqlite).")
    var directory: String

    @Option(help: "Language of the labels: en or zh.")
    var lang: ReportLanguage = .en

    func run() throws {
        do {
            let url = try ReportBuilder.runReport(directory: URL(fileURLWithPath: directory), lang: lang)
            print(url.path)
        } catch let error as ReportError {
            FileHandle.standardError.write(Data("coevo report: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
    }
}
