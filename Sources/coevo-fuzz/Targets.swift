// The fuzz targets and the mutation dictionary, shared by the two fuzz drivers: the plain
// mutation driver `coevo-fuzz` (main.swift beside this file) and the coverage-guided libFuzzer
// driver `coevo-libfuzz` (Sources/coevo-libfuzz/, which compiles this same file through a
// symbolic link). One source of truth: edit the targets here only.
//
// Targets: scenario (YAML + validation + --set overrides), measure (spec YAML + CSV + analysis),
// form (the server's form decoder + submission validation + host/origin guard),
// sweep (the sweep plan parser + validation + design).

import CoevoEmpirics
import CoevoExperiments
import CoevoModel
import CoevoServer

// MARK: targets

/// Runs one input; returns true when the input was accepted (false: refused as bad input).
typealias Target = @Sendable (_ input: [UInt8]) -> Bool

let measureSeedSpec = """
layout: wide
systems:
  s1:
    indicators: {a: positive, b: positive}
  s2:
    indicators: {c: positive, d: negative}
bootstrap: {draws: 20, seed: 1}
symbiosis: true
"""

let targets: [String: Target] = [
    "scenario": { input in
        let text = String(decoding: input, as: UTF8.self)
        guard var s = try? ScenarioLoader.parse(yaml: text, source: "fuzz.yaml") else {
            // The same text as --set overrides, one per line.
            var base = Scenario.builtIn(named: "baseline")!
            return (try? ScenarioLoader.apply(overrides: text.split(separator: "\n").map(String.init), to: &base)) != nil
        }
        _ = try? ScenarioLoader.apply(overrides: ["firms=1000"], to: &s)
        return true
    },
    "measure": { input in
        // spec, a line "%%", then the CSV; without "%%" the input is the CSV under a fixed spec.
        let text = String(decoding: input, as: UTF8.self)
        let parts = text.components(separatedBy: "\n%%\n")
        let (specText, csvText) = parts.count >= 2 ? (parts[0], parts[1...].joined(separator: "\n%%\n")) : (measureSeedSpec, text)
        guard let spec = try? MeasureSpec.parse(yaml: specText, file: "spec.yaml"),
              let table = try? CSVTable(file: "data.csv", text: csvText),
              let data = try? MeasureData.read(table, spec: spec) else { return false }
        return (try? MeasureAnalysis.run(data, spec: spec)) != nil
    },
    "form": { input in
        // First line: Host, second: Origin, the rest: the form body.
        let text = String(decoding: input, as: UTF8.self)
        let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let host = lines.first ?? ""
        let origin = lines.count > 1 ? lines[1] : ""
        let body = lines.count > 2 ? lines[2] : text
        _ = RequestGuard.isAllowedHost(host)
        _ = RequestGuard.originMatches(origin, authority: host)
        _ = RequestGuard.parseAuthority(host)
        let fields = FormData.parse(body)
        // A cap no run meets: validation only, nothing is executed.
        if case .success = RunSubmission.validate(fields: fields, maxFirmQuarters: 1) { return true }
        return false
    },
    "sweep": { input in
        // The plan parser and validation, then the design (every point resolved and validated) for
        // plans of at most 1,000 points: larger ones are bounded (≤ 100,000 points) but take
        // seconds to resolve, which is work, not a hang.
        let text = String(decoding: input, as: UTF8.self)
        guard let plan = try? SweepPlan.parse(yaml: text, source: "fuzz.yaml") else { return false }
        let points: Int
        switch plan.design {
        case .grid: points = plan.factors.reduce(1) { n, f in
            switch f.levels { case .values(let v): return min(n * v.count, 1_000_000); case .range(_, _, let steps): return min(n * (steps ?? 1), 1_000_000) }
        }
        case .lhs, .sobol: points = plan.samples ?? 0
        }
        guard points <= 1000 else { return true }
        return (try? SweepDesign(plan: plan)) != nil
    },
]

// MARK: dictionary

/// Tokens the mutators insert (coevo-fuzz) or use as a libFuzzer `-dict` (coevo-libfuzz).
let dictionary: [String] = [
    "\n", ": ", "- ", "  ", "&a ", "*a", "[", "]", "{", "}", ",", "'", "\"", "#", "|\n", ">\n", "!!str ", "---\n", "? ",
    "%", "%2", "&", "=", "+", "\u{0}", "\u{FEFF}", "é", "1e308", "-1e308", "1e-400", "0x10", "+3", "-9223372036854775808",
    "9223372036854775807", "NaN", "inf", "-0", "0.0001", "99999999999999999999", "true", "null", "~",
    "factors:\n", "replications: ", "design: lhs\n", "design: sobol\n", "samples: ", "outcomes: [cost.average]\n", "{low: 0, high: 1}",
    "steps: ", "min: ", "max: ", "target: ", "halfwidth: ", "reference: ", "seeds: independent\n", "series: [ccd.D]\n",
    "firms", "periods", "burn_in", "village.firms", "logistics.lambda", "base: ", "parameters:\n", "systems:\n",
    "indicators: ", "score: ", "weights: ", "bootstrap: ", "symbiosis: ", "forecast: ", "draws: ", "haken: true\n",
    "layout: tidy\n", "unit,time,a,b,c,d\n", "x,2010,1,2,3,4\n", "\n%%\n", "127.0.0.1", "[::1]", "localhost:8080", "http://",
]
