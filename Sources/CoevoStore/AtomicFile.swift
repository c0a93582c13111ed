import CoevoFiles
import Foundation

/// Writes `data` to `url` so that readers see either the old file or the complete new one, never a
/// partial file (``CoevoFiles/AtomicFile``: temporary in the same directory, `fsync`, rename,
/// directory sync; the temporary is removed if anything fails).
public func atomicWrite(data: Data, to url: URL) throws {
    do { try AtomicFile.write(data, to: url) }
    catch { throw StoreError(error.description) }
}
