// A sweep plan (INTERFACE.md "Sweeps"): the base scenario and fixed settings, the factors and
// their design (grid, Latin hypercube, scrambled Sobol), replications (fixed or adaptive), the
// seed policy, the outcomes and series to keep and an optional reference point. Parsing checks
// everything a run would need, so a bad plan fails with one line before anything is written.

import CoevoFiles
import CoevoModel
import Foundation
import Yams

/// A validated sweep plan.
public struct SweepPlan: Sendable {
    public enum Design: String, Sendable { case grid, lhs, sobol }
    public enum SeedPolicy: String, Sendable { case common, independent }

    /// One factor: a parameter key (or `scenario`) and its levels or range.
    public struct Factor: Sendable {
        public enum Levels: Sendable {
            /// Values as text, exactly as written (applied like `--set key=value`).
            case values([String])
            /// A range: `steps` evenly spaced values for a grid; the sampled interval for lhs/sobol.
            case range(low: Double, high: Double, steps: Int?)
        }
        public var key: String
        public var levels: Levels
        /// Whether the parameter is an integer (range values are rounded).
        public var integer: Bool
    }

    /// Adaptive replication: add seeds at a point until every target's 95% half-width is at most
    /// its `halfWidth`, from `min` to `max` replications, `step` at a time.
    public struct Adaptive: Sendable {
        public var min: Int
        public var max: Int
        public var step: Int
        public var targets: [(outcome: String, halfWidth: Double)]
    }
    public enum Replications: Sendable {
        case fixed(Int)
        case adaptive(Adaptive)
        /// The most replications any point can get.
        public var maximum: Int { switch self { case .fixed(let n): n; case .adaptive(let a): a.max } }
        /// The replications every point gets in the first round.
        public var initial: Int { switch self { case .fixed(let n): n; case .adaptive(let a): a.min } }
        public var isAdaptive: Bool { if case .adaptive = self { true } else { false } }
    }

    public var name: String
    /// Where the plan came from (messages).
    public var source: String
    /// The base scenario: a built-in name or a scenario file.
    public var scenario: String
    /// Fixed settings for every point, in order, as `key=value`.
    public var settings: [String]
    public var design: Design
    /// lhs and sobol: the number of points.
    public var samples: Int?
    public var factors: [Factor]
    public var replications: Replications
    public var seeds: SeedPolicy
    public var baseSeed: UInt64
    /// The design's own seed (Latin hypercube permutations, Sobol scramble); default `base_seed`.
    public var designSeed: UInt64
    /// Factor values naming the reference point for paired differences.
    public var reference: [(key: String, value: String)]?
    public var outcomes: [String]
    public var series: [String]
    /// Points given as rows of the unit hypercube, one value per factor (a sensitivity design:
    /// Saltelli or Morris); each factor's value is low + u·(high − low). Overrides `design`'s own
    /// points; `samples` is then the row count. Not a plan key: `coevo sensitivity` sets it.
    public var unitRows: [[Double]]? = nil

    // Bounds that keep any plan, however small its text, to bounded time and memory before the
    // first run: the design and the run list are built in memory.
    public static let maxFactors = 40
    public static let maxPoints = 100_000
    public static let maxReplications = 10_000
    public static let maxRuns = 1_000_000
    public static let maxLevels = 10_000
    public static let maxBytes = 1 << 20
    static let maxNodes = 200_000

    /// Every outcome a sweep can keep: final metrics, stage entries of both classifiers, and the
    /// external-economies elasticity β_s by stage (reachable output and cluster output).
    public static let outcomeNames: [String] = Observer.metrics
        + (1...4).map { "stage_entry.\($0)" } + (1...4).map { "stage_ccd_entry.\($0)" }
        + (0...4).map { "elasticity.\($0)" } + (0...4).map { "elasticity_cluster.\($0)" }
    static let outcomeSet = Set(outcomeNames)

    /// Whether any kept outcome needs the firm panel and the externality regression.
    public var needsElasticity: Bool { outcomes.contains { $0.hasPrefix("elasticity") } }
}

extension SweepPlan {
    /// Reads and validates a plan file.
    public static func load(path: String) throws(ScenarioError) -> SweepPlan {
        try parse(yaml: try readPlanText(path: path), source: path)
    }

