import CoevoStore
import Foundation

/// Where the server keeps runs: one directory per run under the data root, named by the run's id
/// (a positive decimal integer the server allocates), holding the files of `coevo run --out`
/// (`run.sqlite`, `series.csv`, `summary.json`), `report.html`, the server's `request.json` and,
/// for a failed run, `error.txt`. A run directory can be opened with `coevo report DIR` like any
/// other run output.
///
/// Contract: paths are only ever built from an `Int` id (``directory(of:)``) and from the fixed
/// names in ``downloadable``; no client text reaches the file system.
public final class RunStore: Sendable {
    public let root: URL
    private let nextID: Locked<Int>
    /// Finished runs never change: their listing entry is read from `run.sqlite` once.
    private let finishedCache = Locked<[Int: StoredRunEntry]>([:])

    public static let requestFile = "request.json"
    public static let errorFile = "error.txt"
    /// Files of a run that may be downloaded, by their fixed names.
    public static let downloadable: [String: String] = [
        RunFiles.series: "text/csv; charset=utf-8",
        RunFiles.summary: "application/json",
        RunFiles.database: "application/vnd.sqlite3",
        "report.html": "text/html; charset=utf-8",
    ]

    /// Opens (creating if needed) the data root. The temporaries of runs a stopped server left
    /// unfinished (``RunFiles/staging`` directories and `.partial` files) are removed: no run of
    /// this store is executing yet.
    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        let ids = try Self.ids(in: self.root)
        nextID = Locked((ids.max() ?? 0) + 1)
        for id in ids { Self.removeTemporaries(in: directory(of: id)) }
    }

    /// Removes what an interrupted run left in `directory`: the staging directory and any
    /// `.partial` or `.tmp-` file.
    static func removeTemporaries(in directory: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name == RunFiles.staging || name.hasSuffix(".partial") || name.contains(".tmp-") {
            try? fm.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Parses a run id from a URL path component: a canonical positive decimal integer of at most
    /// nine digits (no sign, no leading zeros). Anything else is not an id.
    public static func parseID(_ text: String) -> Int? {
        guard (1...9).contains(text.count), let first = text.first, first != "0",
              text.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        return Int(text)
    }

    public func directory(of id: Int) -> URL {
        precondition(id > 0)
        return root.appendingPathComponent(String(id), isDirectory: true)
    }

    /// Whether a run with this id exists.
    public func exists(_ id: Int) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: directory(of: id).path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Creates the directory of a new run and writes its `request.json`; returns the new id.
    public func create(_ request: RunRequest) throws -> Int {
        let id = try nextID.withLock { next -> Int in
            while true {
                let id = next
                next += 1
                do {
                    try FileManager.default.createDirectory(at: directory(of: id), withIntermediateDirectories: false)
                    return id
                } catch where FileManager.default.fileExists(atPath: directory(of: id).path) {
                    continue    // taken by another process sharing the root, or a stray file: try the next id
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try atomicWrite(data: try encoder.encode(request), to: directory(of: id).appendingPathComponent(Self.requestFile))
        return id
    }

    /// Records why a run failed.
    public func recordFailure(_ id: Int, message: String) {
        try? atomicWrite(data: Data((message + "\n").utf8), to: directory(of: id).appendingPathComponent(Self.errorFile))
    }

    public func request(of id: Int) -> RunRequest? {
        guard let data = FileManager.default.contents(atPath: directory(of: id).appendingPathComponent(Self.requestFile).path) else { return nil }
        return try? JSONDecoder().decode(RunRequest.self, from: data)
    }

    /// The state of a run as found on disk: finished (complete output), failed (`error.txt`), or
    /// interrupted (the server stopped before the run completed). Queued and running runs are
    /// known only to the ``RunQueue`` of the live server.
    public func diskState(of id: Int) -> RunProgress.State {
        let dir = directory(of: id)
        if RunFiles.isComplete(dir) { return .finished }
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent(Self.errorFile).path) { return .failed }
        return .interrupted
    }

    public func failureMessage(of id: Int) -> String? {
        guard let data = FileManager.default.contents(atPath: directory(of: id).appendingPathComponent(Self.errorFile).path) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Run ids present on disk, ascending.
    public func ids() -> [Int] { (try? Self.ids(in: root)) ?? [] }

    /// The `runs` row of a finished run, read from its `run.sqlite` (cached).
    public func storedRun(_ id: Int) -> StoredRunEntry? {
        if let hit = finishedCache.withLock({ $0[id] }) { return hit }
        guard diskState(of: id) == .finished,
              let db = try? RunDatabase(path: directory(of: id).appendingPathComponent(RunFiles.database)),
              let row = try? db.runs().first else { return nil }
        let entry = StoredRunEntry(started: row.started, finished: row.finished, version: row.version, status: row.status)
        finishedCache.withLock { $0[id] = entry }
        return entry
    }

    /// Names of the root's entries that are run ids and directories (a stray file named `21`
    /// is not a run).
    static func ids(in root: URL) throws -> [Int] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).compactMap { name -> Int? in
            guard let id = parseID(name) else { return nil }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDir), isDir.boolValue else { return nil }
            return id
        }.sorted()
    }
}

/// Timestamps and status from a finished run's `runs` table.
public struct StoredRunEntry: Sendable, Equatable {
    public var started: String
    public var finished: String?
    public var version: String
    public var status: String
}
