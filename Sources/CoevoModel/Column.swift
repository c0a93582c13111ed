// One column of the firm store: a growable buffer of plain values with reference semantics, so
// hot loops read and write it without the copy-on-write uniqueness checks that nested Swift
// arrays cost on every store (measured: ~8% of all instructions; see the benchmark in the README).

/// A contiguous, growable buffer of trivially copyable values. Reference type: a `FirmStore` copy
/// shares its columns (the model is used by one owner at a time; see `Model`).
public final class Column<Element: BitwiseCopyable>: @unchecked Sendable, RandomAccessCollection, MutableCollection {
    /// The first element (valid until the next append or reserve): the fast path of hot loops.
    @exclusivity(unchecked) public private(set) var base: UnsafeMutablePointer<Element>
    /// The allocation `base` lies in (at an offset, see `Column.allocate`).
    private var allocation: UnsafeMutableRawPointer
    @usableFromInline @exclusivity(unchecked) var capacity: Int
    @exclusivity(unchecked) public private(set) var count = 0

    public init() {
        capacity = 16
        (allocation, base) = Self.allocate(capacity: capacity)
    }
    /// `n` copies of `value`. Also the scratch sums of hot loops: a write through a `Column` has
    /// neither the uniqueness check nor the bounds check of a local `Array` (which the optimiser
    /// does not always hoist out of a loop that writes many arrays).
    public convenience init(repeating value: Element, count n: Int) {
        self.init()
        append(repeating: value, count: n)
    }
    deinit { allocation.deallocate() }

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
        let (raw, fresh) = Self.allocate(capacity: newCapacity)
        // Columns of a million-firm run span megabytes and are swept every quarter: huge pages cut
        // their page faults and TLB misses (a no-op for small columns and off Linux).
        adviseHugePages(UnsafeMutableRawPointer(fresh), bytes: newCapacity * MemoryLayout<Element>.stride)
        fresh.moveInitialize(from: base, count: count)
        allocation.deallocate()
        allocation = raw
        base = fresh
        capacity = newCapacity
    }

    /// Memory for `capacity` elements. A large column starts at one of 64 cache-line offsets
    /// within a 4 KB page, chosen from the allocation's page number: the allocator maps every
    /// large block afresh at the same offset in its page, so without this the firm columns a
    /// loop reads side by side at the same index would all fall in the same cache set and alias
    /// each other's loads and stores (measured, paired: the simulation 10–17% faster at 20,000 and
    /// 200,000 firms, 20% at 1,000,000 × 20 quarters; docs/PERFORMANCE.md, ninth session). The
    /// offset changes no value.
    private static func allocate(capacity: Int) -> (UnsafeMutableRawPointer, UnsafeMutablePointer<Element>) {
        let bytes = capacity * MemoryLayout<Element>.stride
        let alignment = Swift.max(MemoryLayout<Element>.alignment, 64)
        guard bytes >= staggeredColumnBytes else {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(bytes, 1), alignment: alignment)
            return (raw, raw.bindMemory(to: Element.self, capacity: capacity))
        }
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes + 4096, alignment: alignment)
        let offset = ((Int(bitPattern: raw) >> 12) & 63) * 64
        return (raw, (raw + offset).bindMemory(to: Element.self, capacity: capacity))
    }

    /// Direct access for tight loops; valid only inside `body`.
    public func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: base, count: count))
    }
}

/// Columns from this size on start at a staggered offset (`Column.allocate`).
let staggeredColumnBytes = 64 << 10

import CoevoMeasure
