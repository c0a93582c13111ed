// The firm store's column buffer: values survive growth (including the move from a small
// allocation to a staggered large one), and large columns start at different cache-line offsets
// within their pages, so that columns swept side by side do not alias in the cache.

@testable import CoevoModel
import Testing

@Suite struct ColumnTests {
    @Test func valuesSurviveGrowthPastTheStaggeringThreshold() {
        let column = Column<Double>()
        let n = 3 * staggeredColumnBytes / MemoryLayout<Double>.stride
        for i in 0..<n { column.append(repeating: Double(i) * 0.5, count: 1) }
        #expect(column.count == n)
        #expect((0..<n).allSatisfy { column[$0] == Double($0) * 0.5 })
        column.removeLast(n - 10)
        #expect(Array(column) == (0..<10).map { Double($0) * 0.5 })
        // Every element of a large column is addressable to its last byte.
        let big = Column<UInt8>(repeating: 7, count: staggeredColumnBytes + 1)
        big[big.count - 1] = 9
        #expect(big[0] == 7 && big[big.count - 1] == 9)
    }

    @Test func largeColumnsStartAtStaggeredOffsetsWithinTheirPages() {
        // Sixteen large columns allocated one after another (reserved, never touched: 40 MB each is
        // above glibc's largest mmap threshold, 32 MB, so every block is mapped afresh and, without
        // the staggering, starts at the same offset in its page whatever the process did before).
        let columns = (0..<16).map { _ in Column<UInt8>() }
        for column in columns { column.reserve(40 << 20) }
        let offsets = Set(columns.map { Int(bitPattern: $0.base) & 4095 })
        #expect(columns.allSatisfy { Int(bitPattern: $0.base) % 64 == 0 })
        #expect(offsets.count >= 8, "page offsets \(offsets.sorted())")
    }
}
