import CoevoMeasure
import CoevoFiles
import Yams

/// The YAML spec of `coevo measure` (INTERFACE.md, extended; docs/MEASURE.md lists every key).
/// Unknown keys and wrong values are errors naming the file, the line and the key.
public struct MeasureSpec: Sendable {
    public enum Layout: String, Sendable, CaseIterable { case wide, tidy }
    /// What to do with a missing value of a needed indicator or score.
    public enum MissingPolicy: String, Sendable, CaseIterable {
        /// Stop with an error naming the cell (default).
        case error
        /// Drop the unit-year.
        case drop
        /// Linear interpolation in time within the unit between the nearest observed values;
        /// values before the first or after the last observation stay missing and their
        /// unit-years are dropped.
        case interpolate
    }
    public struct System: Sendable {
        public var name: String
        /// Indicators and directions, in spec order (empty when `score` is set).
        public var indicators: [(name: String, direction: Direction)]
        /// A column already holding the subsystem score in [0,1].
        public var score: String?
    }
    public struct SynergyOptions: Sendable {
        /// Base period for the synergy against a base; nil: the first period.
        public var base: Int?
    }
    public struct BootstrapOptions: Sendable {
        public var draws = 999
        public var seed: UInt64 = 1
        /// Block length for single series; nil: ⌈n^(1/3)⌉.
        public var block: Int?
        public var level = 0.95
    }

    public var file = "spec"
    public var layout = Layout.wide
    /// nil: the data has one unit (named "all").
    public var unitColumn: String? = "unit"
    public var timeColumn = "time"
    public var indicatorColumn = "indicator"
    public var valueColumn = "value"
    public var systems: [System] = []
    /// nil: entropy weights; else indicator → weight (each system's weights sum to 1).
    public var weights: [String: Double]?
    public var shift = ZeroShift.add(0.0001)
    public var shiftText = "0.0001"
    public var range = RangeMode.pooled
    public var coupling = CouplingVariant.standard
    /// Weights of T aligned with `systems`; nil: equal.
    public var coordination: [Double]?
    public var grades = IntervalConvention.upperClosed
    public var missing = MissingPolicy.error
    public var stage = CCDStageThresholds()
    public var synergy: SynergyOptions?
    /// Forecast horizon of the symbiosis analysis; nil: no symbiosis analysis.
    public var symbiosisForecast: Int?
    public var haken = false
    public var bootstrap: BootstrapOptions? = BootstrapOptions()

    public init() {}

    static let topKeys: Set<String> = ["layout", "unit", "time", "indicator", "value", "systems", "weights", "shift",
                                       "range", "coupling", "coordination", "grades", "missing", "stage", "synergy",
                                       "symbiosis", "haken", "bootstrap"]

    /// Bounds that keep the work proportional to the data: forecast horizon (periods) and
    /// bootstrap draws; and the largest spec file read.
    public static let forecastRange = 1...1_000
    public static let drawsRange = 0...100_000
    public static let maxSpecBytes = 1 << 20

