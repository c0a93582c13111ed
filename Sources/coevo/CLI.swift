import ArgumentParser
import CoevoStore
import Foundation

enum CLI {
    /// Why `directory` cannot hold a run's output, or nil: it must be a directory, or not exist yet
    /// inside a writable directory. Checked before any work, so a bad `--out` writes nothing.
    /// Each of `outputs` (file names the command will publish there) must be absent or a regular
    /// file (an earlier run's, to be replaced).
    /// The `--out` directory of a command that publishes `outputs` there, checked before any work
    /// (`outputDirectoryProblem`); a bad one ends the command with one line and status 2.
    static func checkedOutputDirectory(_ out: String, outputs: [String] = []) -> URL {
        if out.isEmpty { fail("--out: expected a directory path, found an empty string") }
        let directory = URL(fileURLWithPath: out).standardizedFileURL
        if let problem = outputDirectoryProblem(directory, outputs: outputs) { fail("--out: \(problem)") }
        return directory
    }

    static func outputDirectoryProblem(_ directory: URL, outputs: [String] = []) -> String? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return "expected a directory, found a file at \(directory.path)" }
            for name in outputs {
                let path = directory.appendingPathComponent(name).path
                guard let type = (try? fm.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else { continue }
                if type != .typeRegular {
                    return "expected \(name) in \(directory.path) to be a file it can replace, found \(type == .typeDirectory ? "a directory" : "another kind of entry")"
                }
            }
            return fm.isWritableFile(atPath: directory.path) ? nil : "expected a writable directory, found \(directory.path) read-only"
        }
        let parent = directory.deletingLastPathComponent()
        guard fm.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return "expected an existing parent directory, found none at \(parent.path)"
        }
        return fm.isWritableFile(atPath: parent.path) ? nil : "expected a writable parent directory, found \(parent.path) read-only"
    }

    /// Prints one line to stderr and exits with status 2 (usage or input error).
    static func fail(_ line: String) -> Never {
        FileHandle.standardError.write(Data("coevo: \(line)\n".utf8))
        exit(2)
    }
}

/// Terminal progress: periods done, firms, stage, elapsed and ETA, on one rewritten line.
final class Progress {
    let total: Int
    let enabled: Bool
    let start = Date()
    init(total: Int, enabled: Bool) { self.total = total; self.enabled = enabled }
    func update(period: Int, firms: Int, stage: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        let eta = period > 0 ? elapsed / Double(period) * Double(total - period) : 0
        let line = String(format: "\rperiod %d/%d  firms %d  stage %d  elapsed %.1fs  ETA %.1fs ", period, total, firms, stage, elapsed, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }
    func finish() { if enabled { FileHandle.standardError.write(Data("\n".utf8)) } }
}

/// A short human summary of a finished run.
struct RunSummaryView {
    let summary: RunSummary
    init(_ s: RunSummary) { summary = s }
    func text(directory: URL) -> String {
        func t(_ x: Int??) -> String { (x ?? nil).map(String.init) ?? "–" }
        let f = summary.final
        func m(_ k: String) -> String { f[k].map { String(format: "%.4g", $0) } ?? "–" }
        return """
        scenario \(summary.scenario), seed \(summary.seed), \(summary.firms) firms, \(summary.periods) quarters → \(directory.path)
        stage entry (mechanisms): 1:\(t(summary.stageEntry["1"])) 2:\(t(summary.stageEntry["2"])) 3:\(t(summary.stageEntry["3"])) 4:\(t(summary.stageEntry["4"]))   (ccd): 1:\(t(summary.stageCCDEntry["1"])) 2:\(t(summary.stageCCDEntry["2"])) 3:\(t(summary.stageCCDEntry["3"])) 4:\(t(summary.stageCCDEntry["4"]))
        final: adoption.retail \(m("adoption.retail")), online.share \(m("online.share")), villages.ecommerce \(m("villages.ecommerce")), logistics.cost \(m("logistics.cost")), cost.average \(m("cost.average")), fall.total \(m("fall.total")), ccd.D \(m("ccd.D"))
        """
    }
}