    /// A plan file's text: a readable UTF-8 file of at most `maxBytes`.
    static func readPlanText(path: String, what: String = "sweep plan") throws(ScenarioError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioError(source: path, message: "expected a \(what) file, found no such file")
        }
        guard !isDirectory.boolValue else { throw ScenarioError(source: path, message: "expected a \(what) file, found a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(source: path, message: "expected a readable \(what) file, found it unreadable")
        }
        guard data.count <= maxBytes else {
            throw ScenarioError(source: path, message: "expected a plan of at most \(maxBytes) bytes, found \(data.count)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(source: path, message: "expected UTF-8 text, found undecodable bytes")
        }
        return text
    }

    /// Parses and validates plan text. Scenario files named in the plan are resolved relative
    /// to the current directory, as on the command line.
    public static func parse(yaml text: String, source: String) throws(ScenarioError) -> SweepPlan {
        try parse(yaml: text, source: source, extension: nil)
    }

    /// Another plan kind built on the sweep plan (a sensitivity plan): the keys it reads itself,
    /// the sweep keys it does not accept, and the design it forces. With an extension, the design
    /// checks and point counts are the caller's (it sets `unitRows` and `samples`).
    struct Extension {
        var kind: String
        var keys: [String]
        var refused: [String]
        var design: Design
        var consume: (_ key: String, _ node: Node, _ reader: inout PlanReader) throws(ScenarioError) -> Void
    }

    static func parse(yaml text: String, source: String, extension ext: Extension?) throws(ScenarioError) -> SweepPlan {
        var (reader, top) = try PlanReader.open(text, source: source)
        if let ext { reader.designContext = "a \(ext.kind) plan" }
        var name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        var scenario = "baseline"
        var settings: [String] = []
        var design = Design.grid
        var samples: Int?
        var factorNodes: [(Node, Node)] = []
        var replications = Replications.fixed(1)
        var seeds = SeedPolicy.common
        var baseSeed: UInt64 = 1
        var designSeed: UInt64?
        var referenceNode: Node?
        var outcomes: [String] = []
        var series: [String] = []
        var seen = Set<String>()
        if let ext { design = ext.design }
        for (k, v) in top {
            let key = try reader.uniqueKey(k, &seen)
            if let ext {
                if ext.keys.contains(key) { try ext.consume(key, v, &reader); continue }
                if ext.refused.contains(key) { throw reader.error(k, "key '\(key)': expected only in a sweep plan, found it in a \(ext.kind) plan") }
            }
            switch key {
            case "name": name = try reader.scalar(v, key)
            case "description": _ = try reader.scalar(v, key)
            case "scenario": scenario = try reader.scalar(v, key)
            case "set": settings = try reader.settings(v)
            case "design":
                let text = try reader.scalar(v, key)
                guard let d = Design(rawValue: text) else { throw reader.error(v, "key 'design': expected grid, lhs or sobol, found '\(text)'") }
                design = d
            case "samples": samples = try reader.integer(v, key, in: 1...maxPoints)
            case "factors":
                guard let m = v.mapping else { throw reader.error(v, "key 'factors': expected a mapping of factor: levels, found \(reader.kind(v))") }
                for (fk, fv) in m { try reader.count(); factorNodes.append((fk, fv)) }
            case "replications": replications = try reader.replications(v)
            case "seeds":
                let text = try reader.scalar(v, key)
                guard let s = SeedPolicy(rawValue: text) else { throw reader.error(v, "key 'seeds': expected common or independent, found '\(text)'") }
                seeds = s
            case "base_seed": baseSeed = try reader.seed(v, key)
            case "design_seed": designSeed = try reader.seed(v, key)
            case "reference": referenceNode = v
            case "outcomes": outcomes = try reader.names(v, key, allowed: outcomeSet, what: "an outcome (a final metric, stage_entry.1-4, stage_ccd_entry.1-4, elasticity.0-4, elasticity_cluster.0-4)")
            case "series": series = try reader.names(v, key, allowed: Set(Observer.metrics), what: "a metric name")
            default:
                let known = ["name", "description", "scenario", "set", "design", "samples", "factors", "replications", "seeds", "base_seed", "design_seed", "reference", "outcomes", "series"]
                    .filter { !(ext?.refused.contains($0) ?? false) } + (ext?.keys ?? [])
                let near = known.min { Parameters.editDistance(key, $0) < Parameters.editDistance(key, $1) }!
                let hint = Parameters.editDistance(key, near) <= 3 ? " (did you mean '\(near)'?)" : ""
                throw reader.error(k, "unknown key '\(key)'\(hint); expected one of \(known.joined(separator: ", "))")
            }
        }
        guard !outcomes.isEmpty else { throw ScenarioError(source: source, message: "key 'outcomes': expected at least one outcome, found none") }

        // Factors.
        var factors: [Factor] = []
        var factorKeys = Set<String>()
        let fixedKeys = Set(settings.map { String($0.prefix { $0 != "=" }) })
        for (fk, fv) in factorNodes {
            let key = try reader.key(fk)
            guard factorKeys.insert(key).inserted else { throw reader.error(fk, "factor '\(key)': expected once, found it again") }
            guard factors.count < maxFactors else { throw reader.error(fk, "key 'factors': expected at most \(maxFactors) factors, found more") }
            let info = Parameters.registryByKey[key]
            guard key == "scenario" || info != nil else {
                throw reader.error(fk, "unknown factor '\(key)'\(Parameters.suggestion(for: key)); expected a parameter key or 'scenario'")
            }
            if fixedKeys.contains(key) { throw reader.error(fk, "factor '\(key)': expected a key not also fixed in 'set', found it in both") }
            var integer = false
            if let info { if case .integer = info.kind { integer = true } }
            let levels = try reader.levels(fv, factor: key, info: info, design: design)
            factors.append(Factor(key: key, levels: levels, integer: integer))
        }
        if ext != nil {
            if case .adaptive = replications { throw ScenarioError(source: source, message: "key 'replications': expected a fixed number in a \(ext!.kind) plan, found adaptive replication") }
            return SweepPlan(name: name, source: source, scenario: scenario, settings: settings, design: design, samples: nil,
                             factors: factors, replications: replications, seeds: seeds, baseSeed: baseSeed,
                             designSeed: designSeed ?? baseSeed, reference: nil, outcomes: outcomes, series: [])
        }
        switch design {
        case .grid:
            if samples != nil { throw ScenarioError(source: source, message: "key 'samples': expected only with design lhs or sobol, found it with grid") }
        case .lhs, .sobol:
            guard !factors.isEmpty else { throw ScenarioError(source: source, message: "key 'factors': design \(design.rawValue) expected at least one factor with a range {low, high}, found none") }
            guard samples != nil else { throw ScenarioError(source: source, message: "key 'samples': design \(design.rawValue) expected the number of points, found none") }
            if design == .sobol, factors.count > SobolSequence.maxDimensions {
                throw ScenarioError(source: source, message: "key 'factors': design sobol expected at most \(SobolSequence.maxDimensions) factors, found \(factors.count)")
            }
        }
        let pointCount: Int = {
            switch design {
            case .grid: return factors.reduce(1) { n, f in
                let c: Int
                switch f.levels { case .values(let v): c = v.count; case .range(_, _, let steps): c = steps ?? 1 }
                return n > maxPoints ? n : n * c
            }
            case .lhs, .sobol: return samples!
            }
        }()
        guard pointCount <= maxPoints else {
            throw ScenarioError(source: source, message: "key 'factors': expected at most \(maxPoints) points, found \(pointCount)")
        }
        guard pointCount * replications.maximum <= maxRuns else {
            throw ScenarioError(source: source, message: "key 'replications': expected at most \(maxRuns) runs in all, found \(pointCount) points × \(replications.maximum)")
        }
        if case .adaptive(let a) = replications {
            for t in a.targets where !outcomes.contains(t.outcome) {
                throw ScenarioError(source: source, message: "key 'replications.target': outcome '\(t.outcome)' expected among 'outcomes', found it missing")
            }
        }
        var reference: [(key: String, value: String)]?
        if let node = referenceNode {
            guard let m = node.mapping, !m.isEmpty else { throw reader.error(node, "key 'reference': expected a mapping of factor: value, found \(reader.kind(node))") }
            var pairs: [(key: String, value: String)] = []
            for (rk, rv) in m {
                let key = try reader.key(rk)
                guard factorKeys.contains(key) else { throw reader.error(rk, "key 'reference': expected a factor of the plan, found '\(key)'") }
                pairs.append((key, try reader.scalar(rv, "reference.\(key)")))
            }
            reference = pairs
        }
        let plan = SweepPlan(name: name, source: source, scenario: scenario, settings: settings, design: design, samples: samples,
                             factors: factors, replications: replications, seeds: seeds, baseSeed: baseSeed,
                             designSeed: designSeed ?? baseSeed, reference: reference, outcomes: outcomes, series: series)
        return plan
    }
}

/// Walks the plan's YAML with line-numbered errors and a node budget (aliases can make a small
/// text expand to a huge tree; the budget bounds the work).
struct PlanReader {
    let source: String
    var nodes = 0
    /// How messages name the design when another plan kind forces it (e.g. "a sensitivity plan").
    var designContext: String?

