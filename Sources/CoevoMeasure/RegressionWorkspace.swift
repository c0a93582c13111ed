// Memory for the external-economies regression's matrices, allocated and first written ahead of
// the estimate.
//
// The regression's interleaved matrices are the largest buffers a run allocates after its
// simulation (two of 112 MB at 20,000 firms × 80 quarters), and fresh pages cost a page fault
// each on their first write: about a third of the design's time. A caller that knows roughly how
// large they will be, and has an idle core before the panel is complete (`coevo run`: the
// simulation runs on one thread at 20,000 firms), can build a workspace there; the estimate then
// fills pages that are already mapped. The values are the same either way: every element of a
// matrix is written by the fill, whichever memory it goes into.

/// Zeroed buffers of `elements` doubles each, written once on creation (so their pages are mapped),
/// that `estimateExternality(_:bootstrapDraws:seed:confidenceLevel:tolerance:jobs:workspace:)`
/// uses for its panels' matrices, in order, where they are large enough; a matrix that does not fit
/// gets fresh memory as without a workspace. Each buffer is handed out once; the estimate lets go
/// of those it did not take once its matrices are made.
public final class RegressionWorkspace: @unchecked Sendable {
    private var buffers: [[Double]]
    private let lock = NSLock()
    /// Buffers handed out so far (for tests).
    private(set) var handedOut = 0

    /// `matrices` buffers of `elements` doubles (rows × columns of the matrix they are for).
    public convenience init(matrices: Int, elements: Int) { self.init(matrices: matrices, elements: elements, filling: 0) }

    /// With every element `filling` (tests fill with NaN: an element the estimate did not write
    /// would show).
    init(matrices: Int, elements: Int, filling: Double) {
        buffers = (0..<max(0, matrices)).map { _ in [Double](repeating: filling, count: max(0, elements)) }
    }

    /// Lets go of the buffers not taken (a guess too small, or a matrix that did not need one), so
    /// they do not stay in memory through the estimate.
    func releaseRemaining() {
        lock.lock()
        defer { lock.unlock() }
        buffers = []
    }

    /// Buffer `index`, moved out (empty if it was taken, or there is none), when it holds at least
    /// `elements` doubles; it is then cut to exactly `elements` (its contents are unspecified).
    func take(_ index: Int, elements: Int) -> [Double]? {
        lock.lock()
        defer { lock.unlock() }
        guard index < buffers.count, buffers[index].count >= elements else { return nil }
        var out: [Double] = []
        swap(&out, &buffers[index])
        handedOut += 1
        out.removeLast(out.count - elements)
        return out
    }
}

import Foundation
