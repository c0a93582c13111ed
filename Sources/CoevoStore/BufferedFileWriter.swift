import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only file writer with a fixed in-memory buffer (default 1 MiB) that is handed to the
/// kernel with `write(2)` whenever it fills, so memory stays bounded however large the file grows.
///
/// Appends never fail; the first write error is remembered and thrown by the next ``flush()`` or
/// ``close(sync:)``. Not thread-safe: use from one thread at a time.
final class BufferedFileWriter {
    let url: URL
    private var fd: Int32
    private var buffer: [UInt8]
    private let capacity: Int
    private var pendingError: StoreError?

    /// Creates (truncating) the file at `url`, or fails if it exists and `exclusive` is true.
    init(creatingAt url: URL, exclusive: Bool = false, capacity: Int = 1 << 20) throws {
        self.url = url
        self.capacity = max(capacity, 4096)
        var flags = O_WRONLY | O_CREAT | O_TRUNC
        if exclusive { flags |= O_EXCL }
        fd = open(url.path, flags | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.system("create", path: url.path, errno: errno) }
        buffer = []
        buffer.reserveCapacity(self.capacity)
    }

    deinit {
        if fd >= 0 { _ = posixClose(fd) }
    }

    /// Appends the UTF-8 bytes of `string`.
    func write(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// Appends raw bytes.
    func write(_ data: Data) {
        data.withUnsafeBytes { raw in append(raw.bindMemory(to: UInt8.self)) }
    }

    /// Appends one ASCII byte.
    func write(byte: UInt8) {
        if buffer.count >= capacity { drain() }
        buffer.append(byte)
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if buffer.count + bytes.count > capacity { drain() }
        if bytes.count >= capacity {
            writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Hands the buffer to the kernel.
    func flush() throws {
        drain()
        if let pendingError { throw pendingError }
    }

    /// Flushes, optionally `fsync`s, and closes the file. Calling it again does nothing.
    func close(sync: Bool) throws {
        guard fd >= 0 else { return }
        drain()
        if pendingError == nil, sync, fsync(fd) != 0 {
            pendingError = StoreError.system("fsync", path: url.path, errno: errno)
        }
        if posixClose(fd) != 0, pendingError == nil {
            pendingError = StoreError.system("close", path: url.path, errno: errno)
        }
        fd = -1
        if let pendingError { throw pendingError }
    }

    private func drain() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBufferPointer { writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard pendingError == nil, fd >= 0, var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = posixWrite(fd, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                pendingError = StoreError.system("write", path: url.path, errno: errno)
                return
            }
            remaining -= written
            base += written
        }
    }
}

// File-scope wrappers: inside the class, `write` and `close` name its own methods.

/// `close(2)`.
private func posixClose(_ fd: Int32) -> Int32 { close(fd) }

/// `write(2)`.
private func posixWrite(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int { write(fd, bytes, count) }