    func error(_ node: Node, _ message: String) -> ScenarioError {
        ScenarioError(source: source, line: node.mark.map { $0.line }, message: message)
    }

    mutating func count() throws(ScenarioError) {
        nodes += 1
        if nodes > SweepPlan.maxNodes {
            throw ScenarioError(source: source, message: "expected at most \(SweepPlan.maxNodes) YAML values (aliases expanded), found more")
        }
    }

    func kind(_ n: Node) -> String { ScenarioLoader.kind(n) }

    /// A reader and the plan's top-level mapping, after refusing anchors and aliases (they can
    /// make a tiny file expand exponentially, as in scenario files).
    static func open(_ text: String, source: String) throws(ScenarioError) -> (PlanReader, Node.Mapping) {
        if let (line, token) = YAMLGuard.firstAnchorOrAlias(text) {
            throw ScenarioError(source: source, line: line, message: "expected plain YAML without anchors or aliases, found '\(token)' (quote the text if it is not one)")
        }
        let reader = PlanReader(source: source)
        let top = try reader.topMapping(text)
        return (reader, top)
    }

    /// A top-level key, refused when it appears twice.
    mutating func uniqueKey(_ k: Node, _ seen: inout Set<String>) throws(ScenarioError) -> String {
        let key = try self.key(k)
        guard seen.insert(key).inserted else { throw error(k, "key '\(key)': expected once, found it again") }
        return key
    }

