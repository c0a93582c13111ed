/// An input problem found while building a report. `description` is one line naming the file
/// (and line or key), what was expected and what was found; the CLI prints it and exits 2.
public struct ReportError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }

    static func file(_ path: String, line: Int? = nil, _ message: String) -> ReportError {
        if let line { return ReportError("\(path) line \(line): \(message)") }
        return ReportError("\(path): \(message)")
    }
}
