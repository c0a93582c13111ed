import CoevoFiles
import Foundation

/// Publishes the set of files of one `coevo measure` run into a directory so that no moment
/// shows two runs' files together:
/// 1. checks, before writing anything, that the directory's parent exists (the directory itself
///    may be created; a missing chain of parents is refused, as by `coevo run`) and that every
///    output name is absent or a regular file;
/// 2. writes every file under its final name into the hidden staging directory
///    `DIR/.coevo-staging/` and syncs it;
/// 3. removes every output of an earlier run (``outputs``, `summary.json` first);
/// 4. renames the staged files in, `summary.json` last, and removes the staging directory.
/// All contents are prepared before the first write, so an input error leaves nothing behind.
public enum AtomicFiles {
    /// Every file a `coevo measure` run may write, in removal order (summary first).
    public static let outputs = ["summary.json", "summary.md", "coupling.csv", "weights.csv", "synergy.csv", "symbiosis.json", "haken.json"]
    public static let staging = ".coevo-staging"

    /// Why `directory` cannot receive `names`, or nil.
    public static func problem(directory: String, names: [String]) -> String? {
        let fm = FileManager.default
        guard !directory.isEmpty else { return "--out: expected a directory path, found ''" }
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDir) {
            guard isDir.boolValue else { return "--out: expected a directory, found a file at \(directory)" }
            for name in Set(names + outputs) {
                let path = (directory as NSString).appendingPathComponent(name)
                guard let type = (try? fm.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else { continue }
                if type != .typeRegular {
                    return "--out: expected \(name) in \(directory) to be a file it can replace, found \(type == .typeDirectory ? "a directory" : "another kind of entry")"
                }
            }
            return fm.isWritableFile(atPath: directory) ? nil : "--out: expected a writable directory, found \(directory) read-only"
        }
        let parent = URL(fileURLWithPath: directory).standardizedFileURL.deletingLastPathComponent().path
        guard fm.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else {
            return "--out: expected an existing parent directory, found none at \(parent)"
        }
        return fm.isWritableFile(atPath: parent) ? nil : "--out: expected a writable parent directory, found \(parent) read-only"
    }

    public static func write(_ files: [(name: String, contents: String)], to directory: String) throws {
        if let problem = problem(directory: directory, names: files.map(\.name)) { throw MeasureInputError(problem) }
        let fm = FileManager.default
        let dir = URL(fileURLWithPath: directory)
        let stage = dir.appendingPathComponent(staging, isDirectory: true)
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: false)
        } catch where fm.fileExists(atPath: dir.path) {
        } catch {
            throw MeasureInputError("--out: expected a writable output directory at \(directory), found: \(error.localizedDescription)")
        }
        try? fm.removeItem(at: stage)
        do {
            try fm.createDirectory(at: stage, withIntermediateDirectories: false)
            for f in files {
                try AtomicFile.write(f.contents, to: stage.appendingPathComponent(f.name))
            }
        } catch {
            try? fm.removeItem(at: stage)
            throw MeasureInputError("--out: expected to write the output files in \(directory), found: \(error)")
        }
        for name in outputs {
            let path = dir.appendingPathComponent(name).path
            if unlink(path) != 0, errno != ENOENT {
                throw MeasureInputError("\(path): expected to remove the earlier run's file, found: \(String(cString: strerror(errno)))")
            }
        }
        let ordered = files.filter { $0.name != "summary.json" } + files.filter { $0.name == "summary.json" }
        for f in ordered {
            if rename(stage.appendingPathComponent(f.name).path, dir.appendingPathComponent(f.name).path) != 0 {
                throw MeasureInputError("\(dir.appendingPathComponent(f.name).path): expected to rename the finished file into place, found: \(String(cString: strerror(errno)))")
            }
        }
        try? fm.removeItem(at: stage)
    }
}
