// `coevo sensitivity` as a user runs it: the analytic check plans give the exact indices; bad
// plans get one line and exit status 2 with nothing written; a model plan run in two shards and
// merged gives the same indices as one unsharded run, and a second invocation reuses every run.

import CoevoExperiments
import Foundation
import Testing

@Suite struct SensitivityCLITests {
    /// indices.csv as (outcome, factor, index) → estimate.
    static func indices(_ dir: URL) throws -> [String: Double] {
        let text = try String(contentsOf: dir.appendingPathComponent("indices.csv"), encoding: .utf8)
        var out: [String: Double] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out["\(f[0]) \(f[1]) \(f[2])"] = Double(f[3])
        }
        return out
    }

    @Test func ishigamiPlanGivesTheAnalyticIndicesWithAReport() throws {
        let dir = temporaryDirectory()
        let plan = dir.appendingPathComponent("ishigami.yaml")
        try "model: ishigami\nmethod: sobol\nsamples: 8192\nsecond_order: true\nbootstrap: 100\n".write(to: plan, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try coevo(["sensitivity", plan.path, "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let got = try Self.indices(out)
        let exact = TestFunction.ishigami().analyticIndices
        for i in 0..<3 {
            #expect(abs(got["y x\(i + 1) S1"]! - exact.first[i]) < 0.03)
            #expect(abs(got["y x\(i + 1) ST"]! - exact.total[i]) < 0.03)
        }
        #expect(abs(got["y x1|x3 S2"]! - exact.total[2]) < 0.03)
        let convergence = try String(contentsOf: out.appendingPathComponent("convergence.csv"), encoding: .utf8)
        #expect(convergence.hasPrefix("outcome,factor,index,base,estimate,ci_low,ci_high\n") && convergence.contains(",1024,") && convergence.contains(",8192,"))
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"analytic\"") && summary.contains("\"runs\": 65536"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("Coevo sensitivity report") && html.contains("<svg"))
    }

    @Test func morrisPlanRanksTheGFunctionsFactors() throws {
        let dir = temporaryDirectory()
        let plan = dir.appendingPathComponent("morris.yaml")
        try "model: sobol-g\na: [0, 1, 4.5, 9, 99, 99]\nmethod: morris\nsamples: 100\n".write(to: plan, atomically: true, encoding: .utf8)
        let r = try coevo(["sensitivity", plan.path, "--out", dir.appendingPathComponent("o").path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let got = try Self.indices(dir.appendingPathComponent("o"))
        let star = (1...6).map { got["y x\($0) mu_star"]! }
        #expect(star[0] > star[1] && star[1] > star[2] && star[2] > star[3] && star[3] > star[4] && star[3] > star[5], "\(star)")
    }

    @Test func badPlansGetOneLineAndExitStatusTwoAndWriteNothing() throws {
        let dir = temporaryDirectory()
        let model = "set: {firms: 1000, periods: 4}\nfactors: {logistics.lambda: {low: 0.1, high: 0.4}}\noutcomes: [cost.average]\n"
        let cases: [(String, [String], String)] = [
            (model + "samples: 8\n", [], "key 'method': expected sobol or morris, found none"),
            (model + "method: sobol\n", [], "key 'samples': expected the base sample size N, found none"),
            (model + "method: sobl\nsamples: 8\n", [], "key 'method': expected sobol or morris, found 'sobl'"),
            (model + "method: morris\nsamples: 8\nlevels: 3\n", [], "key 'levels': expected an even number of grid levels, found 3"),
            (model + "method: morris\nsamples: 8\nsecond_order: true\n", [], "key 'second_order': expected only with method sobol"),
            (model + "method: sobol\nsamples: 8\ndesign: grid\n", [], "key 'design': expected only in a sweep plan, found it in a sensitivity plan"),
            (model + "method: sobol\nsamples: 8\nnoise: 0.1\n", [], "key 'noise': expected only with 'model'"),
            (model + "method: sobol\nsamples: 60000\n", [], "expected at most 100000 design rows, found 60000 × 3 = 180000"),
            ("set: {firms: 1000}\nfactors: {logistics.lambda: [0.1, 0.2]}\noutcomes: [cost.average]\nmethod: sobol\nsamples: 8\n", [], "expected a range {low, high}, found a list"),
            ("factors: {scenario: [baseline]}\noutcomes: [cost.average]\nmethod: sobol\nsamples: 8\n", [], "factor 'scenario': a sensitivity plan expected a range {low, high}, found a list"),
            (model + "method: sobol\nsamples: 8\nreplications: {min: 2, max: 4, target: {outcome: cost.average, halfwidth: 1}}\n", [], "expected a fixed number in a sensitivity plan"),
            ("model: sobol-g\nmethod: sobol\nsamples: 8\n", [], "model sobol-g expected a list of a_i"),
            ("model: ishigami\nmethod: sobol\nsamples: 8\nfactors: {x1: {low: 0, high: 1}}\n", [], "unknown key 'factors' in a plan with 'model'"),
            ("model: ishigami\nmethod: sobol\nsamples: 8\noutcomes: [z]\n", [], "expected the analytic model's outcome y, found 'z'"),
            ("model: ishigami\nmethod: sobol\nsamples: 8\nnoise: -1\n", [], "key 'noise': expected a standard deviation ≥ 0"),
            ("model: ishigami\nmethod: sobol\nsamples: 8\n", ["--shard", "1/2"], "expected a model plan with --slurm or --shard"),
            ("a: &x 3\nmodel: ishigami\nmethod: sobol\nsamples: *x\n", [], "expected plain YAML without anchors or aliases, found '&x'"),
            ("model: ishigami\nmethod: sobol\nsamples: 8192\nbootstrap: 100000\n", [], "key 'bootstrap': expected bootstrap × samples × indices of at most 1e9"),
            ("model: sobol-g\na: -1\nmethod: sobol\nsamples: 8\n", [], "key 'a': expected numbers ≥ 0, found -1.0"),
            (model + "method: sobol\nsamples: 8\nseeds: independent\n", [], "key 'seeds': expected common in a sensitivity plan"),
        ]
        for (i, (text, extra, expected)) in cases.enumerated() {
            let planFile = dir.appendingPathComponent("plan.yaml")
            try text.write(to: planFile, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("out\(i)")
            let r = try coevo(["sensitivity", planFile.path, "--out", out.path, "--quiet"] + extra)
            #expect(r.status == 2, "case \(i): status \(r.status): \(r.stderr)")
            #expect(r.stderr.contains(expected) && r.stderr.split(separator: "\n").count == 1, "case \(i): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path), "case \(i) wrote \(out.path)")
        }
        let missing = try coevo(["sensitivity", dir.appendingPathComponent("nope.yaml").path, "--out", dir.appendingPathComponent("o").path])
        #expect(missing.status == 2 && missing.stderr.contains("expected a sensitivity plan file, found no such file"))
    }

    @Test func modelPlanInShardsMergesToTheUnshardedIndicesAndResumes() throws {
        let dir = temporaryDirectory()
        let plan = dir.appendingPathComponent("plan.yaml")
        try """
        set: {firms: 1500, periods: 24}
        method: sobol
        samples: 4
        factors:
          logistics.lambda: {low: 0.1, high: 0.4}
          adoption.cost: {low: 0.5, high: 2.0}
        replications: 2
        outcomes: [cost.average, ccd.D, stage_entry.4]
        bootstrap: 50
        """.write(to: plan, atomically: true, encoding: .utf8)
        let whole = dir.appendingPathComponent("whole")
        let r = try coevo(["sensitivity", plan.path, "--out", whole.path, "--quiet", "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        // stage_entry.4 is never reached this short: said, and no indices for it.
        #expect(r.stderr.contains("outcome stage_entry.4: undefined in 32 of 32 runs"))
        let a = try Self.indices(whole)
        #expect(a.count == 2 * 2 * 2 && a.keys.allSatisfy { !$0.hasPrefix("stage_entry") })
        let noise = try String(contentsOf: whole.appendingPathComponent("noise.csv"), encoding: .utf8)
        #expect(noise.hasPrefix("outcome,replications,noise_variance,signal_variance,noise_share\ncost.average,2,"))

        for i in 1...2 {
            let s = try coevo(["sensitivity", plan.path, "--out", dir.appendingPathComponent("s\(i)").path, "--shard", "\(i)/2", "--quiet"])
            #expect(s.status == 0, "\(s.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("s\(i)/indices.csv").path))
        }
        let merged = dir.appendingPathComponent("merged")
        let m = try coevo(["merge", dir.appendingPathComponent("s1").path, dir.appendingPathComponent("s2").path, "--out", merged.path, "--quiet"])
        #expect(m.status == 0, "\(m.stderr)")
        #expect(try Self.indices(merged) == a)

        // Run again: every run is reused, the same indices.
        let again = try coevo(["sensitivity", plan.path, "--out", whole.path])
        #expect(again.status == 0 && again.stderr.contains("store holds 32 of 32 planned runs"), "\(again.stderr)")
        #expect(try Self.indices(whole) == a)
    }
}
