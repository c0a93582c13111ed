// Errors in scenario input: one line naming the file, the line or key, what was expected and
// what was found (DEVELOPERS.md: bad input → one clear line, exit status 2, nothing written).

import CoevoModel

public struct ScenarioError: Error, CustomStringConvertible, Sendable, Equatable {
    public var source: String
    public var line: Int?
    public var message: String

    public init(source: String, line: Int? = nil, message: String) {
        self.source = source; self.line = line; self.message = message
    }

    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
