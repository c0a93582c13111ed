import Foundation

/// Writes a file under a temporary name in the same directory and renames it over the target,
/// so readers never see a partial file.
enum AtomicFile {
    static func write(_ text: String, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(text.utf8).write(to: temp)
        } catch {
            throw ReportError.file(temp.path, "cannot be written (\(error.localizedDescription))")
        }
        guard rename(temp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw ReportError.file(url.path, "cannot be replaced by the finished report (\(reason))")
        }
    }
}
