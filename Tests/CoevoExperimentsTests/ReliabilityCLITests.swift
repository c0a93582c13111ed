// Regression tests of issue 10 for the command line: unbounded work from tiny input, overflow,
// output publishing. Each test is named after the defect it pins down.

import CoevoExperiments
import CoevoStore
import Foundation
import Testing

/// A small wide panel for `coevo measure`: 2 units × 6 years, two subsystems of two indicators.
func measureFixture(_ dir: URL, spec extra: String = "", times: [String]? = nil) throws -> (data: URL, spec: URL) {
    let data = dir.appendingPathComponent("data.csv")
    var csv = "unit,time,a,b,c,d\n"
    let years = times ?? (2010...2015).map(String.init)
    for u in ["east", "west"] {
        for (i, y) in years.enumerated() {
            let x = Double(i + 1) * (u == "east" ? 1 : 1.3)
            csv += "\(u),\(y),\(x),\(x * 2 + 1),\(x * x),\(10 - x / 2)\n"
        }
    }
    try csv.write(to: data, atomically: true, encoding: .utf8)
    let spec = dir.appendingPathComponent("spec.yaml")
    try """
    layout: wide
    systems:
      s1:
        indicators: {a: positive, b: positive}
      s2:
        indicators: {c: positive, d: negative}
    bootstrap: false
    \(extra)
    """.write(to: spec, atomically: true, encoding: .utf8)
    return (data, spec)
}

func oneLineExit2(_ r: CommandResult) -> Bool {
    r.status == 2 && r.stderr.split(separator: "\n").count == 1 && !r.stderr.contains("Fatal") && !r.stderr.contains("backtrace")
}

@Suite(.serialized) struct ReliabilityCLITests {
    @Test func yamlAliasBombScenarioIsRefusedAtOnce() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for i in 1...12 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        yaml += "firms: 1000\n"
        let file = dir.appendingPathComponent("bomb.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let start = Date()
        let r = try coevo(["run", "--scenario", file.path, "--out", dir.appendingPathComponent("out").path, "--quiet"])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(oneLineExit2(r), "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains("bomb.yaml:1: expected plain YAML without anchors or aliases, found '&a0'"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))

        // The guard itself: aliases anywhere a node starts; none in quotes, comments, block scalars.
        for (text, line) in [("x: *a\n", 1), ("- &a 1\n", 1), ("k: !!str &a v\n", 1), ("k: [1, *b]\n", 1), ("k: {x: *c}\n", 1),
                             ("a: 1\n? *k\n: 2\n", 2), ("--- &d\nx: 1\n", 1)] {
            #expect(ScenarioLoaderGuard.first(text)?.line == line, "\(text)")
        }
        for text in ["name: 'a &b *c'\n", "name: \"*x\"\n", "# &a *b\nfirms: 1000\n", "description: R&D and 3*4\n",
                     "description: |\n  *not an alias\n  &nor an anchor\nfirms: 1000\n", "k: a*b\n"] {
            #expect(ScenarioLoaderGuard.first(text) == nil, "\(text)")
        }
        // A plain scenario still loads.
        #expect(throws: Never.self) { _ = try ScenarioLoader.parse(yaml: "description: R&D *4\nfirms: 1000\n", source: "x.yaml") }
    }

    @Test func oversizedScenarioAndDirectoryScenarioAreRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("big.yaml")
        try String(repeating: "# padding\n", count: 120_000).write(to: big, atomically: true, encoding: .utf8)
        let r = try coevo(["run", "--scenario", big.path, "--quiet"])
        #expect(oneLineExit2(r) && r.stderr.contains("expected a scenario file of at most 1048576 bytes"), "\(r.stderr)")
        let folder = dir.appendingPathComponent("folder.yaml")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let d = try coevo(["run", "--scenario", folder.path, "--quiet"])
        #expect(oneLineExit2(d) && d.stderr.contains("found a directory"), "\(d.stderr)")
    }

