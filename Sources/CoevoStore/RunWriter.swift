import CoevoFiles
import Foundation
import GRDB

/// Writes one run of `coevo run --out DIR` into a directory: `run.sqlite`, `series.csv` and
/// `summary.json` (INTERFACE.md).
///
/// Contract:
/// - Every output is staged under its final name in the hidden directory ``RunFiles/staging``
///   inside the target directory: `run.sqlite` and `series.csv` while recording, then at
///   ``finish(summary:stage:)`` `summary.json` and whatever the `stage` closure adds there
///   (`sizes.csv`, `report.html`). Only after the database says `finished` is the run published:
///   1. every output of an earlier run is removed (``RunFiles/outputs``: `summary.json` first,
///      then `report.html`, `sizes.csv`, `series.csv`, `run.sqlite` and its side files);
///   2. the staged files are renamed into the directory, `summary.json` last;
///   3. the staging directory is removed and the directory synced.
///   So no moment shows two runs' files together, and `summary.json` present means complete.
///   Until step 1 an earlier run's files stay untouched.
/// - While the run is being written its `runs.status` is `running`; ``finish(summary:)`` sets
///   `finished` and the `finished` timestamp.
/// - ``abandon()`` (also run when an unfinished writer is deallocated) removes the temporaries.
/// - Periods are recorded in non-decreasing order, each `(unit, metric)` at most once per period.
/// - `series.csv` depends only on the recorded values, never on the clock: identical inputs give
///   identical bytes.
/// - Rows are buffered and inserted in transactions of about ``batchRows`` rows with cached prepared
///   statements; the series index is built once, at ``finish(summary:)``.
///
/// Only one writer may use a directory at a time. Not thread-safe: use from one task at a time.
public final class RunWriter {
    /// Rows (series + events + panel) buffered before they are inserted in one transaction.
    public static let batchRows = 10_000

    public let directory: URL
    public let info: RunInfo
    /// Whether the `panel` table is written.
    public let panel: Bool
    /// `runs.id` of this run in its database.
    public private(set) var runID: Int64 = 0

    private enum State { case open, finished, abandoned }
    private var state = State.open

    private var database: DatabaseQueue?
    private var csv: BufferedFileWriter?

    private struct PendingSeries {
        var period: Int
        var unit: String
        var metric: String
        var value: Double
    }

    private struct SeriesKey: Hashable {
        var unit: String
        var metric: String
    }

    private var pendingSeries: [PendingSeries] = []
    private var pendingEvents: [RunEvent] = []
    private var pendingPanel: [PanelRow] = []
    private var currentPeriod: Int?
    private var keysInCurrentPeriod: Set<SeriesKey> = []

    /// Where the outputs are staged (``RunFiles/staging``).
    public let stagingDirectory: URL
    private let partialDatabase: URL
    private let partialSeries: URL
    private let partialSummary: URL
    private let finalDatabase: URL
    private let finalSeries: URL
    private let finalSummary: URL

    /// Starts a run in `directory`, creating the directory if needed.
    ///
    /// Throws ``StoreError`` if `info.parametersJSON` is not a JSON object, if counts are negative,
    /// or if the directory or the temporary files cannot be created.
    public init(directory: URL, info: RunInfo, panel: Bool) throws {
        self.directory = directory.standardizedFileURL
        self.info = info
        self.panel = panel
        stagingDirectory = self.directory.appendingPathComponent(RunFiles.staging, isDirectory: true)
        partialDatabase = stagingDirectory.appendingPathComponent(RunFiles.database)
        partialSeries = stagingDirectory.appendingPathComponent(RunFiles.series)
        partialSummary = stagingDirectory.appendingPathComponent(RunFiles.summary)
        finalDatabase = self.directory.appendingPathComponent(RunFiles.database)
        finalSeries = self.directory.appendingPathComponent(RunFiles.series)
        finalSummary = self.directory.appendingPathComponent(RunFiles.summary)

        try Self.validate(info)
        do {
            try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError("\(self.directory.path): cannot create the output directory: \(error.localizedDescription)")
        }
        removeTemporaries()
        do {
            do {
                try FileManager.default.createDirectory(at: stagingDirectory, withIntermediateDirectories: false)
            } catch {
                throw StoreError("\(stagingDirectory.path): cannot create the staging directory: \(error.localizedDescription)")
            }
            try openDatabase()
            let csv = try BufferedFileWriter(creatingAt: partialSeries)
            csv.write("period,metric,value\n")
            self.csv = csv
        } catch {
            abandon()
            throw error
        }
    }

    deinit {
        abandon()
    }

    // MARK: Recording

