// The memory-bandwidth bound of a quarter (issue 14, benchmark (c)): how long one streaming read
// of the whole firm state takes on this machine, measured in the benchmark's own process, so the
// model's time per quarter can be quoted as a multiple of it.

import Foundation

public enum StreamBandwidth {
    /// Best of `repeats` read passes over a buffer of `bytes` bytes (8-byte words summed into
    /// four accumulators, so the loop is bound by memory, not by the additions): seconds per pass
    /// and bytes per second.
    public static func readPass(bytes: Int, repeats: Int = 5) -> (seconds: Double, bytesPerSecond: Double) {
        let words = max(bytes / 8, 1024)
        let buffer = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        defer { buffer.deallocate() }
        for i in 0..<words { buffer[i] = UInt64(truncatingIfNeeded: i &* 0x9E37_79B9) }   // touch every page
        let clock = ContinuousClock()
        var best = Double.infinity, sink: UInt64 = 0
        for _ in 0..<repeats {
            let start = clock.now
            var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0, d: UInt64 = 0
            var i = 0
            while i + 4 <= words {
                a &+= buffer[i]; b &+= buffer[i + 1]; c &+= buffer[i + 2]; d &+= buffer[i + 3]
                i += 4
            }
            while i < words { a &+= buffer[i]; i += 1 }
            sink &+= a &+ b &+ c &+ d
            best = min(best, (clock.now - start).seconds)
        }
        if sink == 42 { print("", terminator: "") }   // keeps the sums alive
        return (best, Double(words * 8) / best)
    }
}