    func topMapping(_ text: String) throws(ScenarioError) -> Node.Mapping {
        let root: Node?
        do { root = try Yams.compose(yaml: text) }
        catch let e as YamlError {
            throw ScenarioError(source: source, line: ScenarioLoader.yamlLine(e), message: "expected valid YAML, found a syntax error (\(ScenarioLoader.yamlSummary(e)))")
        } catch {
            throw ScenarioError(source: source, message: "expected valid YAML, found \(error)")
        }
        guard let root else { throw ScenarioError(source: source, message: "expected a sweep plan (a mapping), found an empty document") }
        guard let m = root.mapping else { throw self.error(root, "expected a sweep plan (a mapping) at the top level, found \(kind(root))") }
        return m
    }

    mutating func key(_ n: Node) throws(ScenarioError) -> String {
        try count()
        guard let s = n.scalar?.string else { throw error(n, "expected a text key, found \(kind(n))") }
        return s
    }

    mutating func scalar(_ n: Node, _ key: String) throws(ScenarioError) -> String {
        try count()
        guard let s = n.scalar else { throw error(n, "key '\(key)': expected a single value, found \(kind(n))") }
        guard !s.string.contains(where: \.isNewline) else { throw error(n, "key '\(key)': expected a one-line value, found several lines") }
        return s.string
    }

    mutating func integer(_ n: Node, _ key: String, in range: ClosedRange<Int>) throws(ScenarioError) -> Int {
        let text = try scalar(n, key)
        guard let v = Int(text), range.contains(v) else {
            throw error(n, "key '\(key)': expected an integer in [\(range.lowerBound), \(range.upperBound)], found '\(text)'")
        }
        return v
    }

    mutating func seed(_ n: Node, _ key: String) throws(ScenarioError) -> UInt64 {
        let text = try scalar(n, key)
        guard let v = UInt64(text) else { throw error(n, "key '\(key)': expected an integer in [0, \(UInt64.max)], found '\(text)'") }
        return v
    }