    /// Records the values of one period. `period` must be ≥ 0 and not below an earlier recorded
    /// period; a `(unit, metric)` pair may appear only once per period (over all calls for it).
    /// Nothing is recorded if the call throws.
    public func recordPeriod(_ period: Int, series: [SeriesValue]) throws {
        try requireOpen()
        guard period >= 0 else {
            throw StoreError("\(partialDatabase.path): series period: expected a period ≥ 0, found \(period)")
        }
        var keys: Set<SeriesKey>
        if let currentPeriod, currentPeriod == period {
            keys = keysInCurrentPeriod
        } else if let currentPeriod, period < currentPeriod {
            throw StoreError("\(partialDatabase.path): series period: expected periods in non-decreasing order (≥ \(currentPeriod)), found \(period)")
        } else {
            keys = []
        }
        keys.reserveCapacity(keys.count + series.count)
        for value in series {
            guard !value.unit.isEmpty, !value.metric.isEmpty else {
                throw StoreError("\(partialDatabase.path): period \(period): expected a non-empty unit and metric, found unit '\(value.unit)' metric '\(value.metric)'")
            }
            guard keys.insert(SeriesKey(unit: value.unit, metric: value.metric)).inserted else {
                throw StoreError("\(partialDatabase.path): period \(period): expected each metric once per unit, found '\(value.metric)' for unit '\(value.unit)' twice")
            }
        }
        currentPeriod = period
        keysInCurrentPeriod = keys

        let periodText = String(period)
        pendingSeries.reserveCapacity(pendingSeries.count + series.count)
        for value in series {
            pendingSeries.append(PendingSeries(period: period, unit: value.unit, metric: value.metric, value: value.value))
            if value.unit == "all", let csv {
                csv.write(periodText)
                csv.write(byte: UInt8(ascii: ","))
                csv.write(CSVFormat.field(value.metric))
                csv.write(byte: UInt8(ascii: ","))
                csv.write(CSVFormat.number(value.value))
                csv.write(byte: UInt8(ascii: "\n"))
            }
        }
        try flushIfFull()
    }

    /// Records one event.
    public func recordEvent(_ event: RunEvent) throws {
        try requireOpen()
        guard !event.kind.isEmpty else {
            throw StoreError("\(partialDatabase.path): event at period \(event.period): expected a non-empty kind, found ''")
        }
        pendingEvents.append(event)
        try flushIfFull()
    }

    /// Records panel rows. Throws if the writer was created with `panel: false` or a row does not
    /// have exactly seven cost components.
    public func recordPanel(_ rows: [PanelRow]) throws {
        try requireOpen()
        guard panel else {
            throw StoreError("\(directory.path): panel rows: expected a writer created with panel: true, found panel: false")
        }
        for row in rows where row.components.count != PanelRow.componentNames.count {
            throw StoreError("\(partialDatabase.path): panel row of firm \(row.firm) at period \(row.period): expected \(PanelRow.componentNames.count) cost components (\(PanelRow.componentNames.joined(separator: ", "))), found \(row.components.count)")
        }
        pendingPanel.append(contentsOf: rows)
        try flushIfFull()
    }

    // MARK: Completion

