import Foundation

/// One kind of output directory that can be reported on (a `coevo run` output today; sweep and
/// `coevo measure` outputs are added by writing another conforming type and listing it in
/// `ReportBuilder.sources`). A source reads its own files and builds a `ReportDocument`.
public protocol ReportSource: Sendable {
    /// Short name of the output kind, e.g. "run".
    static var kind: String { get }
    /// The files whose presence marks this kind of output (all must exist), relative to the directory.
    static var markerFiles: [String] { get }
    /// Reads the directory; input problems throw `ReportError`.
    static func load(directory: URL) throws -> Self
    /// The report in the given language.
    func document(_ strings: ReportStrings) -> ReportDocument
}

extension ReportSource {
    /// True when every marker file exists in `directory`.
    public static func recognizes(_ directory: URL) -> Bool {
        markerFiles.allSatisfy { FileManager.default.fileExists(atPath: directory.appendingPathComponent($0).path) }
    }
}
