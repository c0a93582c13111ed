import ArgumentParser
import CoevoExperiments
import CoevoModel
import CoevoReport
import CoevoStore
import Foundation

/// How a store-backed command runs its runs: jobs, a shard, failed runs, progress, or a SLURM job
/// array instead (shared by `coevo sweep` and `coevo sensitivity`).
struct StoreRunOptions: ParsableArguments {
    @Option(help: "Runs in parallel (default: the number of cores).") var jobs: Int?
    @Option(help: ArgumentHelp("Run only shard i of n (1 ≤ i ≤ n), balanced by firms × quarters.", valueName: "i/n")) var shard: String?
    @Flag(help: "Run again the runs recorded as failed.") var retryFailed = false
    @Flag(help: "Accepted for compatibility: a sweep always resumes from its store.") var resume = false
    @Flag(help: "No progress on stderr.") var quiet = false
    @Flag(help: "Write DIR/sweep.sbatch (a job array, one task per shard) and DIR/merge.sbatch instead of running.") var slurm = false
    @Option(help: "With --slurm: number of shards (array tasks).") var shards: Int = 4
    @Option(help: "With --slurm: partition.") var partition: String?
    @Option(help: "With --slurm: time limit per task (e.g. 02:00:00).") var time: String?
    @Option(help: "With --slurm: memory per task (e.g. 4G).") var mem: String?
    @Option(help: "With --slurm: CPUs per task (runs in parallel within a shard).") var cpus: Int = 1
    @Flag(help: "With --slurm: submit the array and the dependent merge with sbatch and print the job ids.") var submit = false

    /// Checks the options (exit 2 on a bad one) and returns the shard asked for.
    func checked(out: String) -> (index: Int, count: Int)? {
        let parsedShard = shard.map(SweepCommand.parseShard)
        if let jobs, !(1...1024).contains(jobs) { CLI.fail("--jobs: expected an integer in [1, 1024], found \(jobs)") }
        if slurm {
            if !(1...10_000).contains(shards) { CLI.fail("--shards: expected an integer in [1, 10000], found \(shards)") }
            if !(1...1024).contains(cpus) { CLI.fail("--cpus: expected an integer in [1, 1024], found \(cpus)") }
            if parsedShard != nil { CLI.fail("--shard: expected no shard with --slurm (it writes one task per shard), found --shard \(shard!)") }
            for (flag, value) in [("--partition", partition), ("--time", time), ("--mem", mem), ("--out", Optional(URL(fileURLWithPath: out).standardizedFileURL.path))] {
                if let value, let problem = SlurmJob.problem(value) { CLI.fail("\(flag): \(problem)") }
            }
        } else if submit { CLI.fail("--submit: expected it with --slurm, found it alone") }
        return parsedShard
    }