    /// Flushes everything, builds the series index, marks the run `finished`, writes `summary.json`
    /// into the staging directory, lets `stage` add files there (it receives the staging
    /// directory, which then holds a complete run under the final names), syncs, and publishes
    /// (see the type's contract). On failure the temporaries are removed (as by ``abandon()``) and
    /// the error is rethrown; the writer cannot be used afterwards either way.
    public func finish(summary: RunSummary, stage: (URL) throws -> Void = { _ in }) throws {
        try requireOpen()
        do {
            let summaryData = try summary.jsonData()
            try flushBuffers()
            guard let database, let csv else {
                throw StoreError("\(directory.path): run writer lost its files before finish")
            }
            let databasePath = partialDatabase.path
            try StoreError.wrapping(databasePath, "finishing the run database") {
                try RunSchema.migrator(panel: panel).migrate(database)
                let finishedAt = Self.timestamp()
                let runID = self.runID
                try database.write { db in
                    try db.execute(
                        sql: "UPDATE runs SET status = ?, finished = ? WHERE id = ?",
                        arguments: [RunStatus.finished, finishedAt, runID])
                }
                // Move the WAL's content into the database file so the file alone is complete.
                try database.writeWithoutTransaction { db in
                    let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                    if let busy = row?[0] as Int?, busy != 0 {
                        throw StoreError("\(databasePath): checkpoint: expected no other connection, found the database busy")
                    }
                }
                try database.close()
            }
            self.database = nil
            let wal = RunFiles.sideFiles(of: partialDatabase)[0]
            if let size = (try? FileManager.default.attributesOfItem(atPath: wal.path))?[.size] as? NSNumber,
               size.intValue > 0 {
                throw StoreError("\(wal.path): expected the write-ahead log to be empty after closing, found \(size.intValue) bytes")
            }
            try FileDurability.syncFile(partialDatabase)
            try csv.close(sync: true)
            self.csv = nil
            let summaryWriter = try BufferedFileWriter(creatingAt: partialSummary)
            summaryWriter.write(summaryData)
            try summaryWriter.close(sync: true)

            for sideFile in RunFiles.sideFiles(of: partialDatabase) {
                try FileDurability.remove(sideFile)
            }
            try stage(stagingDirectory)
            // A reader of the staged database (the stage closure) may leave empty side files.
            for sideFile in RunFiles.sideFiles(of: partialDatabase) { FileDurability.removeIfPresent(sideFile) }
            let staged = try FileManager.default.contentsOfDirectory(atPath: stagingDirectory.path)
                .filter { !$0.hasPrefix(".") && $0 != RunFiles.summary }.sorted()
            for name in staged { try FileDurability.syncFile(stagingDirectory.appendingPathComponent(name)) }
            FileDurability.syncDirectory(stagingDirectory)

            // Publish: remove every output of an earlier run (summary first), then rename the new
            // ones in, summary last.
            for name in RunFiles.outputs {
                try FileDurability.remove(directory.appendingPathComponent(name))
                if name == RunFiles.database {
                    for sideFile in RunFiles.sideFiles(of: finalDatabase) {
                        try FileDurability.remove(sideFile)  // an earlier run's WAL must never meet the new file
                    }
                }
            }
            for name in staged {
                try FileDurability.rename(stagingDirectory.appendingPathComponent(name), to: directory.appendingPathComponent(name))
            }
            try FileDurability.rename(partialSummary, to: finalSummary)
            try? FileManager.default.removeItem(at: stagingDirectory)
            FileDurability.syncDirectory(directory)
            state = .finished
        } catch {
            abandon()
            throw error
        }
    }

    /// Gives the run up: closes the files and removes every temporary. Files of an earlier run in the
    /// directory are left as they were. Does nothing after ``finish(summary:)`` or a first `abandon()`.
    public func abandon() {
        guard state == .open else { return }
        state = .abandoned
        if let database { try? database.close() }
        database = nil
        if let csv { try? csv.close(sync: false) }
        csv = nil
        pendingSeries = []
        pendingEvents = []
        pendingPanel = []
        keysInCurrentPeriod = []
        removeTemporaries()
    }

    // MARK: Internals

    private static func validate(_ info: RunInfo) throws {
        guard !info.scenario.isEmpty else {
            throw StoreError("run info: key scenario: expected a non-empty name, found ''")
        }
        guard info.firms >= 0, info.periods >= 0 else {
            throw StoreError("run info: keys firms, periods: expected counts ≥ 0, found firms \(info.firms), periods \(info.periods)")
        }
        let parsed = try? JSONSerialization.jsonObject(with: Data(info.parametersJSON.utf8), options: [])
        guard parsed is [String: Any] else {
            let shown = info.parametersJSON.count > 40 ? String(info.parametersJSON.prefix(40)) + "…" : info.parametersJSON
            throw StoreError("run info: key parametersJSON: expected a JSON object, found '\(shown)'")
        }
    }