    mutating func boolean(_ n: Node, _ key: String) throws(ScenarioError) -> Bool {
        let text = try scalar(n, key)
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error(n, "key '\(key)': expected true or false, found '\(text)'")
        }
    }

    mutating func number(_ n: Node, _ key: String) throws(ScenarioError) -> Double {
        let text = try scalar(n, key)
        guard let v = Double(text), v.isFinite else { throw error(n, "key '\(key)': expected a finite number, found '\(text)'") }
        return v
    }

    /// `set:` as a mapping (nested or dotted keys) → `key=value` in order.
    mutating func settings(_ n: Node) throws(ScenarioError) -> [String] {
        guard let m = n.mapping else { throw error(n, "key 'set': expected a mapping of parameter: value, found \(kind(n))") }
        var out: [String] = []
        var seen = Set<String>()
        func walk(_ m: Node.Mapping, _ prefix: String, _ r: inout PlanReader) throws(ScenarioError) {
            for (k, v) in m {
                let key = try r.key(k)
                let full = prefix.isEmpty ? key : prefix + "." + key
                if let nested = v.mapping, Parameters.registryByKey[full] == nil { try walk(nested, full, &r); continue }
                guard Parameters.registryByKey[full] != nil else {
                    throw r.error(k, "key 'set': unknown parameter '\(full)'\(Parameters.suggestion(for: full))")
                }
                guard seen.insert(full).inserted else { throw r.error(k, "key 'set': parameter '\(full)' expected once, found it again") }
                let value = try r.scalar(v, "set.\(full)")
                var probe = Parameters()
                do { try probe.set(full, text: value) } catch { throw r.error(v, "key 'set': \(error.description)") }
                out.append("\(full)=\(value)")
            }
        }
        try walk(m, "", &self)
        return out
    }

    mutating func names(_ n: Node, _ key: String, allowed: Set<String>, what: String) throws(ScenarioError) -> [String] {
        guard let seq = n.sequence else { throw error(n, "key '\(key)': expected a list, found \(kind(n))") }
        var out: [String] = []
        for item in seq {
            let name = try scalar(item, key)
            guard allowed.contains(name) else {
                let near = allowed.min { Parameters.editDistance(name, $0) < Parameters.editDistance(name, $1) } ?? ""
                let hint = Parameters.editDistance(name, near) <= 3 ? " (did you mean '\(near)'?)" : ""
                throw error(item, "key '\(key)': expected \(what), found '\(name)'\(hint)")
            }
            guard !out.contains(name) else { throw error(item, "key '\(key)': expected each name once, found '\(name)' again") }
            out.append(name)
        }
        return out
    }

    mutating func replications(_ n: Node) throws(ScenarioError) -> SweepPlan.Replications {
        if n.scalar != nil { return .fixed(try integer(n, "replications", in: 1...SweepPlan.maxReplications)) }
        guard let m = n.mapping else { throw error(n, "key 'replications': expected a number or {min, max, target}, found \(kind(n))") }
        var minimum: Int?, maximum: Int?, step = 1
        var targets: [(outcome: String, halfWidth: Double)] = []
        for (k, v) in m {
            let key = try self.key(k)
            switch key {
            case "min": minimum = try integer(v, "replications.min", in: 2...SweepPlan.maxReplications)
            case "max": maximum = try integer(v, "replications.max", in: 2...SweepPlan.maxReplications)
            case "step": step = try integer(v, "replications.step", in: 1...SweepPlan.maxReplications)
            case "target":
                let items: [Node] = v.sequence.map { Array($0) } ?? [v]
                for item in items {
                    guard let tm = item.mapping else { throw error(item, "key 'replications.target': expected {outcome, halfwidth}, found \(kind(item))") }
                    var outcome: String?, half: Double?
                    for (tk, tv) in tm {
                        switch try self.key(tk) {
                        case "outcome": outcome = try scalar(tv, "replications.target.outcome")
                        case "halfwidth":
                            half = try number(tv, "replications.target.halfwidth")
                            guard half! > 0 else { throw error(tv, "key 'replications.target.halfwidth': expected a positive number, found \(half!)") }
                        default: throw error(tk, "key 'replications.target': expected outcome and halfwidth, found '\(tk.string ?? "?")'")
                        }
                    }
                    guard let outcome, let half else { throw error(item, "key 'replications.target': expected both outcome and halfwidth, found one missing") }
                    targets.append((outcome, half))
                }
            default: throw error(k, "key 'replications': expected min, max, step and target, found '\(key)'")
            }
        }
        guard let minimum, let maximum else { throw error(n, "key 'replications': expected both min and max, found one missing") }
        guard minimum <= maximum else { throw error(n, "key 'replications': expected min ≤ max, found min \(minimum) > max \(maximum)") }
        guard !targets.isEmpty else { throw error(n, "key 'replications': expected a target {outcome, halfwidth}, found none") }
        return .adaptive(SweepPlan.Adaptive(min: minimum, max: maximum, step: step, targets: targets))
    }