    public static func load(path: String) throws -> MeasureSpec {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue > maxSpecBytes {
            throw MeasureInputError("\(path): expected a spec of at most \(maxSpecBytes) bytes, found \(size.intValue)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MeasureInputError("\(path): expected a readable UTF-8 YAML spec, found \(CSVTable.whatIsAt(path))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MeasureInputError("\(path): expected a readable UTF-8 YAML spec, found undecodable bytes")
        }
        return try parse(yaml: text, file: path)
    }

    public static func parse(yaml: String, file: String) throws -> MeasureSpec {
        guard yaml.utf8.count <= maxSpecBytes else {
            throw MeasureInputError("\(file): expected a spec of at most \(maxSpecBytes) bytes, found \(yaml.utf8.count)")
        }
        if let (line, token) = YAMLGuard.firstAnchorOrAlias(yaml) {
            throw MeasureInputError("\(file):\(line): expected plain YAML without anchors or aliases, found '\(token)' (quote the text if it is not one)")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw MeasureInputError("\(file): expected valid YAML, found a syntax error: \(String(describing: error).split(separator: "\n").joined(separator: " "))")
        }
        guard let map = root?.mapping else {
            throw MeasureInputError("\(file): expected a mapping of spec keys at the top level, found \(root == nil ? "an empty file" : "another kind of node")")
        }
        var s = MeasureSpec()
        s.file = file
        let p = Reader(file: file)
        var sawSystems = false
        for (k, v) in map {
            let key = try p.string(k, key: "(top-level key)")
            guard topKeys.contains(key) else {
                throw MeasureInputError("\(p.at(k)): unknown key '\(key)'; expected one of \(topKeys.sorted().joined(separator: ", "))")
            }
            switch key {
            case "layout": s.layout = try p.choice(v, key: key, Layout.self)
            case "unit":
                let u = try p.string(v, key: key)
                s.unitColumn = ["none", "~", "null"].contains(u) || v.null != nil ? nil : u
            case "time": s.timeColumn = try p.string(v, key: key)
            case "indicator": s.indicatorColumn = try p.string(v, key: key)
            case "value": s.valueColumn = try p.string(v, key: key)
            case "systems":
                sawSystems = true
                s.systems = try p.systems(v)
            case "weights":
                if let str = v.string, v.mapping == nil {
                    guard str == "entropy" else { throw MeasureInputError("\(p.at(v)): key weights: expected 'entropy' or a map indicator → weight, found '\(str)'") }
                    s.weights = nil
                } else {
                    s.weights = try p.numberMap(v, key: key)
                }
            case "shift":
                let text = try p.string(v, key: key)
                s.shiftText = text
                s.shift = try p.shift(text, node: v)
            case "range": s.range = try p.choice(v, key: key, RangeMode.self)
            case "coupling": s.coupling = try p.choice(v, key: key, CouplingVariant.self)
            case "coordination": s.coordination = try p.coordinationPlaceholder(v)
            case "grades": s.grades = try p.choice(v, key: key, IntervalConvention.self)
            case "missing": s.missing = try p.choice(v, key: key, MissingPolicy.self)
            case "stage":
                let m = try p.numberMap(v, key: key, allowed: ["epsilon", "d1", "d2", "d3"])
                s.stage = CCDStageThresholds(epsilon: m["epsilon"] ?? 0.1, d1: m["d1"] ?? 0.5, d2: m["d2"] ?? 0.6, d3: m["d3"] ?? 0.8)
                guard s.stage.epsilon >= 0, s.stage.d1 <= s.stage.d2, s.stage.d2 <= s.stage.d3 else {
                    throw MeasureInputError("\(p.at(v)): key stage: expected epsilon ≥ 0 and d1 ≤ d2 ≤ d3, found epsilon \(s.stage.epsilon), d1 \(s.stage.d1), d2 \(s.stage.d2), d3 \(s.stage.d3)")
                }
            case "synergy":
                if let b = v.bool, v.mapping == nil { s.synergy = b ? SynergyOptions() : nil } else {
                    let m = try p.numberMap(v, key: key, allowed: ["base"])
                    s.synergy = SynergyOptions(base: try p.integer(m, "base", key: key, in: -1_000_000_000...1_000_000_000, node: v))
                }
            case "symbiosis":
                if let b = v.bool, v.mapping == nil { s.symbiosisForecast = b ? 5 : nil } else {
                    let m = try p.numberMap(v, key: key, allowed: ["forecast"])
                    s.symbiosisForecast = try p.integer(m, "forecast", key: key, in: MeasureSpec.forecastRange, node: v) ?? 5
                }
            case "haken":
                guard let b = v.bool else { throw MeasureInputError("\(p.at(v)): key haken: expected true or false, found '\(v.string ?? "?")'") }
                s.haken = b
            case "bootstrap":
                if let b = v.bool, v.mapping == nil { s.bootstrap = b ? BootstrapOptions() : nil } else {
                    let m = try p.numberMap(v, key: key, allowed: ["draws", "seed", "block", "level"])
                    var o = BootstrapOptions()
                    if let d = try p.integer(m, "draws", key: key, in: MeasureSpec.drawsRange, node: v) { o.draws = d }
                    if let d = try p.integer(m, "seed", key: key, in: 0...(1 << 53), node: v) { o.seed = UInt64(d) }
                    if let d = try p.integer(m, "block", key: key, in: 1...1_000_000, node: v) { o.block = d }
                    if let d = m["level"] { o.level = d }
                    guard o.draws >= 0, (o.block ?? 1) >= 1, o.level > 0, o.level < 1 else {
                        throw MeasureInputError("\(p.at(v)): key bootstrap: expected draws ≥ 0, block ≥ 1 and 0 < level < 1, found draws \(o.draws), block \(o.block.map(String.init) ?? "auto"), level \(o.level)")
                    }
                    s.bootstrap = o.draws == 0 ? nil : o
                }
            default: break
            }
        }
        guard sawSystems else { throw MeasureInputError("\(file): missing key 'systems'; expected two or more subsystems") }
        // Coordination weights are resolved against the systems once both are known.
        if let node = map["coordination"] {
            let m = try p.numberMap(node, key: "coordination")
            var w: [Double] = []
            for sys in s.systems {
                guard let x = m[sys.name] else {
                    throw MeasureInputError("\(p.at(node)): key coordination: expected a weight for system '\(sys.name)', found none")
                }
                w.append(x)
            }
            for name in m.keys where !s.systems.contains(where: { $0.name == name }) {
                throw MeasureInputError("\(p.at(node)): key coordination: '\(name)' is not a system; expected \(s.systems.map(\.name).joined(separator: ", "))")
            }
            let sum = w.reduce(0, +)
            guard abs(sum - 1) <= 1e-6, w.allSatisfy({ $0 >= 0 }) else {
                throw MeasureInputError("\(p.at(node)): key coordination: expected non-negative weights summing to 1, found sum \(sum)")
            }
            s.coordination = w
        }
        if let given = s.weights {
            let node = map["weights"]!
            for sys in s.systems where sys.score == nil {
                var sum = 0.0
                for ind in sys.indicators {
                    guard let w = given[ind.name] else {
                        throw MeasureInputError("\(p.at(node)): key weights: expected a weight for indicator '\(ind.name)' of system '\(sys.name)', found none")
                    }
                    guard w >= 0 else { throw MeasureInputError("\(p.at(node)): key weights.\(ind.name): expected a weight ≥ 0, found \(w)") }
                    sum += w
                }
                guard abs(sum - 1) <= 1e-6 else {
                    throw MeasureInputError("\(p.at(node)): key weights: expected the weights of system '\(sys.name)' to sum to 1, found \(sum)")
                }
            }
            let all = Set(s.systems.flatMap { $0.indicators.map(\.name) })
            for k in given.keys where !all.contains(k) {
                throw MeasureInputError("\(p.at(node)): key weights: '\(k)' is not an indicator of any system")
            }
        }
        if s.symbiosisForecast != nil || s.haken {
            guard s.systems.count == 2 else {
                throw MeasureInputError("\(file): keys symbiosis/haken: expected exactly two systems, found \(s.systems.count)")
            }
        }
        return s
    }
}

/// Typed reading of Yams nodes with file:line messages.
struct Reader {
    let file: String
    func at(_ n: Node) -> String {
        if let m = n.mark { return "\(file):\(m.line)" }
        return file
    }
    func string(_ n: Node, key: String) throws -> String {
        guard let s = n.scalar?.string else {
            throw MeasureInputError("\(at(n)): key \(key): expected a single value, found a \(n.mapping != nil ? "mapping" : "list")")
        }
        return s
    }
    func choice<T: RawRepresentable & CaseIterable>(_ n: Node, key: String, _ t: T.Type) throws -> T where T.RawValue == String {
        let s = try string(n, key: key)
        guard let v = T(rawValue: s) else {
            throw MeasureInputError("\(at(n)): key \(key): expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), found '\(s)'")
        }
        return v
    }
    func choice<T: RawRepresentable>(_ n: Node, key: String, _ t: T.Type) throws -> T where T.RawValue == String {
        let s = try string(n, key: key)
        guard let v = T(rawValue: s) else {
            throw MeasureInputError("\(at(n)): key \(key): unexpected value '\(s)'")
        }
        return v
    }
    func number(_ n: Node, key: String) throws -> Double {
        let s = try string(n, key: key)
        guard let x = NumberText.decimal(s) else { throw MeasureInputError("\(at(n)): key \(key): expected a finite decimal number, found '\(s)'") }
        return x
    }
    /// `m[name]` as an integer in `range`, or nil when absent.
    func integer(_ m: [String: Double], _ name: String, key: String, in range: ClosedRange<Int>, node: Node) throws -> Int? {
        guard let d = m[name] else { return nil }
        guard d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            throw MeasureInputError("\(at(node)): key \(key).\(name): expected an integer in [\(range.lowerBound), \(range.upperBound)], found \(d)")
        }
        return Int(d)
    }
    func numberMap(_ n: Node, key: String, allowed: Set<String>? = nil) throws -> [String: Double] {
        guard let m = n.mapping else { throw MeasureInputError("\(at(n)): key \(key): expected a mapping, found '\(n.string ?? "a list")'") }
        var out: [String: Double] = [:]
        for (k, v) in m {
            let name = try string(k, key: key)
            if let allowed, !allowed.contains(name) {
                throw MeasureInputError("\(at(k)): unknown key '\(key).\(name)'; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            out[name] = try number(v, key: "\(key).\(name)")
        }
        return out
    }
    func coordinationPlaceholder(_ n: Node) throws -> [Double]? {
        guard n.mapping != nil else { throw MeasureInputError("\(at(n)): key coordination: expected a map system → weight, found '\(n.string ?? "a list")'") }
        return nil
    }
    func shift(_ text: String, node: Node) throws -> ZeroShift {
        let t = text.lowercased()
        if t == "none" { return .none }
        if let x = Double(t) {
            guard x == 0.0001 || x == 0.001 else {
                throw MeasureInputError("\(at(node)): key shift: expected none, 0.0001, 0.001, rescale:ε or minshift:c, found '\(text)'")
            }
            return .add(x)
        }
        let parts = t.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, let x = Double(parts[1]), x > 0 {
            if parts[0] == "rescale", x < 0.5 { return .rescale(x) }
            if parts[0] == "minshift" { return .minShift(x) }
        }
        throw MeasureInputError("\(at(node)): key shift: expected none, 0.0001, 0.001, rescale:ε (0 < ε < 0.5) or minshift:c (c > 0), found '\(text)'")
    }
    func systems(_ n: Node) throws -> [MeasureSpec.System] {
        guard let m = n.mapping else { throw MeasureInputError("\(at(n)): key systems: expected a mapping of subsystems, found '\(n.string ?? "a list")'") }
        var out: [MeasureSpec.System] = []
        var seenIndicators: [String: String] = [:]
        for (k, v) in m {
            let name = try string(k, key: "systems")
            guard let body = v.mapping else {
                throw MeasureInputError("\(at(v)): key systems.\(name): expected 'indicators: {name: positive|negative}' or 'score: column', found '\(v.string ?? "a list")'")
            }
            var sys = MeasureSpec.System(name: name, indicators: [], score: nil)
            var hasIndicatorsKey = false
            for (bk, bv) in body {
                let b = try string(bk, key: "systems.\(name)")
                switch b {
                case "indicators":
                    hasIndicatorsKey = true
                    guard let im = bv.mapping else {
                        throw MeasureInputError("\(at(bv)): key systems.\(name).indicators: expected a map indicator → positive|negative, found '\(bv.string ?? "a list")'")
                    }
                    for (ik, iv) in im {
                        let ind = try string(ik, key: "systems.\(name).indicators")
                        let d = try choice(iv, key: "systems.\(name).indicators.\(ind)", DirectionChoice.self)
                        if let other = seenIndicators[ind] {
                            throw MeasureInputError("\(at(ik)): key systems.\(name).indicators.\(ind): indicator already used by system '\(other)'")
                        }
                        seenIndicators[ind] = name
                        sys.indicators.append((ind, d == .positive ? .positive : .negative))
                    }
                case "score": sys.score = try string(bv, key: "systems.\(name).score")
                default:
                    throw MeasureInputError("\(at(bk)): unknown key 'systems.\(name).\(b)'; expected indicators or score")
                }
            }
            if sys.score != nil && hasIndicatorsKey {
                throw MeasureInputError("\(at(k)): key systems.\(name): expected either indicators or score, found both")
            }
            if sys.score == nil && sys.indicators.isEmpty {
                throw MeasureInputError("\(at(k)): key systems.\(name): expected at least one indicator (or a score column), found none")
            }
            out.append(sys)
        }
        guard out.count >= 2 else {
            throw MeasureInputError("\(at(n)): key systems: expected two or more subsystems, found \(out.count)")
        }
        return out
    }
}

enum DirectionChoice: String, CaseIterable { case positive, negative }

import Foundation