    @Test func blockScalarValueKeepsTheMessageOnOneLine() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("block.yaml")
        try "firms: |\n  1000\n  2000\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try coevo(["run", "--scenario", file.path, "--quiet"])
        #expect(oneLineExit2(r), "\(r.stderr)")
        #expect(r.stderr.contains("⏎"), "\(r.stderr)")
    }

    @Test func measureSpecBoundsForecastDrawsAndNegativeForecast() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (extra, expected) in [
            ("symbiosis: {forecast: 100000000}", "key symbiosis.forecast: expected an integer in [1, 1000], found 100000000"),
            ("symbiosis: {forecast: -1}", "key symbiosis.forecast: expected an integer in [1, 1000], found -1"),
            ("symbiosis: {forecast: 1e300}", "key symbiosis.forecast: expected an integer in [1, 1000]"),
            ("bootstrap: {draws: 1000000000}", "key bootstrap.draws: expected an integer in [0, 100000], found 1000000000"),
            ("haken: true\nbootstrap: {draws: 10, block: 1e30}", "key bootstrap.block: expected an integer in [1, 1000000]"),
            ("x: &a 1", "expected plain YAML without anchors or aliases"),
        ] {
            let (data, spec) = try measureFixture(dir, spec: extra)
            var text = try String(contentsOf: spec, encoding: .utf8)
            if extra.contains("bootstrap:") { text = text.replacingOccurrences(of: "bootstrap: false\n", with: "") }
            try text.write(to: spec, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("out")
            let start = Date()
            let r = try coevo(["measure", data.path, "--spec", spec.path, "--out", out.path, "--quiet"])
            #expect(Date().timeIntervalSince(start) < 10)
            #expect(oneLineExit2(r) && r.stderr.contains(expected), "\(extra): \(r.status) \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }
    }

    @Test func measureTimeValueIntMinIsAnInputErrorNotACrash() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for bad in ["-9223372036854775808", "9223372036854775807", "0x10", "+3", "1e300"] {
            let (data, spec) = try measureFixture(dir, spec: "symbiosis: true", times: ["2010", "2011", bad, "2013", "2014", "2015"])
            let r = try coevo(["measure", data.path, "--spec", spec.path, "--out", dir.appendingPathComponent("out").path, "--quiet"])
            #expect(oneLineExit2(r) && r.stderr.contains("column 'time': expected an integer period"), "\(bad): \(r.status) \(r.stderr)")
        }
    }

    @Test func measureCellsInHexPlusSignOrUnderflowAreRefused() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for bad in ["0x10", "+3", "1e-400", "inf", "1e400"] {
            let (data, spec) = try measureFixture(dir)
            var csv = try String(contentsOf: data, encoding: .utf8)
            csv = csv.replacingOccurrences(of: "east,2012,3.0,", with: "east,2012,\(bad),")
            try csv.write(to: data, atomically: true, encoding: .utf8)
            let r = try coevo(["measure", data.path, "--spec", spec.path, "--out", dir.appendingPathComponent("out").path, "--quiet"])
            #expect(oneLineExit2(r) && r.stderr.contains("column 'a': expected a number, found '"), "\(bad): \(r.stderr)")
        }
    }

    @Test func emptyOutIsAnErrorForRunAndMeasure() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try coevo(["run", "--firms", "500", "--periods", "1", "--out", "", "--quiet"])
        #expect(oneLineExit2(r) && r.stderr.contains("--out: expected a directory path, found ''"), "\(r.stderr)")
        let (data, spec) = try measureFixture(dir)
        let m = try coevo(["measure", data.path, "--spec", spec.path, "--out", "", "--quiet"])
        #expect(oneLineExit2(m) && m.stderr.contains("--out: expected a directory path, found ''"), "\(m.stderr)")
    }

    @Test func measureRefusesAMissingParentChainLikeRun() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, spec) = try measureFixture(dir)
        let r = try coevo(["measure", data.path, "--spec", spec.path, "--out", dir.appendingPathComponent("a/b/c").path, "--quiet"])
        #expect(oneLineExit2(r) && r.stderr.contains("--out: expected an existing parent directory"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("a").path))
        let ok = try coevo(["measure", data.path, "--spec", spec.path, "--out", dir.appendingPathComponent("a").path, "--quiet"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("a").path).sorted()
                == ["coupling.csv", "summary.json", "summary.md", "weights.csv"])
    }

    @Test func summaryJSONAsADirectoryExitsTwoBeforeAnythingIsWritten() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("summary.json"), withIntermediateDirectories: true)
        let r = try coevo(["run", "--firms", "500", "--periods", "2", "--out", out.path, "--quiet"])
        #expect(oneLineExit2(r) && r.stderr.contains("expected summary.json in"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["summary.json"])
        let (data, spec) = try measureFixture(dir)
        let m = try coevo(["measure", data.path, "--spec", spec.path, "--out", out.path, "--quiet"])
        #expect(oneLineExit2(m) && m.stderr.contains("expected summary.json in"), "\(m.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["summary.json"])
    }

    @Test func rerunReplacesEveryFileOfTheEarlierRunIncludingSizesAndReport() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let first = try coevo(["run", "--firms", "500", "--periods", "3", "--seed", "1", "--out", out.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let names = ["report.html", "run.sqlite", "series.csv", "sizes.csv", "summary.json"]
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == names)
        // Without a report the earlier report.html must not stay beside the new run.
        let second = try coevo(["run", "--firms", "500", "--periods", "3", "--seed", "2", "--out", out.path, "--quiet", "--no-report"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == names.filter { $0 != "report.html" })
        #expect(try RunSummary.read(from: out.appendingPathComponent("summary.json")).seed == 2)
    }

    @Test func killedRunOverAnEarlierRunNeverShowsTwoRunsFilesTogether() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let first = try coevo(["run", "--firms", "500", "--periods", "2", "--seed", "1", "--out", out.path, "--quiet"])
        #expect(first.status == 0)
        func snapshot() throws -> [String: Data] {
            var d: [String: Data] = [:]
            for n in try FileManager.default.contentsOfDirectory(atPath: out.path) where !n.hasPrefix(".") {
                d[n] = try Data(contentsOf: out.appendingPathComponent(n))
            }
            return d
        }
        let before = try snapshot()
        // Kill a longer second run at several moments; every time the visible files are exactly
        // the earlier run's.
        for delay in [0.3, 1.0, 2.0] {
            let p = Process()
            p.executableURL = coevoBinary()
            p.arguments = ["run", "--firms", "40000", "--periods", "60", "--seed", "9", "--out", out.path, "--quiet"]
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(p.terminationReason == .uncaughtSignal, "run finished before the kill at \(delay) s; make it longer")
            #expect(try snapshot() == before, "after a kill at \(delay) s")
        }
    }

    @Test func measureIndicatorsAtPlusMinus1e308AreAnErrorNotASilentZeroWeight() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, spec) = try measureFixture(dir)
        var csv = try String(contentsOf: data, encoding: .utf8)
        csv = csv.replacingOccurrences(of: "east,2010,1.0,", with: "east,2010,-1e308,").replacingOccurrences(of: "east,2011,2.0,", with: "east,2011,1e308,")
        try csv.write(to: data, atomically: true, encoding: .utf8)
        let r = try coevo(["measure", data.path, "--spec", spec.path, "--out", dir.appendingPathComponent("out").path, "--quiet"])
        #expect(oneLineExit2(r) && r.stderr.contains("column 'a': expected values whose spread (max − min) is a finite number"), "\(r.stderr)")
    }

    @Test func measureAcceptsASingleUnitYearWhenEveryScoreIsGiven() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let data = dir.appendingPathComponent("one.csv"), spec = dir.appendingPathComponent("one.yaml")
        try "unit,time,u1,u2\nx,2020,0.4,0.6\n".write(to: data, atomically: true, encoding: .utf8)
        try "layout: wide\nsystems:\n  a:\n    score: u1\n  b:\n    score: u2\nbootstrap: false\n".write(to: spec, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try coevo(["measure", data.path, "--spec", spec.path, "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let coupling = try String(contentsOf: out.appendingPathComponent("coupling.csv"), encoding: .utf8)
        #expect(coupling.split(separator: "\n").count == 2, "\(coupling)")
        // With an indicator system (weights to estimate) one unit-year is still too few.
        try "unit,time,u1,u2\nx,2020,0.4,0.6\n".write(to: data, atomically: true, encoding: .utf8)
        try "layout: wide\nsystems:\n  a:\n    indicators: {u1: positive}\n  b:\n    score: u2\nbootstrap: false\n".write(to: spec, atomically: true, encoding: .utf8)
        let two = try coevo(["measure", data.path, "--spec", spec.path, "--out", dir.appendingPathComponent("out2").path, "--quiet"])
        #expect(oneLineExit2(two) && two.stderr.contains("expected at least 2 complete unit-years, found 1"), "\(two.stderr)")
    }

    @Test func underflowing1eMinus400IsRefusedNotReadAsZero() throws {
        let r = try coevo(["run", "--set", "logistics.lambda=1e-400", "--quiet"])
        #expect(oneLineExit2(r) && r.stderr.contains("parameter 'logistics.lambda': expected a number in"), "\(r.stderr)")
        var s = Scenario.builtIn(named: "baseline")!
        #expect(throws: Never.self) { try ScenarioLoader.apply(overrides: ["logistics.lambda=0e5", "logistics.lambda=0.000"], to: &s) }
    }

    @Test func unreadableInputsAreNamedForWhatTheyAre() throws {
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (data, spec) = try measureFixture(dir)
        let r = try coevo(["measure", dir.path, "--spec", spec.path, "--out", dir.appendingPathComponent("o").path, "--quiet"])
        #expect(oneLineExit2(r) && r.stderr.contains("expected a readable CSV file, found a directory"), "\(r.stderr)")
        let s = try coevo(["measure", data.path, "--spec", dir.appendingPathComponent("nope.yaml").path, "--out", dir.appendingPathComponent("o").path, "--quiet"])
        #expect(oneLineExit2(s) && s.stderr.contains("found no such file"), "\(s.stderr)")
    }

    @Test func negativeFirmsSaysWhatIsExpected() throws {
        let r = try coevo(["run", "--firms", "-5", "--quiet"])
        #expect(oneLineExit2(r) && r.stderr.contains("parameter 'firms': expected an integer in [500, 50000000]"), "\(r.stderr)")
    }
}

/// The guard as the loaders use it.
enum ScenarioLoaderGuard {
    static func first(_ text: String) -> (line: Int, token: String)? {
        do { _ = try ScenarioLoader.parse(yaml: text, source: "t.yaml"); return nil } catch {
            guard error.message.hasPrefix("expected plain YAML without anchors or aliases") else { return nil }
            return (error.line ?? 0, "")
        }
    }
}
