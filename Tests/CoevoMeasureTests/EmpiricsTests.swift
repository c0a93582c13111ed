import Foundation
import Testing
@testable import CoevoEmpirics
@testable import CoevoMeasure

/// `coevo measure` end to end: a panel against numpy (scripts/crosscheck/measure_reference.py),
/// and every kind of bad input with its one-line message, nothing written.
@Suite struct EmpiricsTests {
    static let panelSpec = """
    systems:
      A:
        indicators: {a1: positive, a2: negative}
      B:
        indicators: {b1: positive, b2: positive}
    bootstrap: false
    """

    func analyse(_ csv: String, _ yaml: String) throws -> MeasureResult {
        let spec = try MeasureSpec.parse(yaml: yaml, file: "spec.yaml")
        let data = try MeasureData.read(try CSVTable(file: "data.csv", text: csv), spec: spec)
        return try MeasureAnalysis.run(data, spec: spec)
    }

    /// The error message of a failing analysis ("" if it did not fail).
    func message(_ csv: String, _ yaml: String) -> String {
        do { _ = try analyse(csv, yaml); return "" } catch let e as MeasureInputError { return e.description } catch { return "\(error)" }
    }

    @Test func panelMatchesNumpy() throws {
        let r = try analyse(Ref.panelCSV, Self.panelSpec)
        #expect(r.weights.map(\.weight).count == 4)
        for (k, w) in r.weights.enumerated() { #expect(abs(w.weight - Ref.panelWeights[k]) < 1e-7) }
        #expect(r.rows.count == 12 && r.rows[0].unit == "east" && r.rows[4].unit == "west")
        for (i, row) in r.rows.enumerated() { #expect(abs(row.coupling.D - Ref.panelD[i]) < 1e-7, "row \(i)") }
        let csv = MeasureOutput.couplingCSV(r)
        #expect(csv.hasPrefix("unit,time,U.A,U.B,C,T,D,grade,"))
        #expect(MeasureOutput.weightsCSV(r).hasPrefix("system,indicator,weight"))
    }

    @Test func tidyLayoutGivesTheSameResult() throws {
        var tidy = "unit,time,indicator,value\n"
        let lines = Ref.panelCSV.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        for row in lines.dropFirst() {
            for (k, name) in ["a1", "a2", "b1", "b2"].enumerated() { tidy += "\(row[0]),\(row[1]),\(name),\(row[k + 2])\n" }
        }
        tidy += "east,2016,unused_series,3\n"   // series not in the spec are ignored
        let r = try analyse(tidy, "layout: tidy\n" + Self.panelSpec)
        for (i, row) in r.rows.enumerated() { #expect(abs(row.coupling.D - Ref.panelD[i]) < 1e-7) }
    }

    @Test func bootstrapIsSeededAndBracketsEstimates() throws {
        let yaml = Self.panelSpec.replacingOccurrences(of: "bootstrap: false", with: "bootstrap: {draws: 199, seed: 3}")
        let r1 = try analyse(Ref.panelCSV, yaml)
        let r2 = try analyse(Ref.panelCSV, yaml)
        #expect(r1.rows.map { $0.dInterval! } == r2.rows.map { $0.dInterval! })
        #expect(r1.bootstrapScheme == "units (3)")
        for w in r1.weights { #expect(w.interval!.low <= w.interval!.high) }
        let r3 = try analyse(Ref.panelCSV, yaml.replacingOccurrences(of: "seed: 3", with: "seed: 4"))
        #expect(r3.weights[0].interval! != r1.weights[0].interval!)
    }

    @Test func givenWeightsScoresAndOptions() throws {
        let yaml = """
        systems:
          A:
            indicators: {a1: positive, a2: negative}
          B:
            score: s
        weights: {a1: 0.25, a2: 0.75}
        coupling: fan
        coordination: {A: 0.4, B: 0.6}
        grades: lower_closed
        shift: none
        bootstrap: false
        """
        let csv = "unit,time,a1,a2,s\nx,1,0,10,0.5\nx,2,5,5,0.5\nx,3,10,0,0.5\n"
        let r = try analyse(csv, yaml)
        // Period 2: U.A = 0.25·0.5 + 0.75·0.5 = 0.5; fan C = 1; T = 0.4·0.5 + 0.6·0.5 = 0.5; D = √0.5.
        #expect(abs(r.rows[1].u[0] - 0.5) < 1e-15 && r.rows[1].coupling.C == 1)
        #expect(abs(r.rows[1].coupling.D - 0.5.squareRoot()) < 1e-15)
        #expect(r.rows[1].grade.level == 8)    // 0.707 in [0.7, 0.8)
        #expect(r.weights.last!.direction == "score")
    }

    @Test func missingValuesErrorDropOrInterpolate() throws {
        let csv = "unit,time,a1,a2,b1,b2\nx,1,1,5,1,1\nx,2,,4,2,3\nx,3,3,3,3,2\nx,4,4,2,5,4\n"
        let m = message(csv, Self.panelSpec)
        #expect(m == "data.csv:3: unit 'x', time 2: expected a value for 'a1', found it missing (set missing: drop or interpolate in the spec to handle gaps)")
        let dropped = try analyse(csv, "missing: drop\n" + Self.panelSpec)
        #expect(dropped.rows.count == 3 && dropped.dropped == 1)
        let filled = try analyse(csv, "missing: interpolate\n" + Self.panelSpec)
        #expect(filled.rows.count == 4 && filled.interpolated == 1)
        // Tidy: an absent (unit, time, indicator) is missing too.
        let tidy = "unit,time,indicator,value\nx,1,a1,1\nx,1,a2,2\nx,1,b1,1\nx,1,b2,1\nx,2,a1,2\nx,2,a2,1\nx,2,b1,2\n"
        #expect(message(tidy, "layout: tidy\n" + Self.panelSpec).contains("expected a value for 'b2', found it missing"))
    }

    @Test func badDataMessages() {
        let spec = Self.panelSpec
        // Non-numeric cell.
        #expect(message("unit,time,a1,a2,b1,b2\nx,1,1,5,1,1\nx,2,abc,4,2,3\n", spec)
            == "data.csv:3: column 'a1': expected a number, found 'abc'")
        // Duplicate (unit, time).
        #expect(message("unit,time,a1,a2,b1,b2\nx,1,1,5,1,1\nx,1,2,4,2,3\n", spec)
            == "data.csv:3: duplicate row for unit 'x', time 1; first at line 2")
        // Duplicate in tidy layout.
        #expect(message("unit,time,indicator,value\nx,1,a1,1\nx,1,a1,2\n", "layout: tidy\n" + spec)
            .hasPrefix("data.csv:3: duplicate value for unit 'x', time 1, indicator 'a1'; first at line 2"))
        // Zero range.
        #expect(message("unit,time,a1,a2,b1,b2\nx,1,1,5,1,1\nx,2,2,5,2,3\nx,3,3,5,2,3\n", spec)
            .hasPrefix("spec.yaml: key systems.A.indicators.a2: expected an indicator that varies, found the same value 5.0"))
        // Missing column, non-integer time, ragged row.
        #expect(message("unit,time,a1,a2,b1\nx,1,1,5,1\n", spec).hasPrefix("data.csv:1: expected a column 'b2'"))
        #expect(message("unit,time,a1,a2,b1,b2\nx,2019.5,1,5,1,1\n", spec)
            == "data.csv:2: column 'time': expected an integer period (e.g. a year), found '2019.5'")
        #expect(message("unit,time,a1,a2,b1,b2\nx,1,1,5,1\n", spec) == "data.csv:2: expected 6 fields as in the header, found 5")
        // Score outside [0,1].
        #expect(message("unit,time,a1,s\nx,1,1,0.5\nx,2,2,1.5\n", "systems:\n  A:\n    indicators: {a1: positive}\n  B:\n    score: s\nbootstrap: false\n")
            .contains("expected a score in [0,1], found 1.5"))
    }

    @Test func badSpecMessages() {
        let csv = Ref.panelCSV
        // Unknown key with its line.
        #expect(message(csv, "layout: wide\ncoupling: standard\ncuopling: wang\n" + Self.panelSpec)
            .hasPrefix("spec.yaml:3: unknown key 'cuopling'; expected one of"))
        #expect(message(csv, "systems:\n  A:\n    indicators: {a1: positive}\n    weight: 2\n  B:\n    score: s\n")
            == "spec.yaml:4: unknown key 'systems.A.weight'; expected indicators or score")
        // A system with no indicators.
        #expect(message(csv, "systems:\n  A:\n    indicators: {}\n  B:\n    indicators: {b1: positive}\n")
            == "spec.yaml:2: key systems.A: expected at least one indicator (or a score column), found none")
        // One system only.
        #expect(message(csv, "systems:\n  A:\n    indicators: {a1: positive}\n").contains("expected two or more subsystems, found 1"))
        // Weights that do not sum to 1.
        #expect(message(csv, Self.panelSpec + "\nweights: {a1: 0.5, a2: 0.6, b1: 0.5, b2: 0.5}\n")
            .contains("key weights: expected the weights of system 'A' to sum to 1, found 1.1"))
        #expect(message(csv, Self.panelSpec + "\ncoordination: {A: 0.7, B: 0.7}\n")
            .contains("key coordination: expected non-negative weights summing to 1, found sum 1.4"))
        // Bad choices.
        #expect(message(csv, "coupling: wong\n" + Self.panelSpec) == "spec.yaml:1: key coupling: expected one of standard, wang, fan, found 'wong'")
        #expect(message(csv, "shift: 0.5\n" + Self.panelSpec).hasPrefix("spec.yaml:1: key shift: expected none, 0.0001, 0.001"))
        #expect(message(csv, "direction: x\n" + Self.panelSpec).hasPrefix("spec.yaml:1: unknown key 'direction'"))
        #expect(message(csv, "systems:\n  A:\n    indicators: {a1: upward}\n  B:\n    score: s\n")
            == "spec.yaml:3: key systems.A.indicators.a1: expected one of positive, negative, found 'upward'")
    }

    @Test func tooFewPeriodsForFits() {
        let csv = "unit,time,a1,a2,b1,b2\nx,1,1,5,1,1\nx,2,2,4,2,3\n"
        #expect(message(csv, Self.panelSpec + "\nhaken: true\n")
            == "spec.yaml: key haken: expected at least 3 one-period transitions (4 successive periods for one unit), found 1")
        #expect(message(csv, Self.panelSpec + "\nsymbiosis: true\n")
            == "spec.yaml: key symbiosis: expected at least 4 one-period transitions (5 successive periods for one unit), found 1")
    }

    @Test func fullRunWritesFilesAtomicallyAndNothingOnBadInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("coevo-measure-test-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let csvPath = dir + "/data.csv", specPath = dir + "/spec.yaml", bad = dir + "/bad.yaml"
        try Ref.panelCSV.write(toFile: csvPath, atomically: true, encoding: .utf8)
        try (Self.panelSpec.replacingOccurrences(of: "bootstrap: false", with: "bootstrap: {draws: 49}")
             + "\nsynergy: {base: 2017}\nhaken: true\nsymbiosis: {forecast: 3}\n").write(toFile: specPath, atomically: true, encoding: .utf8)
        try (Self.panelSpec + "\nhaken: maybe\n").write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(throws: MeasureInputError.self) { try MeasureRunner.run(dataPath: csvPath, specPath: bad, outDir: dir + "/bad-out") }
        #expect(!FileManager.default.fileExists(atPath: dir + "/bad-out"))
        let out = dir + "/out"
        let r = try MeasureRunner.run(dataPath: csvPath, specPath: specPath, outDir: out)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["coupling.csv", "haken.json", "summary.json", "summary.md", "symbiosis.json", "synergy.csv", "weights.csv"])
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        let json = try JSONSerialization.jsonObject(with: Data(summary.utf8)) as! [String: Any]
        #expect(json["units"] as? Int == 3 && json["rows"] as? Int == 12)
        #expect(r.symbiosis!.forecasts.count == 3 && r.symbiosis!.forecasts[0].path.count == 3)
        let synergy = try String(contentsOfFile: out + "/synergy.csv", encoding: .utf8)
        #expect(synergy.hasPrefix("unit,time,order.A,order.B,synergy_previous,synergy_base\n"))
        _ = try JSONSerialization.jsonObject(with: Data(try String(contentsOfFile: out + "/symbiosis.json", encoding: .utf8).utf8))
        _ = try JSONSerialization.jsonObject(with: Data(try String(contentsOfFile: out + "/haken.json", encoding: .utf8).utf8))
    }

    @Test func csvQuotingAndBOM() throws {
        let t = try CSVTable(file: "q.csv", text: "\u{FEFF}unit,time,name\r\n\"a, b\",1,\"say \"\"hi\"\"\"\r\n\nc,2,x")
        #expect(t.header == ["unit", "time", "name"])
        #expect(t.records.map(\.fields) == [["a, b", "1", "say \"hi\""], ["c", "2", "x"]])
        #expect(t.records[1].line == 4)
    }
}
