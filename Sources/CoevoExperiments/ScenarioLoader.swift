// Reading scenarios from YAML files and `--set key=value` overrides, with every problem reported
// as one line (file, line, key, expected, found). Accepted YAML: optional `name`, `description`
// and `base` (a built-in scenario to start from; default baseline), and parameters either under
// `parameters:` or at the top level, as nested mappings (`logistics: {lambda: 0.4}`) or dotted
// keys (`logistics.lambda: 0.4`).

import CoevoModel
import Foundation
import CoevoFiles
import Yams

public enum ScenarioLoader {
    /// Resolves `--scenario NAME|FILE`: a built-in name, or a path to a YAML file.
    public static func resolve(_ nameOrPath: String) throws(ScenarioError) -> Scenario {
        if let s = Scenario.builtIn(named: nameOrPath) { return s }
        let looksLikeFile = nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/")
        guard looksLikeFile else {
            let names = Scenario.builtIn.map(\.name)
            let near = names.min { Parameters.editDistance(nameOrPath, $0) < Parameters.editDistance(nameOrPath, $1) } ?? "baseline"
            throw ScenarioError(source: "--scenario", message: "expected a built-in scenario (\(names.joined(separator: ", "))) or a YAML file, found '\(nameOrPath)' (did you mean '\(near)'?)")
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDir) else {
            throw ScenarioError(source: nameOrPath, message: "expected a readable scenario file, found no such file")
        }
        guard !isDir.boolValue else {
            throw ScenarioError(source: nameOrPath, message: "expected a readable scenario file, found a directory")
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: nameOrPath))?[.size] as? NSNumber, size.intValue > maxBytes {
            throw ScenarioError(source: nameOrPath, message: "expected a scenario file of at most \(maxBytes) bytes, found \(size.intValue)")
        }
        guard let data = FileManager.default.contents(atPath: nameOrPath) else {
            throw ScenarioError(source: nameOrPath, message: "expected a readable scenario file, found it unreadable (permission denied or not a regular file)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(source: nameOrPath, message: "expected UTF-8 text, found undecodable bytes")
        }
        return try parse(yaml: text, source: nameOrPath)
    }

    /// Parses scenario YAML text.
    /// Largest scenario file or text accepted (scenarios are a few kilobytes).
    public static let maxBytes = 1 << 20

