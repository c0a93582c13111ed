import Foundation
import GRDB

/// Read-only access to a `run.sqlite` written by ``RunWriter`` (for reports, tests and the web
/// server). Safe to share between tasks; reads are serialized on one read-only connection.
public struct RunDatabase: Sendable {
    /// The database file.
    public let path: URL
    private let queue: DatabaseQueue

    /// Opens `path` read-only. Throws ``StoreError`` if the file does not exist or is not a run
    /// database (no `runs` table).
    public init(path: URL) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path.path) else {
            throw StoreError("\(path.path): expected a run database, found no such file")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "CoevoStore.RunDatabase"
        queue = try StoreError.wrapping(path.path, "opening the run database") {
            try DatabaseQueue(path: path.path, configuration: configuration)
        }
        let hasRuns = try StoreError.wrapping(path.path, "reading the schema") {
            try queue.read { try $0.tableExists("runs") }
        }
        guard hasRuns else {
            throw StoreError("\(path.path): expected a run database with a runs table, found none")
        }
    }

    /// All runs, by id.
    public func runs() throws -> [StoredRun] {
        try read("reading runs") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, scenario, seed, firms, periods, status, started, finished, version, parameters
                FROM runs ORDER BY id
                """).map { row in
                StoredRun(
                    id: row["id"], scenario: row["scenario"], seed: UInt64(bitPattern: row["seed"] as Int64),
                    firms: row["firms"], periods: row["periods"], status: row["status"],
                    started: row["started"], finished: row["finished"], version: row["version"],
                    parametersJSON: row["parameters"])
            }
        }
    }

    /// Every metric of `unit` in run `runID`: metric → values indexed by period (`values[p]` is period
    /// `p`; the arrays run from period 0 to the last period recorded for the unit, with NaN where a
    /// metric has no value, and for stored NULLs).
    public func series(runID: Int64, unit: String = "all") throws -> [String: [Double]] {
        try read("reading series of unit \(unit)") { db in
            guard let lastPeriod = try Int.fetchOne(
                db, sql: "SELECT MAX(period) FROM series WHERE run_id = ? AND unit = ?", arguments: [runID, unit])
            else { return [:] }
            var result: [String: [Double]] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT metric, period, value FROM series WHERE run_id = ? AND unit = ?",
                arguments: [runID, unit])
            while let row = try rows.next() {
                let metric: String = row[0]
                let period: Int = row[1]
                let value: Double? = row[2]
                result[metric, default: [Double](repeating: .nan, count: lastPeriod + 1)][period] = value ?? .nan
            }
            return result
        }
    }

    /// One metric of `unit` in run `runID`, indexed by period as in ``series(runID:unit:)`` but only up
    /// to the last period this metric has; empty if the metric was never recorded.
    public func series(runID: Int64, metric: String, unit: String = "all") throws -> [Double] {
        try read("reading series \(metric) of unit \(unit)") { db in
            var values: [Double] = []
            let rows = try Row.fetchCursor(
                db, sql: "SELECT period, value FROM series WHERE run_id = ? AND metric = ? AND unit = ? ORDER BY period",
                arguments: [runID, metric, unit])
            while let row = try rows.next() {
                let period: Int = row[0]
                let value: Double? = row[1]
                if values.count <= period { values.append(contentsOf: repeatElement(.nan, count: period + 1 - values.count)) }
                values[period] = value ?? .nan
            }
            return values
        }
    }

    /// Distinct units of run `runID`, sorted.
    public func units(runID: Int64) throws -> [String] {
        try read("reading units") { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT unit FROM series WHERE run_id = ? ORDER BY unit", arguments: [runID])
        }
    }

    /// Events of run `runID` in recorded order (which is by period).
    public func events(runID: Int64) throws -> [RunEvent] {
        try read("reading events") { db in
            try Row.fetchAll(
                db, sql: "SELECT period, kind, detail FROM events WHERE run_id = ? ORDER BY period, rowid",
                arguments: [runID]
            ).map { RunEvent(period: $0[0], kind: $0[1], detail: $0[2]) }
        }
    }

    /// Whether the database has a `panel` table (runs written with `--panel`).
    public func hasPanel() throws -> Bool {
        try read("reading the schema") { try $0.tableExists("panel") }
    }

    /// Panel rows of run `runID` in recorded order. Throws if the database has no panel table.
    public func panel(runID: Int64) throws -> [PanelRow] {
        guard try hasPanel() else {
            throw StoreError("\(path.path): expected a panel table (run written with --panel), found none")
        }
        let costColumns = PanelRow.componentNames.map { "cost_\($0)" }.joined(separator: ", ")
        return try read("reading the panel") { db in
            // Panels written before 2026-12-07 lack the regression's columns: they read as
            // industry and stage −1, regressors NaN.
            let regressors = try db.columns(in: "panel").contains { $0.name == "reachable_output" }
                ? "industry, stage, reachable_output, cluster_output" : "-1, -1, NULL, NULL"
            let r = 7 + PanelRow.componentNames.count
            return try Row.fetchAll(db, sql: """
                SELECT id, period, cluster, role, channels, output, average_cost, \(costColumns), \(regressors)
                FROM panel WHERE run_id = ? ORDER BY rowid
                """, arguments: [runID]
            ).map { row in
                PanelRow(
                    firm: UInt32(row[0] as Int64), period: row[1], cluster: row[2], role: row[3], channels: row[4],
                    output: (row[5] as Double?) ?? .nan, averageCost: (row[6] as Double?) ?? .nan,
                    components: (7..<r).map { (row[$0] as Double?) ?? .nan },
                    industry: (row[r] as Int?) ?? -1, stage: (row[r + 1] as Int?) ?? -1,
                    reachableOutput: (row[r + 2] as Double?) ?? .nan, clusterOutput: (row[r + 3] as Double?) ?? .nan)
            }
        }
    }

    /// SQLite's journal mode of the file (`wal` for databases written by ``RunWriter``).
    public func journalMode() throws -> String {
        try read("reading the journal mode") { try String.fetchOne($0, sql: "PRAGMA journal_mode") ?? "" }
    }

    private func read<T>(_ context: String, _ body: (Database) throws -> T) throws -> T {
        try StoreError.wrapping(path.path, context) { try queue.read(body) }
    }
}
