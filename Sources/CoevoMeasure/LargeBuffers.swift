// Huge pages for large buffers where the kernel offers them.
//
// A buffer of tens of megabytes, filled once and then swept many times (the firm store's columns at
// a million firms: 8 MB each), costs one page fault per 4 KB page the first time it is touched.
// Linux backs 2 MB-aligned ranges with transparent huge pages when the system's setting is
// `always`, or `madvise` (the Debian default) and the range was advised, so advising before the
// first touch turns those faults into 2 MB ones, and cuts TLB misses on every later sweep.
// Elsewhere (or with THP `never`) the advice is a no-op. Values are unaffected.
//
// It is not free: with `defrag` at `madvise` (the Debian default) an advised fault may compact
// memory first, and memory is rounded up to 2 MB. The regression's interleaved matrices (2 × 112
// MB at 20,000 firms) were advised until 2026-12-07 and took 0.25–0.45 s to fill on a machine up
// for hours, against 0.11 s unadvised (docs/PERFORMANCE.md, eighth session); they are no longer
// advised. For the firm columns, measured the same day: 1,000,000 firms × 12 quarters 1.7% faster
// advised (17.15 s against 17.46 s) but 68 MB more at the peak; 400,000 × 20 4% slower advised.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Buffers below this size are left to the allocator as they come.
let hugePageThreshold = 4 << 20

/// Advises the kernel to back the 2 MB-aligned part of `[start, start + bytes)` with huge pages
/// (Linux `madvise(MADV_HUGEPAGE)`); call it before the memory is first written. Does nothing for
/// buffers under 4 MB or on other systems.
public func adviseHugePages(_ start: UnsafeMutableRawPointer, bytes: Int) {
    #if os(Linux) && (canImport(Glibc) || canImport(Musl))
    guard bytes >= hugePageThreshold else { return }
    let huge = 2 << 20
    let first = (Int(bitPattern: start) + huge - 1) & ~(huge - 1)
    let end = (Int(bitPattern: start) + bytes) & ~(huge - 1)
    guard end > first, let p = UnsafeMutableRawPointer(bitPattern: first) else { return }
    _ = madvise(p, end - first, MADV_HUGEPAGE)
    #endif
}
