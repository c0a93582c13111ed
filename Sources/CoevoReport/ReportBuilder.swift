import Foundation

/// Entry point: builds `DIR/report.html` from any output directory that a `ReportSource`
/// recognizes.
public enum ReportBuilder {
    /// The output kinds known, tried in order; the first that recognizes a directory reads it.
    public static let sources: [any ReportSource.Type] = [SensitivityReportSource.self, DecompositionReportSource.self, CalibrationReportSource.self, RunReportSource.self, SweepReportSource.self]

    /// Name of the report file written into the directory.
    public static let fileName = "report.html"

    /// Reads `directory`, builds the report in `lang`, writes `directory/report.html` atomically
    /// (temporary name, then rename) and returns its URL. Throws `ReportError` (one line) when the
    /// directory is missing, is of no known kind, or holds malformed files.
    @discardableResult
    public static func runReport(directory: URL, lang: ReportLanguage = .en) throws -> URL {
        let html = try html(directory: directory, lang: lang)
        let target = directory.appendingPathComponent(fileName)
        try ReportFile.write(html, to: target)
        return target
    }

    /// The report page for `directory` as a string, without writing anything.
    public static func html(directory: URL, lang: ReportLanguage = .en) throws -> String {
        HTMLRenderer.render(try document(directory: directory, lang: lang))
    }

    /// The report of `directory` as a document (for tests, or to render charts elsewhere).
    public static func document(directory: URL, lang: ReportLanguage = .en) throws -> ReportDocument {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            throw ReportError.file(directory.path, "expected an output directory, found none")
        }
        for source in sources where source.recognizes(directory) {
            return try source.load(directory: directory).document(ReportStrings(lang))
        }
        let expected = sources.map { "\($0.kind) (\($0.markerFiles.joined(separator: " + ")))" }.joined(separator: "; ")
        throw ReportError.file(directory.path, "expected the files of a known output kind: \(expected); found none of these sets")
    }
}
