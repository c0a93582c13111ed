import CoevoExperiments
import CoevoModel
import CoevoReport
import Foundation

/// The server's runs: a FIFO queue executed one at a time on a dedicated worker thread (never on
/// the event loop or the Swift concurrency pool, since a run is long synchronous computation).
///
/// Contract:
/// - ``submit(_:)`` allocates the run's id and directory in the ``RunStore`` and queues it; it
///   throws ``QueueFull`` when ``maxQueued`` runs are already waiting.
/// - At most one run executes at any time; runs start in submission order.
/// - ``progress(of:)`` reports queued (with position), running (period, firms, stage), finished
///   or failed for runs of this process, and the on-disk state for older runs.
/// - A finished run's directory holds the run files and `report.html`; a failed one `error.txt`.
public final class RunQueue: @unchecked Sendable {
    public let store: RunStore
    public let maxQueued: Int

    struct Job {
        var id: Int
        var scenario: Scenario
        var request: RunRequest
    }

    /// Guards every variable below.
    private let condition = NSCondition()
    private var waiting: [Job] = []
    private var live: [Int: RunProgress] = [:]
    private var paused: Bool
    private var stopped = false
    private var workerStarted = false
    private var order: [Int] = []

    /// - Parameter paused: when true, queued runs wait until ``resume()`` (tests use this to
    ///   observe the queue deterministically).
    public init(store: RunStore, maxQueued: Int, paused: Bool = false) {
        self.store = store
        self.maxQueued = maxQueued
        self.paused = paused
    }

    /// The queue is full: `maxQueued` runs are waiting.
    public struct QueueFull: Error, CustomStringConvertible, Sendable {
        public var maxQueued: Int
        public var description: String {
            "queue: expected fewer than \(maxQueued) runs waiting, found \(maxQueued); try again when one has started"
        }
    }

    /// Queues a validated submission and returns its run id. Starts the worker on first use.
    public func submit(_ submission: RunSubmission) throws -> Int {
        condition.lock()
        defer { condition.unlock() }
        guard waiting.count < maxQueued else { throw QueueFull(maxQueued: maxQueued) }
        let id = try store.create(submission.request)
        waiting.append(Job(id: id, scenario: submission.scenario, request: submission.request))
        if !workerStarted { startWorker() }
        condition.broadcast()
        return id
    }

    /// Lets a paused queue run.
    public func resume() {
        condition.lock(); paused = false; condition.broadcast(); condition.unlock()
    }

    /// Stops the worker after the current run; runs still waiting stay unexecuted (they show as
    /// interrupted after a restart).
    public func stop() {
        condition.lock(); stopped = true; condition.broadcast(); condition.unlock()
    }

    /// Whether ``stop()`` was called (the server is shutting down).
    public var isStopped: Bool {
        condition.lock(); defer { condition.unlock() }
        return stopped
    }

    /// Ids of runs in the order they started executing (this process).
    public var executionOrder: [Int] {
        condition.lock(); defer { condition.unlock() }
        return order
    }

    /// Number of runs waiting (not counting the running one).
    public var waitingCount: Int {
        condition.lock(); defer { condition.unlock() }
        return waiting.count
    }

    /// The id of the running run, if any.
    public var runningID: Int? {
        condition.lock(); defer { condition.unlock() }
        return live.values.first { $0.state == .running }?.id
    }

    /// The state of run `id`, or nil if no such run exists.
    public func progress(of id: Int) -> RunProgress? {
        condition.lock()
        if let position = waiting.firstIndex(where: { $0.id == id }) {
            let job = waiting[position]
            condition.unlock()
            return RunProgress(id: id, state: .queued, position: position, periods: job.request.periods)
        }
        if let p = live[id] {
            condition.unlock()
            return p
        }
        condition.unlock()
        guard store.exists(id) else { return nil }
        let periods = store.request(of: id)?.periods ?? 0
        switch store.diskState(of: id) {
        case .finished: return RunProgress(id: id, state: .finished, period: periods, periods: periods)
        case .failed: return RunProgress(id: id, state: .failed, periods: periods, message: store.failureMessage(of: id))
        default: return RunProgress(id: id, state: .interrupted, periods: periods)
        }
    }

    private func startWorker() {
        workerStarted = true
        let thread = Thread { [self] in self.work() }
        thread.name = "coevo-run-worker"
        thread.stackSize = 16 << 20
        thread.start()
    }

    private func work() {
        while true {
            condition.lock()
            while (waiting.isEmpty || paused) && !stopped { condition.wait() }
            if stopped { condition.unlock(); return }
            let job = waiting.removeFirst()
            live[job.id] = RunProgress(id: job.id, state: .running, periods: job.request.periods, elapsed: 0)
            order.append(job.id)
            condition.unlock()
            execute(job)
        }
    }

    private func update(_ id: Int, _ change: (inout RunProgress) -> Void) {
        condition.lock()
        if var p = live[id] { change(&p); live[id] = p }
        condition.unlock()
    }

    private func execute(_ job: Job) {
        let start = Date()
        let directory = store.directory(of: job.id)
        let stageIndex = Observer.index["stage"]
        do {
            try RunPipeline.execute(scenario: job.scenario, seed: job.request.seed, directory: directory, panel: false, stage: { staging in
                // The page renders charts from the run files; report.html is the standalone copy,
                // published with them.
                _ = try? ReportBuilder.runReport(directory: staging)
            }) { o, model in
                let firms = model.firms.count
                let stage = stageIndex.map { Int(o.all[$0].isFinite ? o.all[$0] : 0) }
                self.update(job.id) {
                    $0.period = o.period + 1
                    $0.firms = firms
                    $0.stage = stage
                    $0.elapsed = Date().timeIntervalSince(start)
                }
            }
            update(job.id) {
                $0.state = .finished
                $0.period = $0.periods
                $0.elapsed = Date().timeIntervalSince(start)
            }
        } catch {
            let message = "coevo run: \(error)"
            store.recordFailure(job.id, message: message)
            update(job.id) {
                $0.state = .failed
                $0.message = message
                $0.elapsed = Date().timeIntervalSince(start)
            }
        }
    }
}