    public static func parse(yaml text: String, source: String) throws(ScenarioError) -> Scenario {
        guard text.utf8.count <= maxBytes else {
            throw ScenarioError(source: source, message: "expected a scenario of at most \(maxBytes) bytes, found \(text.utf8.count)")
        }
        // Anchors and aliases can make a tiny file expand exponentially (YAMLGuard).
        if let (line, token) = YAMLGuard.firstAnchorOrAlias(text) {
            throw ScenarioError(source: source, line: line, message: "expected plain YAML without anchors or aliases, found '\(token)' (quote the text if it is not one)")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioError(source: source, message: "expected a mapping of parameters, found an empty document")
            }
            root = node
        } catch let e as ScenarioError {
            throw e
        } catch let e as YamlError {
            throw ScenarioError(source: source, line: yamlLine(e), message: "expected valid YAML, found a syntax error (\(yamlSummary(e)))")
        } catch {
            throw ScenarioError(source: source, message: "expected valid YAML, found \(error)")
        }
        guard let top = root.mapping else {
            throw ScenarioError(source: source, line: line(root), message: "expected a mapping of parameters at the top level, found \(kind(root))")
        }
        var name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        var summary = "scenario file \(source)"
        var baseName = "baseline"
        var settings: [(key: String, value: Node)] = []
        var seen: [String: Int] = [:]
        func collect(_ mapping: Node.Mapping, prefix: String) throws(ScenarioError) {
            for (k, v) in mapping {
                guard let key = k.string else { throw ScenarioError(source: source, line: line(k), message: "expected a text key, found \(kind(k))") }
                let full = prefix.isEmpty ? key : prefix + "." + key
                if let nested = v.mapping, Parameters.registryByKey[full] == nil {
                    try collect(nested, prefix: full)
                } else {
                    if let first = seen[full] {
                        throw ScenarioError(source: source, line: line(k), message: "key '\(full)': expected each parameter once, found it again (first on line \(first))")
                    }
                    seen[full] = line(k) ?? 0
                    settings.append((full, v))
                }
            }
        }
        for (k, v) in top {
            guard let key = k.string else { throw ScenarioError(source: source, line: line(k), message: "expected a text key, found \(kind(k))") }
            switch key {
            case "name": name = try scalar(v, key: key, source: source)
            case "description": summary = try scalar(v, key: key, source: source)
            case "base": baseName = try scalar(v, key: key, source: source)
            case "parameters":
                guard let m = v.mapping else { throw ScenarioError(source: source, line: line(v), message: "key 'parameters': expected a mapping, found \(kind(v))") }
                try collect(m, prefix: "")
            default:
                if let m = v.mapping, Parameters.registryByKey[key] == nil { try collect(m, prefix: key) }
                else {
                    if seen[key] != nil { throw ScenarioError(source: source, line: line(k), message: "key '\(key)': expected each parameter once, found it again") }
                    seen[key] = line(k) ?? 0
                    settings.append((key, v))
                }
            }
        }
        guard let base = Scenario.builtIn(named: baseName) else {
            throw ScenarioError(source: source, message: "key 'base': expected a built-in scenario (\(Scenario.builtIn.map(\.name).joined(separator: ", "))), found '\(baseName)'")
        }
        var p = base.parameters
        for (key, value) in settings {
            let at = seenLine(value)
            guard value.scalar != nil else {
                if Parameters.registryByKey[key] == nil {
                    throw ScenarioError(source: source, line: at, message: "unknown key '\(key)'\(Parameters.suggestion(for: key))")
                }
                throw ScenarioError(source: source, line: at, message: "key '\(key)': expected a single value, found \(kind(value))")
            }
            do { try p.set(key, text: value.scalar!.string) }
            catch {
                if Parameters.registryByKey[key] == nil {
                    throw ScenarioError(source: source, line: at, message: "unknown key '\(key)'\(Parameters.suggestion(for: key))")
                }
                throw ScenarioError(source: source, line: at, message: error.description)
            }
        }
        do { try p.validate() } catch { throw ScenarioError(source: source, message: error.description) }
        return Scenario(name: name, summary: summary, parameters: p)
    }

    /// Applies `--set key=value` overrides in order, then validates the combination.
    public static func apply(overrides: [String], to scenario: inout Scenario) throws(ScenarioError) {
        for item in overrides {
            guard let eq = item.firstIndex(of: "=") else {
                throw ScenarioError(source: "--set", message: "expected key=value, found '\(item)'")
            }
            let key = String(item[..<eq]).trimmingCharacters(in: .whitespaces)
            let value = String(item[item.index(after: eq)...])
            do { try scenario.parameters.set(key, text: value) }
            catch { throw ScenarioError(source: "--set", message: error.description) }
        }
        do { try scenario.parameters.validate() } catch { throw ScenarioError(source: "--set", message: error.description) }
    }

    static func scalar(_ n: Node, key: String, source: String) throws(ScenarioError) -> String {
        guard let s = n.scalar?.string else { throw ScenarioError(source: source, line: line(n), message: "key '\(key)': expected text, found \(kind(n))") }
        return s
    }
    static func line(_ n: Node) -> Int? { n.mark.map { $0.line } }
    static func seenLine(_ n: Node) -> Int? { line(n) }
    static func kind(_ n: Node) -> String {
        switch n {
        case .scalar(let s): "'\(oneLine(s.string))'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
    /// Text shown inside a one-line message: line breaks as `⏎`, at most 80 characters.
    static func oneLine(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\r", with: "⏎")
        return flat.count > 80 ? String(flat.prefix(79)) + "…" : flat
    }
    static func yamlLine(_ e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }
    static func yamlSummary(_ e: YamlError) -> String {
        switch e {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(e)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}
