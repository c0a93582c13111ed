// One big run on several cores (issue 14): a per-firm pass split into fixed chunks of slots, run
// on `Model.threads` threads. Only passes that are maps are split this way: each firm's slot is
// written by its own iteration only, everything else read is fixed for the pass, and every random
// number is keyed by (seed, stream, period, firm id) (CounterRandom.swift). Such a pass computes
// the same bits whatever the thread count and whichever thread runs which chunk; passes that sum
// over firms stay on one thread, so their summation order never changes.

import Dispatch

extension Model {
    /// Firms per chunk: large enough that a chunk's work dwarfs the hand-off, small enough that two
    /// threads share a pass evenly.
    static let firmsPerChunk = 16_384

    /// Runs `body` over the slots 0..<n, in chunks of `firmsPerChunk`, on up to `threads` threads
    /// (on the calling thread alone when `threads` is 1 or there is one chunk). `body` must write
    /// nothing but per-firm values of the slots in its range, and read nothing that another
    /// chunk writes during the pass.
    func forEachFirmChunk(_ n: Int, _ body: (Range<Int>) -> Void) {
        let chunks = (n + Model.firmsPerChunk - 1) / Model.firmsPerChunk
        let workers = min(threads, chunks)
        guard workers > 1 else { if n > 0 { body(0..<n) }; return }
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var chunk = worker
                while chunk < chunks {
                    shared.value(chunk * Model.firmsPerChunk ..< min(n, (chunk + 1) * Model.firmsPerChunk))
                    chunk += workers
                }
            }
        }
    }
}

/// A value handed to other threads under the contract of `forEachFirmChunk`.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
