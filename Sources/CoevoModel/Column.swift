// One column of the firm store: a growable buffer of plain values with reference semantics, so
// hot loops read and write it without the copy-on-write uniqueness checks that nested Swift
// arrays cost on every store (measured: ~8% of all instructions; see the benchmark in the README).

/// A contiguous, growable buffer of trivially copyable values. Reference type: a `FirmStore` copy
/// shares its columns (the model is used by one owner at a time; see `Model`).
public final class Column<Element: BitwiseCopyable>: @unchecked Sendable, RandomAccessCollection, MutableCollection {
    @usableFromInline @exclusivity(unchecked) var base: UnsafeMutablePointer<Element>
    @usableFromInline @exclusivity(unchecked) var capacity: Int
    @exclusivity(unchecked) public private(set) var count = 0

    public init() {
        capacity = 16
        base = Column.allocate(capacity)
    }
    /// `n` copies of `value`. Also the scratch sums of hot loops: a write through a `Column` has
    /// neither the uniqueness check nor the bounds check of a local `Array` (which the optimiser
    /// does not always hoist out of a loop that writes many arrays).
    public convenience init(repeating value: Element, count n: Int) {
        self.init()
        append(repeating: value, count: n)
    }
    deinit { free(base) }

    /// Storage for `n` values. A large buffer (≥ 4 MB) is aligned to 2 MB and marked for
    /// transparent huge pages: the random reads of partners' and villages' values then miss the
    /// TLB far less often (a 10⁶-firm model spans ~1.3 GB). Freed with `free`.
    static func allocate(_ n: Int) -> UnsafeMutablePointer<Element> {
        let bytes = Swift.max(n, 1) * MemoryLayout<Element>.stride
        let hugePage = 2 << 20
        var raw: UnsafeMutableRawPointer?
        if bytes >= 2 * hugePage {
            let rounded = (bytes + hugePage - 1) / hugePage * hugePage
            guard posix_memalign(&raw, hugePage, rounded) == 0, let r = raw else { fatalError("Column: out of memory (\(rounded) bytes)") }
            #if os(Linux)
            _ = madvise(r, rounded, MADV_HUGEPAGE)
            #endif
            return r.bindMemory(to: Element.self, capacity: n)
        }
        guard posix_memalign(&raw, Swift.max(16, MemoryLayout<Element>.alignment), bytes) == 0, let r = raw else { fatalError("Column: out of memory (\(bytes) bytes)") }
        return r.bindMemory(to: Element.self, capacity: n)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable public subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    /// Appends `n` copies of `value`.
    public func append(repeating value: Element, count n: Int) {
        reserve(count + n)
        (base + count).initialize(repeating: value, count: n)
        count += n
    }

    /// Drops the last `k` values.
    public func removeLast(_ k: Int) { count -= Swift.min(k, count) }

    public func reserve(_ n: Int) {
        guard n > capacity else { return }
        let newCapacity = Swift.max(n, capacity * 2)
        let fresh = Column.allocate(newCapacity)
        fresh.moveInitialize(from: base, count: count)
        free(base)
        base = fresh
        capacity = newCapacity
    }

    /// Direct access for tight loops; valid only inside `body`.
    public func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: base, count: count))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
