// The one home of crash-safe file replacement, shared by CoevoStore, CoevoReport and
// CoevoEmpirics (no dependencies).

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation that failed: one line naming the path, what was expected and what was found.
public struct FileOperationError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let operation: String
    public let reason: String
    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }
    public init(path: String, operation: String, errno code: Int32) {
        self.init(path: path, operation: operation, reason: String(cString: strerror(code)))
    }
    public var description: String { "\(path): \(operation) failed: \(reason)" }
}

/// Writes a file so that readers see either the old file or the complete new one, never a
/// partial file: the bytes go to a hidden temporary in the same directory, are flushed to disk
/// (`fsync`), and the temporary is renamed over the target; the directory is then synced so the
/// rename itself survives a crash. The temporary is removed if anything fails.
public enum AtomicFile {
    public static func write(_ text: String, to url: URL) throws(FileOperationError) {
        try write(Data(text.utf8), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws(FileOperationError) {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do throws(FileOperationError) {
            let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw FileOperationError(path: temporary.path, operation: "create", errno: errno) }
            var failure: FileOperationError?
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                var offset = 0
                while offset < raw.count {
                    let n = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = FileOperationError(path: temporary.path, operation: "write", errno: errno)
                        return
                    }
                    offset += n
                }
            }
            if failure == nil, fsync(fd) != 0 { failure = FileOperationError(path: temporary.path, operation: "fsync", errno: errno) }
            close(fd)
            if let failure { throw failure }
            try FileDurability.rename(temporary, to: url)
            FileDurability.syncDirectory(directory)
        } catch {
            FileDurability.removeIfPresent(temporary)
            throw error
        }
    }
}

/// Small POSIX helpers for crash-safe file replacement.
public enum FileDurability {
    /// Flushes a file's contents to disk.
    public static func syncFile(_ url: URL) throws(FileOperationError) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw FileOperationError(path: url.path, operation: "open for fsync", errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileOperationError(path: url.path, operation: "fsync", errno: errno) }
    }

    /// Flushes a directory entry table, making earlier renames in it durable. Best effort: some
    /// file systems refuse fsync on directories.
    public static func syncDirectory(_ url: URL) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Atomically renames `source` to `destination`, replacing it if present.
    public static func rename(_ source: URL, to destination: URL) throws(FileOperationError) {
        guard posixRename(source.path, destination.path) == 0 else {
            throw FileOperationError(path: source.path, operation: "rename to \(destination.lastPathComponent)", errno: errno)
        }
    }

    /// Removes a file; a missing file is fine.
    public static func removeIfPresent(_ url: URL) {
        _ = unlink(url.path)
    }

    /// Removes a file, throwing on any failure other than "does not exist".
    public static func remove(_ url: URL) throws(FileOperationError) {
        if unlink(url.path) != 0, errno != ENOENT {
            throw FileOperationError(path: url.path, operation: "remove", errno: errno)
        }
    }
}

/// `rename(2)` (inside ``FileDurability`` the name is taken by its own method).
private func posixRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }

/// `write(2)` (inside ``AtomicFile`` the name is taken by its own method).
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
