import ArgumentParser

@main
struct Coevo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coevo",
        abstract: "Co-evolution of digital commerce and industrial clusters: simulate, measure, report.",
        subcommands: [RunCommand.self, ScenariosCommand.self, MeasureCommand.self, ReportCommand.self, BenchCommand.self, CouplingReferenceCommand.self, ServeCommand.self]
    )
}
