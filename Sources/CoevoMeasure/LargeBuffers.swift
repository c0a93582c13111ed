// Large zero-filled buffers backed by huge pages where the kernel offers them.
//
// A buffer of tens of megabytes, filled once and then swept many times (the firm store's columns at
// a million firms), costs one page fault per 4 KB page the first
// time it is touched: 27,000 faults for the 110 MB panel of a 20,000-firm run, about as long as
// the sweeps themselves. Linux backs 2 MB-aligned ranges with transparent huge pages when the
// system's setting is `always`, or `madvise` (the Debian default) and the range was advised, so
// advising before the first touch turns those faults into 2 MB ones, and cuts TLB misses on every
// later sweep. Elsewhere (or with THP `never`) the advice is a no-op. Values are unaffected.
//
// It is not free: with `defrag` at `madvise` (the Debian default) an advised fault may compact
// memory first. The regression's interleaved matrices (2 × 112 MB at 20,000 firms) were advised
// until 2026-12-07 and took 0.25–0.45 s to fill on a machine up for hours, against 0.11 s unadvised
// (docs/PERFORMANCE.md); they are no longer advised.

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