    /// Writes (and with --submit submits) the job array running `command` on the plan copy and the merge job.
    func writeSlurm(command: String, name: String, planText: String, directory: URL) throws {
        let planCopy = directory.appendingPathComponent("plan.yaml")
        do {
            try atomicWrite(data: Data(planText.utf8), to: planCopy)
            let job = SlurmJob(name: name, directory: directory, plan: planCopy, executable: SweepCommand.executablePath(),
                               workingDirectory: FileManager.default.currentDirectoryPath, shards: shards, cpus: cpus,
                               partition: partition, time: time, memory: mem, command: command)
            try job.write()
            print("wrote \(job.arrayScript.path) (\(shards) array tasks) and \(job.mergeScript.path)")
            if submit {
                let ids = try job.submit()
                print("submitted array job \(ids.array) (\(shards) shards) and merge job \(ids.merge) (after the array succeeds)")
            }
        } catch {
            FileHandle.standardError.write(Data("coevo \(command): \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// Sweep options whose stop flag is set by Ctrl-C (the runs in flight are committed first).
    func sweepOptions(shard: (index: Int, count: Int)?, command: String) -> (SweepOptions, SweepProgressLine) {
        interruptibleSweepOptions(jobs: jobs, shard: shard, retryFailed: retryFailed, quiet: quiet, command: command)
    }
}

/// Sweep options whose stop flag is set by Ctrl-C, and the progress line they report to
/// (silent with `quiet`); used by every command that runs runs through a sweep store.
func interruptibleSweepOptions(jobs: Int?, shard: (index: Int, count: Int)? = nil, retryFailed: Bool = false, quiet: Bool,
                               command: String) -> (SweepOptions, SweepProgressLine) {
    let stop = StopFlag()
    let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    signal(SIGINT, SIG_IGN)
    source.setEventHandler {
        stop.set()
        FileHandle.standardError.write(Data("\ncoevo \(command): stopping after the runs in flight are committed (Ctrl-C again to abort)\n".utf8))
        signal(SIGINT, SIG_DFL)
    }
    source.resume()
    StopFlag.keep(source)
    let reporter = SweepProgressLine(enabled: !quiet, terminal: isatty(2) == 1)
    let options = SweepOptions(jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: shard, retryFailed: retryFailed,
                               shouldStop: { stop.isSet }, progress: { reporter.update($0) })
    return (options, reporter)
}

/// `coevo sweep PLAN.yaml --out DIR`: every point × replication of a plan into DIR/sweep.sqlite.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a sweep plan (factors × replications) into DIR/sweep.sqlite; rerunning resumes; writes summary.csv.",
        discussion: "The plan format is in docs/REFERENCE.md (Sweeps). A killed sweep loses at most the runs in flight: run the same command again."
    )

    @Argument(help: "The sweep plan (YAML).") var plan: String
    @Option(help: "Output directory (created if missing; its store is reused).") var out: String
    @OptionGroup var options: StoreRunOptions

    func run() async throws {
        // Everything is checked before anything is written.
        let parsedShard = options.checked(out: out)
        let design: SweepDesign
        do { design = try SweepDesign(plan: SweepPlan.load(path: plan)) } catch { CLI.fail(error.description) }
        let directory = CLI.checkedOutputDirectory(out)
        let planText = (try? String(contentsOfFile: plan, encoding: .utf8)) ?? ""
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        if options.slurm {
            try options.writeSlurm(command: "sweep", name: design.plan.name, planText: planText, directory: directory)
            return
        }
        let quiet = options.quiet
        let (sweepOptions, reporter) = options.sweepOptions(shard: parsedShard, command: "sweep")
        let result: SweepProgress
        do {
            let store = try SweepStore(directory: directory)
            try store.setMeta(["plan": planText, "plan_source": plan, "name": design.plan.name, "model_version": ModelVersion.current])
            if !quiet {
                FileHandle.standardError.write(Data("sweep \(design.plan.name): \(design.points.count) points, up to \(design.points.count * design.plan.replications.maximum) runs\(parsedShard.map { ", shard \($0.index)/\($0.count)" } ?? "") → \(directory.path)\n".utf8))
            }
            result = try await SweepRunner.run(design: design, store: store, directory: directory, options: sweepOptions)
        } catch {
            reporter.finish()
            FileHandle.standardError.write(Data("coevo sweep: \(error)\n".utf8))
            throw ExitCode(1)
        }
        reporter.finish()
        if !result.interrupted { writeReport(directory) }
        if !quiet {
            print("\(result.planned) runs: \(result.reused) reused, \(result.done) run, \(result.failed) failed, \(result.remaining) remaining (\(String(format: "%.1f", result.elapsed)) s) → \(directory.appendingPathComponent("summary.csv").path)")
        }
        if result.interrupted { throw ExitCode(130) }
        if result.failed > 0 && !quiet {
            FileHandle.standardError.write(Data("coevo sweep: \(result.failed) runs failed (messages in table runs); `--retry-failed` runs them again\n".utf8))
        }
    }

    static func parseShard(_ text: String) -> (index: Int, count: Int) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, n <= 10_000, i >= 1, i <= n else {
            CLI.fail("--shard: expected i/n with 1 ≤ i ≤ n ≤ 10000, found '\(text)'")
        }
        return (i, n)
    }

    /// This executable's absolute path (for the batch scripts).
    static func executablePath() -> String {
        let link = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: link).standardizedFileURL.path
    }
}