    /// A factor's levels: a list of values, or `{low, high[, steps]}`.
    mutating func levels(_ n: Node, factor: String, info: ParameterInfo?, design: SweepPlan.Design) throws(ScenarioError) -> SweepPlan.Factor.Levels {
        if let seq = n.sequence {
            guard design == .grid else {
                throw error(n, "factor '\(factor)': \(designContext ?? "design \(design.rawValue)") expected a range {low, high}, found a list")
            }
            guard !seq.isEmpty else { throw error(n, "factor '\(factor)': expected at least one value, found an empty list") }
            guard seq.count <= SweepPlan.maxLevels else { throw error(n, "factor '\(factor)': expected at most \(SweepPlan.maxLevels) values, found \(seq.count)") }
            var values: [String] = []
            for item in seq {
                let text = try scalar(item, "factors.\(factor)")
                if let info {
                    var probe = Parameters()
                    do { try probe.set(info.key, text: text) } catch { throw self.error(item, "factor '\(factor)': \(error.description)") }
                } else {
                    do { _ = try ScenarioLoader.resolve(text) } catch { throw self.error(item, "factor 'scenario': \(error.description)") }
                }
                guard !values.contains(text) else { throw self.error(item, "factor '\(factor)': expected distinct values, found '\(text)' twice") }
                values.append(text)
            }
            return .values(values)
        }
        guard let m = n.mapping else {
            if n.scalar != nil { throw error(n, "factor '\(factor)': expected a list of values or a range {low, high}, found a single value '\(n.scalar!.string)'") }
            throw error(n, "factor '\(factor)': expected a list of values or a range {low, high}, found \(kind(n))")
        }
        guard let info else { throw error(n, "factor 'scenario': expected a list of scenario names, found a range") }
        if case .boolean = info.kind { throw error(n, "factor '\(factor)': expected a list [false, true] for a switch, found a range") }
        var low: Double?, high: Double?, steps: Int?
        for (k, v) in m {
            switch try key(k) {
            case "low": low = try number(v, "factors.\(factor).low")
            case "high": high = try number(v, "factors.\(factor).high")
            case "steps": steps = try integer(v, "factors.\(factor).steps", in: 1...SweepPlan.maxLevels)
            default: throw error(k, "factor '\(factor)': expected low, high and steps, found '\(k.string ?? "?")'")
            }
        }
        guard let low, let high else { throw error(n, "factor '\(factor)': expected both low and high, found one missing") }
        guard low < high else { throw error(n, "factor '\(factor)': expected low < high, found an empty range [\(low), \(high)]") }
        if case .integer = info.kind, low.rounded(.up) > high.rounded(.down) {
            throw error(n, "factor '\(factor)': expected an integer range holding at least one integer, found [\(low), \(high)]")
        }
        guard info.range.contains(low), info.range.contains(high) else {
            throw error(n, "factor '\(factor)': expected a range inside \(Parameters.rangeText(info)) (\(info.unit)), found [\(low), \(high)]")
        }
        switch design {
        case .grid:
            guard let steps, steps >= 2 else { throw error(n, "factor '\(factor)': a grid range expected steps ≥ 2, found \(steps.map(String.init) ?? "none")") }
        case .lhs, .sobol:
            if steps != nil { throw error(n, "factor '\(factor)': \(designContext ?? "design \(design.rawValue)") expected no steps (it samples the range), found steps") }
        }
        return .range(low: low, high: high, steps: steps)
    }
}
