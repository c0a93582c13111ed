import Foundation

/// What a client asked for, after validation: a built-in scenario, a seed and `--set` overrides in
/// the order given. Stored as `request.json` in the run's directory so the run can be shown (and
/// repeated with the CLI) after the server restarts.
public struct RunRequest: Codable, Sendable, Equatable {
    public var scenario: String
    public var seed: UInt64
    /// `key=value` items exactly as passed to `ScenarioLoader.apply(overrides:to:)`.
    public var overrides: [String]
    /// Effective size after the overrides.
    public var firms: Int
    public var periods: Int
    /// ISO 8601 UTC time the server accepted the request.
    public var submitted: String

    public init(scenario: String, seed: UInt64, overrides: [String], firms: Int, periods: Int, submitted: String) {
        self.scenario = scenario
        self.seed = seed
        self.overrides = overrides
        self.firms = firms
        self.periods = periods
        self.submitted = submitted
    }

    /// The equivalent command line (shell-quoted where needed).
    public var commandLine: String {
        func quote(_ s: String) -> String {
            let safe = s.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-=+:,/".unicodeScalars.contains($0) }
            return safe ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        var parts = ["coevo", "run", "--scenario", quote(scenario), "--seed", String(seed)]
        for o in overrides { parts += ["--set", quote(o)] }
        return parts.joined(separator: " ")
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}
