import ArgumentParser
import CoevoEmpirics
import Foundation

/// `coevo measure DATA.csv --spec SPEC.yaml [--out DIR]`: the empirical toolkit on real data
/// (entropy weights, coupling coordination, synergy, symbiosis, Haken; docs/MEASURE.md).
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Entropy weights, coupling coordination, synergy, symbiosis and Haken analysis of a CSV panel."
    )

    @Argument(help: "Data CSV (wide: unit,time,indicators…; tidy: unit,time,indicator,value).")
    var data: String

    @Option(name: .long, help: "YAML spec (systems, indicators, conventions; see docs/MEASURE.md).")
    var spec: String

    @Option(name: .long, help: "Output directory.")
    var out: String = "./coevo-measure"

    @Flag(name: .long, help: "Print nothing on success.")
    var quiet = false

    func run() throws {
        do {
            let r = try MeasureRunner.run(dataPath: data, specPath: spec, outDir: out)
            if !quiet {
                var line = "coevo measure: \(r.rows.count) unit-periods, \(r.systems.count) systems → \(out)"
                if !r.warnings.isEmpty { line += " (\(r.warnings.count) note(s) in summary.md)" }
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        } catch let e as MeasureInputError {
            FileHandle.standardError.write(Data(("error: " + e.description + "\n").utf8))
            throw ExitCode(2)
        }
    }
}
