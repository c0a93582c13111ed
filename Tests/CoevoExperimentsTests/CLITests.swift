// The CLI as a user runs it: bad input → one line on stderr, exit status 2, nothing written;
// a good run → complete files, byte-identical for the same seed, different for another seed.

import CoevoStore
import Foundation
import Testing

/// The `coevo` executable built beside this test bundle.
func coevoBinary() -> URL {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("coevo")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/release/coevo")
}

struct CommandResult { var status: Int32; var stdout: String; var stderr: String }

func coevo(_ args: [String]) throws -> CommandResult {
    let p = Process()
    p.executableURL = coevoBinary()
    p.arguments = args
    let out = Pipe(), err = Pipe()
    p.standardOutput = out; p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return CommandResult(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("coevo-cli-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct CLITests {
    @Test func badInputExitsTwoWithOneLineAndWritesNothing() throws {
        let dir = temporaryDirectory()
        let yaml = dir.appendingPathComponent("bad.yaml")
        try "firms: 1000\nlogistics:\n  lamda: 0.4\n".write(to: yaml, atomically: true, encoding: .utf8)
        let cases: [([String], String)] = [
            (["run", "--scenario", yaml.path], "bad.yaml:3: unknown key 'logistics.lamda' (did you mean 'logistics.lambda'?)"),
            (["run", "--set", "logistics.lambda=9"], "parameter 'logistics.lambda': expected a number in [0, 3] (–), found 9"),
            (["run", "--set", "firms=many"], "parameter 'firms': expected an integer in [500, 50000000], found 'many'"),
            (["run", "--scenario", "basline"], "(did you mean 'baseline'?)"),
            (["run", "--firms", "10"], "parameter 'firms': expected an integer in [500, 50000000] (firms), found 10"),
            (["run", "--bogus"], "Unknown option '--bogus'"),
        ]
        // A bad output directory: a file in the way, or a missing parent.
        let file = dir.appendingPathComponent("a-file"); try "x".write(to: file, atomically: true, encoding: .utf8)
        for (out, expected) in [(file.path, "--out: expected a directory, found a file at"),
                                (dir.appendingPathComponent("missing/deeper").path, "--out: expected an existing parent directory")] {
            let r = try coevo(["run", "--firms", "1000", "--periods", "4", "--out", out, "--quiet"])
            #expect(r.status == 2 && r.stderr.contains(expected) && r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("missing").path))
        for (i, (args, expected)) in cases.enumerated() {
            let out = dir.appendingPathComponent("out\(i)")
            let r = try coevo(args + ["--out", out.path, "--quiet"])
            #expect(r.status == 2, "\(args): status \(r.status)")
            let lines = r.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(expected), "\(args): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(args) left \(out.path)")
        }
    }

    @Test func runWritesCompleteReproducibleFiles() throws {
        let dir = temporaryDirectory()
        func run(_ seed: Int, _ name: String) throws -> URL {
            let out = dir.appendingPathComponent(name)
            let r = try coevo(["run", "--firms", "1000", "--periods", "12", "--seed", "\(seed)", "--set", "observe.bootstrap_draws=0",
                               "--out", out.path, "--quiet", "--no-report"])
            #expect(r.status == 0, "\(r.stderr)")
            return out
        }
        let a = try run(4, "a"), b = try run(4, "b"), c = try run(5, "c")
        for name in ["run.sqlite", "series.csv", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: a.appendingPathComponent(name).path))
        }
        let csv = { (u: URL) in try Data(contentsOf: u.appendingPathComponent("series.csv")) }
        #expect(try csv(a) == csv(b))
        #expect(try csv(a) != csv(c))
        let runs = try RunDatabase(path: a.appendingPathComponent("run.sqlite")).runs()
        #expect(runs.count == 1 && runs[0].status == "finished")
        let header = try String(contentsOf: a.appendingPathComponent("series.csv"), encoding: .utf8).split(separator: "\n").first
        #expect(header == "period,metric,value")
    }

    /// `coevo run --threads N` (issue 14): at 40,000 firms the per-firm map passes split into
    /// three chunks; the files are the same bytes for 1 and 2 threads.
    @Test func threadsGiveIdenticalFiles() throws {
        let dir = temporaryDirectory()
        for threads in [1, 2] {
            let r = try coevo(["run", "--firms", "40000", "--periods", "6", "--seed", "3", "--threads", "\(threads)",
                               "--set", "observe.bootstrap_draws=19", "--out", dir.appendingPathComponent("t\(threads)").path, "--quiet", "--no-report"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        for name in ["series.csv", "summary.json", "sizes.csv"] {
            let a = try Data(contentsOf: dir.appendingPathComponent("t1").appendingPathComponent(name))
            let b = try Data(contentsOf: dir.appendingPathComponent("t2").appendingPathComponent(name))
            #expect(!a.isEmpty && a == b, "\(name)")
        }
        let bad = try coevo(["run", "--threads", "0", "--out", dir.appendingPathComponent("bad").path, "--quiet"])
        #expect(bad.status == 2 && bad.stderr.contains("--threads: expected 1…1024, found 0"))
    }

    @Test func defaultRunReportHasEveryChartAndNoExternalReferences() throws {
        let out = temporaryDirectory().appendingPathComponent("report-run")
        // 48 quarters: the stage charts need stage 1, which 2,000 firms enter near quarter 40.
        let r = try coevo(["run", "--firms", "2000", "--periods", "48", "--set", "observe.bootstrap_draws=19", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        for id in ["chart-stages", "chart-adoption", "chart-villages", "chart-cost", "chart-cost-source", "chart-cost-level",
                   "chart-cost-fall", "chart-elasticity", "chart-logistics", "chart-credit-rates", "chart-credit-constrained",
                   "chart-network-shares", "chart-network-counts", "chart-sizes"] {
            #expect(html.contains("id=\"\(id)\""), "missing \(id)")
        }
        #expect(!html.contains("not available in this run"), "a chart had no data")
        for bad in ["src=\"http", "href=\"http", "url(http", "<script src", "<link rel=\"stylesheet\" href"] {
            #expect(!html.contains(bad), "external reference \(bad)")
        }
        #expect(html.contains("</html>") && html.components(separatedBy: "<svg").count == html.components(separatedBy: "</svg>").count)
    }
}
