// One big run on several cores (issue 14): a per-firm pass split into fixed chunks of slots, run
// on `Model.threads` threads. Only passes that are maps are split this way: each firm's slot is
// written by its own iteration only, everything else read is fixed for the pass, and every random
// number is keyed by (seed, stream, period, firm id) (CounterRandom.swift). Such a pass computes
// the same bits whatever the thread count and whichever thread runs which chunk; passes that sum
// over firms stay on one thread, so their summation order never changes.

import Dispatch

/// Runs `body(chunk, range)` for the chunks `0..<count` cut into ranges of `chunkSize`, on up to
/// `threads` threads (on the calling thread alone when `threads` is 1 or there is one chunk);
/// chunk c is handed to thread c mod `threads`. `body` must write nothing that another chunk
/// reads or writes; it may write per-chunk results indexed by `chunk` (partial sums, say, to be
/// combined in chunk order: then the result is the same bits for every thread count).
public func forEachChunk(count: Int, chunkSize: Int, threads: Int, _ body: (_ chunk: Int, _ range: Range<Int>) -> Void) {
    precondition(chunkSize > 0)
    let chunks = (count + chunkSize - 1) / chunkSize
    let workers = min(max(threads, 1), chunks)
    guard workers > 1 else {
        for c in 0..<chunks { body(c, c * chunkSize ..< min(count, (c + 1) * chunkSize)) }
        return
    }
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var c = worker
            while c < chunks {
                shared.value(c, c * chunkSize ..< min(count, (c + 1) * chunkSize))
                c += workers
            }
        }
    }
}

/// Runs `first` and `second` at the same time, on two threads (`forEachChunk` with two chunks of
/// one). Neither may write anything the other reads or writes.
public func sideBySide(_ first: () -> Void, _ second: () -> Void) {
    forEachChunk(count: 2, chunkSize: 1, threads: 2) { task, _ in if task == 0 { first() } else { second() } }
}

/// A value being computed on another thread while the caller goes on; `wait()` returns it. The
/// work runs on a queue of its own, not the global pool: a private queue gets a thread at once, so
/// a waiter that is itself on a pool thread cannot starve it. The work (and whatever it captured,
/// e.g. a copy of the model) is released before the result is handed over, so the caller's arrays
/// are not shared after the wait and its next write does not copy them.
public final class PendingResult<T: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var result: T?
    private var work: (@Sendable () -> T)?

    public init(label: String, _ work: @escaping @Sendable () -> T) {
        self.work = work
        group.enter()
        DispatchQueue(label: label).async { [self] in
            result = self.work!()
            self.work = nil
            group.leave()
        }
    }

    public func wait() -> T {
        group.wait()
        return result!
    }
}

extension Model {
    /// Firms per chunk: large enough that a chunk's work dwarfs the hand-off, small enough that two
    /// threads share a pass evenly.
    static let firmsPerChunk = 16_384

    /// Runs `body` over the slots 0..<n, in chunks of `firmsPerChunk`, on up to `threads` threads
    /// (in one call on the calling thread when `threads` is 1). `body` must write nothing but
    /// per-firm values of the slots in its range, and read nothing that another chunk writes
    /// during the pass.
    func forEachFirmChunk(_ n: Int, _ body: (Range<Int>) -> Void) {
        guard threads > 1, n > Model.firmsPerChunk else { if n > 0 { body(0..<n) }; return }
        forEachChunk(count: n, chunkSize: Model.firmsPerChunk, threads: threads) { _, slots in body(slots) }
    }
}

/// A value handed to other threads under the contract of `forEachChunk`.
private struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
