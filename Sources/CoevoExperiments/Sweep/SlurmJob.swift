// A sweep on a SLURM cluster: a job array with one task per shard (each runs
// `coevo sweep --shard i/n` into its own shard store) and a merge job that starts when every
// shard has succeeded (`--dependency=afterok`). The scripts are plain sbatch files a user can read,
// edit and submit by hand; `submit` does what a user would type.

import CoevoStore
import Foundation

public struct SlurmJob: Sendable {
    public var name: String
    /// The sweep's output directory (absolute).
    public var directory: URL
    /// The plan copied into the directory (absolute).
    public var plan: URL
    /// The coevo executable (absolute).
    public var executable: String
    /// Directory the jobs start in (scenario files in the plan are relative to it).
    public var workingDirectory: String
    public var shards: Int
    public var cpus: Int
    public var partition: String?
    public var time: String?
    public var memory: String?
    /// The coevo subcommand each shard runs: `sweep`, or `sensitivity` (whose store merges the same way).
    public var command: String

    public init(name: String, directory: URL, plan: URL, executable: String, workingDirectory: String, shards: Int,
                cpus: Int, partition: String?, time: String?, memory: String?, command: String = "sweep") {
        self.name = name; self.directory = directory; self.plan = plan; self.executable = executable; self.command = command
        self.workingDirectory = workingDirectory; self.shards = shards; self.cpus = cpus
        self.partition = partition; self.time = time; self.memory = memory
    }

    public var arrayScript: URL { directory.appendingPathComponent("sweep.sbatch") }
    public var mergeScript: URL { directory.appendingPathComponent("merge.sbatch") }
    public func shardDirectory(_ i: Int) -> URL { directory.appendingPathComponent("shards/\(i)") }

    /// A value safe inside a bash word (single-quoted).
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// A job name sbatch takes as one word.
    static func jobName(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || "._-".contains($0) ? $0 : "-" }.prefix(64))
    }

    /// Why a `#SBATCH` value (partition, time, memory, a path) cannot be written, or nil.
    public static func problem(_ value: String) -> String? {
        value.allSatisfy({ $0.isLetter || $0.isNumber || "._-:/+,=@".contains($0) }) && !value.isEmpty
            ? nil : "expected letters, digits and ._-:/+,=@ only (sbatch reads #SBATCH values as single words), found '\(value)'"
    }

    /// `#SBATCH` lines shared by both scripts.
    func header(job: String, output: String, cpus: Int) -> String {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=\(job)", "#SBATCH --output=\(output)", "#SBATCH --cpus-per-task=\(cpus)"]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time { lines.append("#SBATCH --time=\(time)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        return lines.joined(separator: "\n") + "\n"
    }

    public var arrayText: String {
        let logs = directory.appendingPathComponent("logs").path
        return header(job: "coevo-" + SlurmJob.jobName(name), output: "\(logs)/shard-%a.out", cpus: cpus)
            + "#SBATCH --array=1-\(shards)\n"
            + "# One shard of the sweep per array task; each writes its own store under shards/<task>.\n"
            + "set -euo pipefail\n"
            + "cd \(SlurmJob.quote(workingDirectory))\n"
            + "exec \(SlurmJob.quote(executable)) \(command) \(SlurmJob.quote(plan.path)) --out \(SlurmJob.quote(directory.path))/shards/\"$SLURM_ARRAY_TASK_ID\" --shard \"$SLURM_ARRAY_TASK_ID\"/\(shards) --jobs \(cpus) --quiet\n"
    }

    public var mergeText: String {
        let logs = directory.appendingPathComponent("logs").path
        let inputs = (1...shards).map { SlurmJob.quote(shardDirectory($0).path) }.joined(separator: " ")
        return header(job: "coevo-" + SlurmJob.jobName(name) + "-merge", output: "\(logs)/merge.out", cpus: 1)
            + "# Joins the shard stores into the sweep's own store and summaries (after every shard succeeded).\n"
            + "set -euo pipefail\n"
            + "cd \(SlurmJob.quote(workingDirectory))\n"
            + "exec \(SlurmJob.quote(executable)) merge \(inputs) --out \(SlurmJob.quote(directory.path))\n"
    }

    /// Writes both scripts and the shard and log directories.
    public func write() throws {
        let fm = FileManager.default
        try fm.createDirectory(at: directory.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try fm.createDirectory(at: directory.appendingPathComponent("shards"), withIntermediateDirectories: true)
        try atomicWrite(data: Data(arrayText.utf8), to: arrayScript)
        try atomicWrite(data: Data(mergeText.utf8), to: mergeScript)
    }

    /// Submits the array, then the merge depending on it; returns both job ids.
    public func submit(sbatch: String = "sbatch") throws -> (array: String, merge: String) {
        let array = try SlurmJob.sbatch(sbatch, [arrayScript.path])
        let merge = try SlurmJob.sbatch(sbatch, ["--dependency=afterok:\(array)", mergeScript.path])
        return (array, merge)
    }

    static func sbatch(_ command: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command, "--parsable"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { throw SlurmError("sbatch: expected it on PATH, found it not runnable (\(error))") }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SlurmError("sbatch \(arguments.last ?? ""): expected a job id, found exit status \(process.terminationStatus): \(problem.split(separator: "\n").first ?? "")")
        }
        // --parsable prints "jobid" or "jobid;cluster".
        let id = output.split(separator: "\n").first.map { String($0.split(separator: ";").first ?? "") } ?? ""
        guard !id.isEmpty, id.allSatisfy(\.isNumber) else { throw SlurmError("sbatch: expected a job id, found '\(output.trimmingCharacters(in: .whitespacesAndNewlines))'") }
        return id
    }
}

public struct SlurmError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ d: String) { description = d }
}
