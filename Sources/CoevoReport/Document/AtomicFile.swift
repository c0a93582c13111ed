import CoevoFiles
import Foundation

/// Writes the report through ``CoevoFiles/AtomicFile`` (temporary name, fsync, rename), so
/// readers never see a partial file; failures become one-line ``ReportError``s.
enum ReportFile {
    static func write(_ text: String, to url: URL) throws {
        do { try AtomicFile.write(text, to: url) }
        catch { throw ReportError.file(error.path, "cannot be written (\(error.operation) failed: \(error.reason))") }
    }
}