/// `coevo merge DIR... --out DIR`: joins shard stores.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join sweep stores (shards) into --out; idempotent; a run with different outcomes in two stores is an error."
    )
    @Argument(help: "Sweep output directories (each holds sweep.sqlite).") var inputs: [String]
    @Option(help: "Output directory.") var out: String
    @Flag(help: "No summary line.") var quiet = false

    func run() throws {
        guard !inputs.isEmpty else { CLI.fail("merge: expected at least one sweep directory, found none") }
        let directory = CLI.checkedOutputDirectory(out)
        var planText: String?
        var kind: String?
        var sources: [(String, SweepStore)] = []
        for input in inputs {
            let dir = URL(fileURLWithPath: input).standardizedFileURL
            let file = dir.appendingPathComponent(SweepStore.fileName)
            guard FileManager.default.fileExists(atPath: file.path) else { CLI.fail("\(input): expected a sweep directory holding \(SweepStore.fileName), found none") }
            guard dir != directory else { CLI.fail("\(input): expected a store other than --out, found the same directory") }
            let store: SweepStore
            let text: String?
            do { store = try SweepStore(directory: dir); text = try store.meta("plan"); if kind == nil { kind = try store.meta("kind") } } catch { CLI.fail("\(error)") }
            guard let text else { CLI.fail("\(file.path): expected a sweep store with its plan, found none") }
            if let planText, planText != text { CLI.fail("\(file.path): expected the same plan as \(inputs[0]), found a different one") }
            planText = text
            sources.append((file.path, store))
        }
        // A sensitivity store's points are its design rows.
        let design: SweepDesign
        var sensitivity: SensitivityPlan?
        do {
            let source = "\(inputs[0])/\(SweepStore.fileName) (plan)"
            if kind == "sensitivity" {
                let plan = try SensitivityPlan.parse(yaml: planText!, source: source)
                sensitivity = plan
                guard let d = try SensitivityRunner.design(plan) else { CLI.fail("\(source): expected a model plan, found an analytic function") }
                design = d
            } else {
                design = try SweepDesign(plan: SweepPlan.parse(yaml: planText!, source: source))
            }
        } catch { CLI.fail(error.description) }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // An earlier analysis's files go first, so none stays beside a changed store.
            if sensitivity != nil { SensitivityRunner.removeResults(in: directory) }
            let target = try SweepStore(directory: directory)
            if let existing = try target.meta("plan"), existing != planText! {
                CLI.fail("--out: expected a store of the same plan or none, found \(target.path.path) holding another plan")
            }
            try target.setMeta(["plan": planText!, "name": design.plan.name, "kind": kind ?? "sweep", "model_version": ModelVersion.current])
            try target.setPoints(design.points.map { ($0.id, $0.factorsJSON) })
            var added = 0, seen = 0
            // Shard by shard, 500 runs at a time (memory does not grow with the stores).
            for (path, store) in sources {
                let keys = try store.keys()
                for start in stride(from: 0, to: keys.count, by: 500) {
                    let records = Array(try store.records(keys: Array(keys[start..<min(keys.count, start + 500)])).values)
                    seen += records.count
                    added += try target.merge(records, from: path)
                }
            }
            try SweepSummary.write(design: design, store: target, directory: directory)
            if let plan = sensitivity {
                let evaluation = try SensitivityRunner.collect(plan, design: design, store: target)
                guard let outputs = evaluation.outputs else {
                    FileHandle.standardError.write(Data("coevo merge: indices not computed: \(evaluation.incomplete ?? "runs missing")\n".utf8))
                    throw ExitCode(1)
                }
                try SensitivityCommand.analyseAndWrite(plan, outputs: outputs, skipped: evaluation.skipped, runs: plan.rowCount * plan.replications,
                                                       seconds: 0, directory: directory, quiet: quiet)
            } else {
                writeReport(directory)
            }
            if !quiet { print("merged \(sources.count) stores: \(seen) runs read, \(added) added → \(directory.appendingPathComponent(SweepStore.fileName).path)") }
        } catch let e as ExitCode {
            throw e
        } catch let e as StoreError {
            FileHandle.standardError.write(Data("coevo merge: \(e.description)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("coevo merge: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// report.html for a sweep directory; a failure is reported but does not fail the sweep.
func writeReport(_ directory: URL) {
    do { _ = try ReportBuilder.runReport(directory: directory) }
    catch { FileHandle.standardError.write(Data("coevo: report.html not written: \(error)\n".utf8)) }
}

/// Set once from a signal handler, read by the runner.
final class StopFlag: @unchecked Sendable {
    /// Keeps a signal source alive for the life of the process.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    static func keep(_ source: DispatchSourceSignal) { sources.append(source) }
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

/// Sweep progress on stderr: one rewritten line on a terminal, otherwise a line every 10 s.
final class SweepProgressLine: @unchecked Sendable {
    let enabled: Bool
    let terminal: Bool
    private let lock = NSLock()
    private var lastPrint = Date.distantPast
    private var announced = false
    init(enabled: Bool, terminal: Bool) { self.enabled = enabled; self.terminal = terminal }

    func update(_ p: SweepProgress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if !announced {
            // The first call comes before any run starts: what the store already holds.
            announced = true
            let skipped = p.failed > 0 ? ", \(p.failed) failed earlier (not retried)" : ""
            FileHandle.standardError.write(Data("store holds \(p.reused) of \(p.planned) planned runs\(skipped): running \(p.remaining)\n".utf8))
            return
        }
        let now = Date()
        guard terminal || now.timeIntervalSince(lastPrint) >= 10 || p.remaining == 0 else { return }
        lastPrint = now
        let rate = p.elapsed > 0 ? Double(p.done + p.failed) / p.elapsed * 60 : 0
        let eta = rate > 0 ? Double(p.remaining) / rate * 60 : 0
        let line = String(format: "done %d  reused %d  failed %d  remaining %d  %.1f runs/min  ETA %.0fs", p.done, p.reused, p.failed, p.remaining, rate, eta)
        FileHandle.standardError.write(Data((terminal ? "\r" + line + "  " : line + "\n").utf8))
    }

    func finish() { if enabled && terminal { FileHandle.standardError.write(Data("\n".utf8)) } }
}
