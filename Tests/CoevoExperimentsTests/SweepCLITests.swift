// `coevo sweep` and `coevo merge` as a user runs them: bad plans get one line and exit status 2
// with nothing written; a sweep killed with SIGKILL at random moments and run again ends with the
// same store as an uninterrupted one (no run lost, none repeated); Ctrl-C stops after the runs in
// flight; --slurm writes a job array and a dependent merge job.

import CoevoStore
import Foundation
import Testing

/// Starts coevo without waiting.
func startCoevo(_ args: [String]) throws -> Process {
    let p = Process()
    p.executableURL = coevoBinary()
    p.arguments = args
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    return p
}

@Suite struct SweepCLITests {
    @Test func badPlansGetOneLineAndExitStatusTwoAndWriteNothing() throws {
        let dir = temporaryDirectory()
        let good = "set: {firms: 1000, periods: 4}\nfactors: {logistics.lambda: [0.2, 0.4]}\noutcomes: [cost.average]\n"
        let cases: [(String, [String], String)] = [
            ("factors: {logistics.lamda: [0.1]}\noutcomes: [cost.average]\n", [], "plan.yaml:1: unknown factor 'logistics.lamda' (did you mean 'logistics.lambda'?)"),
            ("factors: {logistics.lambda: {low: 0.5, high: 0.5, steps: 3}}\noutcomes: [cost.average]\n", [], "expected low < high, found an empty range"),
            ("design: lhs\nsamples: 8\nfactors: {logistics.lambda: [0.2, 0.4]}\noutcomes: [cost.average]\n", [], "design lhs expected a range {low, high}, found a list"),
            ("design: sobol\nsamples: 8\noutcomes: [cost.average]\n", [], "design sobol expected at least one factor with a range"),
            (good, ["--shard", "0/4"], "--shard: expected i/n with 1 ≤ i ≤ n ≤ 10000, found '0/4'"),
            (good, ["--shard", "5/4"], "--shard: expected i/n"),
            (good + "replicatons: 3\n", [], "unknown key 'replicatons' (did you mean 'replications'?)"),
            ("factors: {logistics.lambda: [0.2]}\noutcomes: [cost.avg]\n", [], "key 'outcomes': expected an outcome"),
            ("factors: {logistics.lambda: [0.2]}\n", [], "key 'outcomes': expected at least one outcome, found none"),
            ("factors: {logistics.lambda: [9]}\noutcomes: [cost.average]\n", [], "parameter 'logistics.lambda': expected a number in [0, 3] (–), found 9"),
            ("factors: {logistics.lambda: [0.2]}\noutcomes: [cost.average]\nreplications: {min: 5, max: 3, target: {outcome: cost.average, halfwidth: 0.1}}\n", [], "expected min ≤ max"),
            ("factors: {logistics.lambda: [0.2]}\noutcomes: [cost.average]\nreplications: {min: 3, max: 9, target: {outcome: ccd.D, halfwidth: 0.1}}\n", [], "outcome 'ccd.D' expected among 'outcomes'"),
            ("factors: {logistics.lambda: [0.2]}\noutcomes: [cost.average]\nreference: {logistics.lambda: 0.3}\n", [], "key 'reference': expected exactly one point with logistics.lambda=0.3, found 0"),
            ("factors: {logistics.lambda: [0.2]}\noutcomes: [cost.average]\nsamples: 4\n", [], "expected only with design lhs or sobol"),
            ("factors:\n  logistics.lambda: {low: 0, high: 1, steps: 100}\n  gov.start: {low: 0, high: 99, steps: 100}\n  adoption.demonstration: {low: 0, high: 1, steps: 100}\noutcomes: [cost.average]\n", [], "expected at most 100000 points, found 1000000"),
            ("factors: {gov.reg: [1]}\noutcomes: [cost.average]\n", [], "point 0 (gov.reg=1): parameter 'gov.reg+pub+tal+inf+bar': expected weights summing to at most 1"),
            ("set: {logistics.lamda: 1}\noutcomes: [cost.average]\n", [], "key 'set': unknown parameter 'logistics.lamda'"),
            ("factors: [1, 2\n", [], "expected valid YAML"),
            ("factors: {logistics.lambda: [0.2]}\noutcomes: [cost.average]\nset: {logistics.lambda: 0.3}\n", [], "factor 'logistics.lambda': expected a key not also fixed in 'set'"),
            (good, ["--jobs", "0"], "--jobs: expected an integer in [1, 1024], found 0"),
            ("a: &x [1, 2]\nfactors: {logistics.lambda: *x}\noutcomes: [cost.average]\n", [], "plan.yaml:1: expected plain YAML without anchors or aliases, found '&x'"),
            ("factors: {gov.start: {low: 0.2, high: 0.8, steps: 2}}\noutcomes: [cost.average]\n", [], "expected an integer range holding at least one integer"),
        ]
        for (i, (text, extra, expected)) in cases.enumerated() {
            let planFile = dir.appendingPathComponent("plan.yaml")
            try text.write(to: planFile, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("out\(i)")
            let r = try coevo(["sweep", planFile.path, "--out", out.path, "--quiet"] + extra)
            #expect(r.status == 2, "case \(i): status \(r.status): \(r.stderr)")
            #expect(r.stderr.contains(expected) && r.stderr.split(separator: "\n").count == 1, "case \(i): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "case \(i) wrote \(out.path)")
        }
        let missing = try coevo(["sweep", dir.appendingPathComponent("nope.yaml").path, "--out", dir.appendingPathComponent("o").path])
        #expect(missing.status == 2 && missing.stderr.contains("expected a sweep plan file, found no such file"))
    }

    /// Compares the parts of two stores that must not depend on interruptions: runs with their
    /// outcomes and series (not timings), and the summary.
    func sameStores(_ a: URL, _ b: URL) throws -> Bool {
        let x = try SweepStore(directory: a), y = try SweepStore(directory: b)
        let rx = try x.records(), ry = try y.records()
        let sx = try x.summary(), sy = try y.summary()
        return rx.count == ry.count && rx.allSatisfy { k, v in ry[k].map { v.sameResults(as: $0) } ?? false } && sx == sy
    }

    @Test func aSweepKilledAtRandomMomentsResumesWithNoRunLostOrRepeated() throws {
        let dir = temporaryDirectory()
        let planFile = dir.appendingPathComponent("plan.yaml")
        try """
            set: {firms: 3000, periods: 20}
            factors: {logistics.lambda: [0.2, 0.5]}
            replications: 8
            outcomes: [cost.average, stage_entry.1, ccd.D]
            series: [adoption.retail]
            """.write(to: planFile, atomically: true, encoding: .utf8)
        let whole = dir.appendingPathComponent("whole")
        let r = try coevo(["sweep", planFile.path, "--out", whole.path, "--jobs", "2", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let killed = dir.appendingPathComponent("killed")
        var rng = SystemRandomNumberGenerator()
        var kills = 0
        // When each run was first committed: a run found again later with another start time would
        // have been run twice.
        var firstStart: [String: Double] = [:]
        for _ in 0..<5 {
            let p = try startCoevo(["sweep", planFile.path, "--out", killed.path, "--jobs", "2", "--quiet"])
            usleep(UInt32.random(in: 30_000...400_000, using: &rng))
            if p.isRunning { kill(p.processIdentifier, SIGKILL); kills += 1 }
            p.waitUntilExit()
            if FileManager.default.fileExists(atPath: killed.appendingPathComponent("sweep.sqlite").path) {
                for (k, r) in try SweepStore(directory: killed).records(withSeries: false) where firstStart[k] == nil { firstStart[k] = r.started }
            }
        }
        let finish = try coevo(["sweep", planFile.path, "--out", killed.path, "--jobs", "2"])
        #expect(finish.status == 0, "\(finish.stderr)")
        #expect(kills >= 1, "no kill landed while the sweep ran")
        #expect(try sameStores(whole, killed))
        let runs = try SweepStore(directory: killed).records(withSeries: false)
        #expect(runs.count == 16 && runs.values.allSatisfy { $0.status == "finished" })
        #expect(firstStart.allSatisfy { k, t in runs[k]?.started == t }, "a run committed before a kill was run again")
        #expect(finish.stdout.contains("16 runs: \(firstStart.count) reused, \(16 - firstStart.count) run"), "\(finish.stdout)")
        // Nothing left to do: a further invocation reuses all 16.
        let again = try coevo(["sweep", planFile.path, "--out", killed.path])
        #expect(again.stdout.contains("16 runs: 16 reused, 0 run, 0 failed, 0 remaining"), "\(again.stdout)")
    }

    @Test func ctrlCStopsAfterTheRunsInFlightAndTheSweepResumes() throws {
        let dir = temporaryDirectory()
        let planFile = dir.appendingPathComponent("plan.yaml")
        try "set: {firms: 3000, periods: 20}\nfactors: {logistics.lambda: [0.2, 0.5]}\nreplications: 10\noutcomes: [cost.average]\n"
            .write(to: planFile, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let p = try startCoevo(["sweep", planFile.path, "--out", out.path, "--jobs", "1", "--quiet"])
        // Interrupt once the first run is committed (the handler is installed before any run starts).
        let store = out.appendingPathComponent("sweep.sqlite")
        for _ in 0..<400 {
            if FileManager.default.fileExists(atPath: store.path), let n = try? SweepStore(directory: out).keys().count, n > 0 { break }
            usleep(10_000)
        }
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130)
        let partial = try SweepStore(directory: out).records(withSeries: false)
        #expect(partial.count > 0 && partial.count < 20 && partial.values.allSatisfy { $0.status == "finished" })
        let r = try coevo(["sweep", planFile.path, "--out", out.path])
        #expect(r.status == 0 && r.stdout.contains("20 runs: \(partial.count) reused, \(20 - partial.count) run"), "\(r.stdout)")
    }

    @Test func slurmWritesAJobArrayAndADependentMerge() throws {
        let dir = temporaryDirectory()
        let planFile = dir.appendingPathComponent("plan.yaml")
        try "set: {firms: 1000, periods: 4}\nfactors: {logistics.lambda: [0.2, 0.4]}\noutcomes: [cost.average]\n".write(to: planFile, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try coevo(["sweep", planFile.path, "--out", out.path, "--slurm", "--shards", "3", "--cpus", "2", "--time", "01:00:00", "--partition", "debug"])
        #expect(r.status == 0, "\(r.stderr)")
        let array = try String(contentsOf: out.appendingPathComponent("sweep.sbatch"), encoding: .utf8)
        #expect(array.contains("#SBATCH --array=1-3") && array.contains("--shard \"$SLURM_ARRAY_TASK_ID\"/3 --jobs 2") && array.contains("#SBATCH --partition=debug") && array.contains("#SBATCH --time=01:00:00"))
        let merge = try String(contentsOf: out.appendingPathComponent("merge.sbatch"), encoding: .utf8)
        #expect(merge.contains(" merge ") && merge.contains("shards/1") && merge.contains("shards/3") && merge.contains("--out"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("plan.yaml").path))
        let lonely = try coevo(["sweep", planFile.path, "--out", dir.appendingPathComponent("o2").path, "--submit"])
        #expect(lonely.status == 2 && lonely.stderr.contains("--submit: expected it with --slurm"))
    }

    @Test func mergeJoinsShardsAndRefusesMixedPlans() throws {
        let dir = temporaryDirectory()
        let planFile = dir.appendingPathComponent("plan.yaml")
        try "set: {firms: 500, periods: 4, burn_in: 2}\nfactors: {logistics.lambda: [0.2, 0.4, 0.6]}\nreplications: 2\noutcomes: [cost.average]\n".write(to: planFile, atomically: true, encoding: .utf8)
        var shards: [String] = []
        for i in 1...2 {
            let s = dir.appendingPathComponent("s\(i)").path
            let r = try coevo(["sweep", planFile.path, "--out", s, "--shard", "\(i)/2", "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            shards.append(s)
        }
        let whole = dir.appendingPathComponent("whole")
        _ = try coevo(["sweep", planFile.path, "--out", whole.path, "--quiet"])
        let merged = dir.appendingPathComponent("merged")
        let m = try coevo(["merge"] + shards + ["--out", merged.path])
        #expect(m.status == 0 && m.stdout.contains("6 added"), "\(m.stdout) \(m.stderr)")
        #expect(try sameStores(whole, merged))
        let again = try coevo(["merge"] + shards + ["--out", merged.path])
        #expect(again.status == 0 && again.stdout.contains("0 added"))
        #expect(try String(contentsOf: whole.appendingPathComponent("summary.csv"), encoding: .utf8) == String(contentsOf: merged.appendingPathComponent("summary.csv"), encoding: .utf8))
        // Both write the sweep report: outcome by factor with intervals.
        let html = try String(contentsOf: merged.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Coevo sweep report") && html.contains("cost.average × logistics.lambda") && html.contains("<svg"))
        // A store of another plan is refused.
        let otherPlan = dir.appendingPathComponent("other.yaml")
        try "set: {firms: 500, periods: 4, burn_in: 2}\nfactors: {logistics.lambda: [0.3]}\noutcomes: [cost.average]\n".write(to: otherPlan, atomically: true, encoding: .utf8)
        let other = dir.appendingPathComponent("other").path
        _ = try coevo(["sweep", otherPlan.path, "--out", other, "--quiet"])
        let mixed = try coevo(["merge", shards[0], other, "--out", dir.appendingPathComponent("mixed").path])
        #expect(mixed.status == 2 && mixed.stderr.contains("expected the same plan"))
    }
}
