// Errors in scenario input: one line naming the file, the line or key, what was expected and
// what was found (DEVELOPERS.md: bad input → one clear line, exit status 2, nothing written).

import CoevoModel

public struct ScenarioError: Error, CustomStringConvertible, Sendable, Equatable {
    public var source: String
    public var line: Int?
    public var message: String

    /// Line breaks in the message (a block-scalar value echoed back) are shown as `⏎`, so the
    /// message stays one line.
    public init(source: String, line: Int? = nil, message: String) {
        self.source = source; self.line = line
        self.message = message.contains(where: { $0.isNewline })
            ? String(message.map { $0.isNewline ? "⏎" : $0 }) : message
    }

    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
