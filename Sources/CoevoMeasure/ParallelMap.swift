// Independent tasks on several threads, results in task order: each task is deterministic, so what
// comes back does not depend on the number of threads. Used by sweeps and experiments (runs) and
// by the estimators (regressions, and the parts of one that do not depend on each other).

import Foundation

/// `body(i)` for every i in 0..<count, on up to `jobs` threads (tasks taken in order as threads
/// free up); the results in index order.
public func parallelMap<T>(count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = TaskSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while let i = slots.claim() { slots.set(i, body(i)) }
    }
    return slots.values()
}

/// `first()` and `second()` side by side on two threads when `jobs` ≥ 2, else one after the other
/// on the calling thread; both results. Neither may write anything the other reads.
public func inParallel<A, B>(jobs: Int, _ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    guard jobs >= 2 else { return (first(), second()) }
    let a = TaskSlots<A>(count: 1), b = TaskSlots<B>(count: 1)
    DispatchQueue.concurrentPerform(iterations: 2) { i in
        if i == 0 { a.set(0, first()) } else { b.set(0, second()) }
    }
    return (a.values()[0], b.values()[0])
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
