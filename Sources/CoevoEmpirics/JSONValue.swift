import CoevoFiles
import Foundation

/// A small JSON value with ordered objects, so output files have a stable key order.
/// Non-finite numbers are written as null.
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func num(_ x: Double?) -> JSONValue { x.map { $0.isFinite ? .number($0) : .null } ?? .null }

    public func render(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1), end = String(repeating: "  ", count: indent)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let x): return x.isFinite ? Self.format(x) : "null"
        case .string(let s): return Self.quote(s)
        case .array(let a):
            if a.isEmpty { return "[]" }
            if a.allSatisfy({ if case .number = $0 { return true }; if case .int = $0 { return true }; if case .null = $0 { return true }; return false }) {
                return "[" + a.map { $0.render() }.joined(separator: ", ") + "]"
            }
            return "[\n" + a.map { pad + $0.render(indent: indent + 1) }.joined(separator: ",\n") + "\n" + end + "]"
        case .object(let o):
            if o.isEmpty { return "{}" }
            return "{\n" + o.map { pad + Self.quote($0.0) + ": " + $0.1.render(indent: indent + 1) }.joined(separator: ",\n") + "\n" + end + "}"
        }
    }

    /// Shortest round-tripping decimal (Swift's description), integers without ".0".
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }

    static func quote(_ s: String) -> String { JSONText.quoted(s) }
}
