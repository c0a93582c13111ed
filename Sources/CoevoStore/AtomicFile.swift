import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes `data` to `url` so that readers see either the old file or the complete new one, never a
/// partial file: the bytes go to a temporary file in the same directory, are flushed to disk
/// (`fsync`), and the temporary is renamed over `url`; the directory is then synced so the rename
/// itself survives a crash. The temporary is removed if anything fails.
public func atomicWrite(data: Data, to url: URL) throws {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
        ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    do {
        let writer = try BufferedFileWriter(creatingAt: temporary, exclusive: true)
        writer.write(data)
        try writer.close(sync: true)
        try FileDurability.rename(temporary, to: url)
        try FileDurability.syncDirectory(directory)
    } catch {
        FileDurability.removeIfPresent(temporary)
        throw error
    }
}

/// Small POSIX helpers for crash-safe file replacement.
enum FileDurability {
    /// Flushes a file's contents to disk.
    static func syncFile(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw StoreError.system("open for fsync", path: url.path, errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw StoreError.system("fsync", path: url.path, errno: errno) }
    }

    /// Flushes a directory entry table, making earlier renames in it durable. Best effort: some
    /// file systems refuse fsync on directories, which is not an error for our purposes.
    static func syncDirectory(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw StoreError.system("open directory for fsync", path: url.path, errno: errno) }
        defer { close(fd) }
        _ = fsync(fd)
    }

    /// Atomically renames `source` to `destination`, replacing it if present.
    static func rename(_ source: URL, to destination: URL) throws {
        guard posixRename(source.path, destination.path) == 0 else {
            throw StoreError.system("rename to \(destination.lastPathComponent)", path: source.path, errno: errno)
        }
    }

    /// Removes a file; a missing file is fine.
    static func removeIfPresent(_ url: URL) {
        _ = unlink(url.path)
    }

    /// Removes a file, throwing on any failure other than "does not exist".
    static func remove(_ url: URL) throws {
        if unlink(url.path) != 0, errno != ENOENT {
            throw StoreError.system("remove", path: url.path, errno: errno)
        }
    }
}

/// `rename(2)` (inside ``FileDurability`` the name is taken by its own method).
private func posixRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
