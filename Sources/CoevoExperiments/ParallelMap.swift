// Independent runs on several threads, results in task order: each run is deterministic for its
// seed, so what comes back does not depend on the number of threads.

import Foundation

/// `body(i)` for every i in 0..<count, on up to `jobs` threads (tasks taken in order as threads
/// free up); the results in index order.
func parallelMap<T>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = TaskSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while let i = slots.claim() { slots.set(i, body(i)) }
    }
    return slots.values()
}

/// The next task number and the results, under one lock.
private final class TaskSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private var next = 0
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }
    func set(_ i: Int, _ v: T) { lock.lock(); slots[i] = v; lock.unlock() }
    func values() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
}
