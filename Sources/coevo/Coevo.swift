import ArgumentParser
import Foundation

@main
struct Coevo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coevo",
        abstract: "Co-evolution of digital commerce and industrial clusters: simulate, measure, report.",
        subcommands: [RunCommand.self, ScenariosCommand.self, SweepCommand.self, SensitivityCommand.self, DecomposeCommand.self, CalibrateCommand.self, MergeCommand.self, MeasureCommand.self, ReportCommand.self, BenchCommand.self, ValidateCommand.self, CouplingReferenceCommand.self, ServeCommand.self]
    )

    /// Like ArgumentParser's entry point, but a usage error exits with status 2 (INTERFACE.md), not 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand { try await asyncCommand.run() } else { try command.run() }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
                FileHandle.standardError.write(Data("coevo: \(message)\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