    private func openDatabase() throws {
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.label = "CoevoStore.RunWriter"
        configuration.prepareDatabase { db in
            // The file is temporary until finish(), which syncs it explicitly before the rename,
            // so SQLite need not sync every transaction.
            try db.execute(sql: "PRAGMA synchronous = OFF")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let path = partialDatabase.path
        let queue = try StoreError.wrapping(path, "creating the run database") {
            try DatabaseQueue(path: path, configuration: configuration)
        }
        database = queue
        let info = self.info
        try StoreError.wrapping(path, "creating the run tables") {
            try RunSchema.migrator(panel: panel).migrate(queue, upTo: RunSchema.loadingTarget(panel: panel))
            runID = try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO runs (scenario, seed, firms, periods, status, started, finished, version, parameters)
                        VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)
                        """,
                    arguments: [info.scenario, Int64(bitPattern: info.seed), info.firms, info.periods,
                                RunStatus.running, Self.timestamp(), info.version, info.parametersJSON])
                return db.lastInsertedRowID
            }
        }
    }

    private func requireOpen() throws {
        switch state {
        case .open: return
        case .finished:
            throw StoreError("\(directory.path): run writer: expected an open run, found it already finished")
        case .abandoned:
            throw StoreError("\(directory.path): run writer: expected an open run, found it abandoned")
        }
    }

    private func flushIfFull() throws {
        if pendingSeries.count + pendingEvents.count + pendingPanel.count >= Self.batchRows {
            try flushBuffers()
        }
    }

    /// Inserts all buffered rows in one transaction.
    private func flushBuffers() throws {
        guard let database else { return }
        guard !pendingSeries.isEmpty || !pendingEvents.isEmpty || !pendingPanel.isEmpty else { return }
        try csv?.flush()
        let runID = self.runID
        try StoreError.wrapping(partialDatabase.path, "inserting rows") {
            try database.write { db in
                if !pendingSeries.isEmpty {
                    try insertSeries(db, runID: runID)
                }
                if !pendingEvents.isEmpty {
                    let statement = try db.cachedStatement(
                        sql: "INSERT INTO events (run_id, period, kind, detail) VALUES (?, ?, ?, ?)")
                    for event in pendingEvents {
                        statement.setUncheckedArguments([runID, event.period, event.kind, event.detail])
                        try statement.execute()
                    }
                }
                if !pendingPanel.isEmpty {
                    let costColumns = PanelRow.componentNames.map { "cost_\($0)" }.joined(separator: ", ")
                    let statement = try db.cachedStatement(sql: """
                        INSERT INTO panel (run_id, id, period, cluster, role, channels, output, average_cost, \(costColumns),
                                           industry, stage, reachable_output, cluster_output)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                    for row in pendingPanel {
                        var values: [(any DatabaseValueConvertible)?] = [
                            runID, Int64(row.firm), row.period, row.cluster, row.role, row.channels,
                            row.output, row.averageCost,
                        ]
                        values.append(contentsOf: row.components.map { $0 as (any DatabaseValueConvertible)? })
                        values.append(contentsOf: [row.industry, row.stage, row.reachableOutput, row.clusterOutput]
                            as [(any DatabaseValueConvertible)?])
                        statement.setUncheckedArguments(StatementArguments(values))
                        try statement.execute()
                    }
                }
            }
        }
        pendingSeries.removeAll(keepingCapacity: true)
        pendingEvents.removeAll(keepingCapacity: true)
        pendingPanel.removeAll(keepingCapacity: true)
    }

    /// Rows per multi-row series INSERT: fewer statement steps, well under SQLite's variable limit.
    private static let seriesRowsPerStatement = 64

    /// Inserts `pendingSeries` with cached multi-row statements (full chunks) and a one-row
    /// statement for the remainder; values are bound as `DatabaseValue`s without boxing.
    private func insertSeries(_ db: Database, runID: Int64) throws {
        let chunk = Self.seriesRowsPerStatement
        let rowSQL = "(?, ?, ?, ?, ?)"
        let prefix = "INSERT INTO series (run_id, period, unit, metric, value) VALUES "
        let chunkStatement = try db.cachedStatement(
            sql: prefix + Array(repeating: rowSQL, count: chunk).joined(separator: ", "))
        let rowStatement = try db.cachedStatement(sql: prefix + rowSQL)
        let run = runID.databaseValue
        var values: [DatabaseValue] = []
        values.reserveCapacity(5 * chunk)
        var start = 0
        while start < pendingSeries.count {
            let count = min(chunk, pendingSeries.count - start)
            values.removeAll(keepingCapacity: true)
            for row in pendingSeries[start ..< start + count] {
                values.append(run)
                values.append(row.period.databaseValue)
                values.append(row.unit.databaseValue)
                values.append(row.metric.databaseValue)
                values.append(row.value.databaseValue)
            }
            if count == chunk {
                chunkStatement.setUncheckedArguments(StatementArguments(values))
                try chunkStatement.execute()
            } else {
                for offset in stride(from: 0, to: values.count, by: 5) {
                    rowStatement.setUncheckedArguments(StatementArguments(values[offset ..< offset + 5]))
                    try rowStatement.execute()
                }
            }
            start += count
        }
    }

    private func removeTemporaries() {
        try? FileManager.default.removeItem(at: stagingDirectory)
        // Temporaries of versions that staged beside the final names.
        for name in [RunFiles.database, RunFiles.series, RunFiles.summary] {
            let url = directory.appendingPathComponent(RunFiles.partial(name))
            for u in [url] + RunFiles.sideFiles(of: url) { FileDurability.removeIfPresent(u) }
        }
    }

    /// Current time as ISO 8601 UTC with seconds, e.g. `2025-01-31T12:00:00Z`.
    static func timestamp() -> String {
        Date().ISO8601Format()
    }
}
