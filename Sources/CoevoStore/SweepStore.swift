import Foundation
import GRDB

/// One run's results as a sweep store holds them.
public struct SweepRunRecord: Sendable, Equatable {
    public var key: String
    public var pointID: Int
    public var replication: Int
    public var seed: UInt64
    /// `finished` or `failed`.
    public var status: String
    public var error: String?
    public var started: Double
    public var finished: Double
    public var seconds: Double
    /// Whether the elasticity outcomes were computed (they need the firm panel).
    public var elasticity: Bool
    /// Outcome name → value; nil where undefined (a stage never reached).
    public var outcomes: [String: Double?]
    /// Kept series: metric → values by period.
    public var series: [String: [Double]]

    public init(key: String, pointID: Int, replication: Int, seed: UInt64, status: String, error: String?,
                started: Double, finished: Double, seconds: Double, elasticity: Bool,
                outcomes: [String: Double?], series: [String: [Double]]) {
        self.key = key; self.pointID = pointID; self.replication = replication; self.seed = seed
        self.status = status; self.error = error; self.started = started; self.finished = finished
        self.seconds = seconds; self.elasticity = elasticity; self.outcomes = outcomes; self.series = series
    }

    /// Equal results (keys, status, outcomes and series), whatever the timing.
    public func sameResults(as other: SweepRunRecord) -> Bool {
        key == other.key && seed == other.seed && status == other.status && elasticity == other.elasticity
            && outcomes.count == other.outcomes.count
            && outcomes.allSatisfy { k, v in other.outcomes[k].map { SweepStore.same($0, v) } ?? false }
            && series.count == other.series.count
            && series.allSatisfy { k, v in other.series[k].map { $0.count == v.count && zip($0, v).allSatisfy { $0.bitPattern == $1.bitPattern } } ?? false }
    }
}

/// What the store knows of a run without loading its outcomes.
public struct SweepRunStatus: Sendable, Equatable {
    public var finished: Bool
    public var elasticity: Bool
    public var series: Set<String>
    public init(finished: Bool, elasticity: Bool, series: Set<String>) { self.finished = finished; self.elasticity = elasticity; self.series = series }
}

/// A row of a summary table: one statistic of an outcome at a point (or of a series at a point
/// and period, or of a paired difference).
public struct SweepSummaryRow: Sendable, Equatable {
    public var pointID: Int
    /// Outcome (summary, differences) or metric (bands).
    public var name: String
    /// Bands only: the period.
    public var period: Int?
    public var n: Int
    /// Replications where the outcome is undefined (a stage never reached).
    public var never: Int
    public var mean: Double?
    public var sd: Double?
    public var ciLow: Double?
    public var ciHigh: Double?

    public init(pointID: Int, name: String, period: Int? = nil, n: Int, never: Int, mean: Double?, sd: Double?, ciLow: Double?, ciHigh: Double?) {
        self.pointID = pointID; self.name = name; self.period = period; self.n = n; self.never = never
        self.mean = mean; self.sd = sd; self.ciLow = ciLow; self.ciHigh = ciHigh
    }
}

/// `DIR/sweep.sqlite` (INTERFACE.md "Sweeps"): a content-addressed, crash-safe store of sweep runs.
///
/// Contract:
/// - SQLite in WAL mode with `synchronous = FULL`: a committed run survives a kill -9 or a power cut.
/// - A run (its `runs` row, its outcomes and series) is committed in one transaction: after any
///   interruption each run is either entirely there or not at all.
/// - Runs are keyed by `run_key`, a hash of the model version, the resolved parameters and the
///   seed; committing a key again replaces that run's rows, never duplicates them.
/// - Safe to share between tasks (GRDB's `DatabasePool` serializes writes).
public final class SweepStore: Sendable {
    public static let fileName = "sweep.sqlite"
    public let path: URL
    private let pool: DatabasePool

    /// Opens or creates `directory/sweep.sqlite` (the directory must exist).
    public init(directory: URL) throws {
        let path = directory.appendingPathComponent(SweepStore.fileName)
        self.path = path
        var configuration = Configuration()
        configuration.label = "CoevoStore.SweepStore"
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try StoreError.wrapping(path.path, "opening the sweep store") {
            try DatabasePool(path: path.path, configuration: configuration)
        }
        self.pool = pool
        try StoreError.wrapping(path.path, "creating the sweep schema") {
            try pool.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS points (point_id INTEGER PRIMARY KEY, factors TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS runs (
                        run_key TEXT PRIMARY KEY, point_id INTEGER NOT NULL, replication INTEGER NOT NULL,
                        seed INTEGER NOT NULL, status TEXT NOT NULL, error TEXT,
                        started REAL NOT NULL, finished REAL NOT NULL, seconds REAL NOT NULL,
                        elasticity INTEGER NOT NULL, series_kept TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS outcomes (run_key TEXT NOT NULL, outcome TEXT NOT NULL, value REAL,
                        PRIMARY KEY (run_key, outcome)) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS series (run_key TEXT NOT NULL, period INTEGER NOT NULL, metric TEXT NOT NULL,
                        value REAL, PRIMARY KEY (run_key, metric, period)) WITHOUT ROWID;
                    CREATE TABLE IF NOT EXISTS summary (point_id INTEGER NOT NULL, outcome TEXT NOT NULL, n INTEGER NOT NULL,
                        never INTEGER NOT NULL, mean REAL, sd REAL, ci_low REAL, ci_high REAL, PRIMARY KEY (point_id, outcome));
                    CREATE TABLE IF NOT EXISTS differences (point_id INTEGER NOT NULL, outcome TEXT NOT NULL, n INTEGER NOT NULL,
                        mean REAL, sd REAL, ci_low REAL, ci_high REAL, PRIMARY KEY (point_id, outcome));
                    CREATE TABLE IF NOT EXISTS bands (point_id INTEGER NOT NULL, metric TEXT NOT NULL, period INTEGER NOT NULL,
                        n INTEGER NOT NULL, mean REAL, sd REAL, ci_low REAL, ci_high REAL, PRIMARY KEY (point_id, metric, period));
                    """)
            }
        }
    }

    // MARK: Metadata and points

    public func meta(_ key: String) throws -> String? {
        try read("reading meta") { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    public func setMeta(_ values: [String: String]) throws {
        try write("writing meta") { db in
            for (k, v) in values.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [k, v])
            }
        }
    }

    /// Replaces the `points` table.
    public func setPoints(_ points: [(id: Int, factorsJSON: String)]) throws {
        try write("writing points") { db in
            try db.execute(sql: "DELETE FROM points")
            let statement = try db.cachedStatement(sql: "INSERT INTO points (point_id, factors) VALUES (?, ?)")
            for p in points { try statement.execute(arguments: [p.id, p.factorsJSON]) }
        }
    }

    // MARK: Runs

    /// The status of each of `keys` found in the store (looked up by primary key, in chunks).
    public func statuses(keys: [String]) throws -> [String: SweepRunStatus] {
        try read("reading runs") { db in
            var out: [String: SweepRunStatus] = [:]
            let unique = Array(Set(keys)).sorted()
            for start in stride(from: 0, to: unique.count, by: 500) {
                let chunk = Array(unique[start..<min(unique.count, start + 500)])
                let rows = try Row.fetchCursor(db, sql: "SELECT run_key, status, elasticity, series_kept FROM runs WHERE run_key IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                               arguments: StatementArguments(chunk))
                while let row = try rows.next() {
                    let kept: String = row[3]
                    out[row[0]] = SweepRunStatus(finished: (row[1] as String) == "finished", elasticity: (row[2] as Int) != 0,
                                                 series: Set(kept.split(separator: ",").map(String.init)))
                }
            }
            return out
        }
    }

    /// Commits one run with all its outcomes and series in one transaction, replacing any earlier
    /// rows of the same key.
    public func commit(_ r: SweepRunRecord) throws {
        try write("committing run \(r.key)") { db in try SweepStore.insert(r, db) }
    }

    private static func insert(_ r: SweepRunRecord, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM outcomes WHERE run_key = ?", arguments: [r.key])
        try db.execute(sql: "DELETE FROM series WHERE run_key = ?", arguments: [r.key])
        try db.execute(sql: """
            INSERT OR REPLACE INTO runs (run_key, point_id, replication, seed, status, error, started, finished, seconds, elasticity, series_kept)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.key, r.pointID, r.replication, Int64(bitPattern: r.seed), r.status, r.error,
                             r.started, r.finished, r.seconds, r.elasticity ? 1 : 0, r.series.keys.sorted().joined(separator: ",")])
        let outcome = try db.cachedStatement(sql: "INSERT INTO outcomes (run_key, outcome, value) VALUES (?, ?, ?)")
        for (name, value) in r.outcomes.sorted(by: { $0.key < $1.key }) {
            try outcome.execute(arguments: [r.key, name, value.flatMap { $0.isFinite ? $0 : nil }])
        }
        let series = try db.cachedStatement(sql: "INSERT INTO series (run_key, period, metric, value) VALUES (?, ?, ?, ?)")
        for (metric, values) in r.series.sorted(by: { $0.key < $1.key }) {
            for (period, v) in values.enumerated() { try series.execute(arguments: [r.key, period, metric, v.isFinite ? v : nil]) }
        }
    }

    /// Records the plan's point and replication for runs found in the store under another plan.
    public func relabel(_ runs: [(key: String, pointID: Int, replication: Int)]) throws {
        try write("relabelling runs") { db in
            let s = try db.cachedStatement(sql: "UPDATE runs SET point_id = ?, replication = ? WHERE run_key = ?")
            for r in runs { try s.execute(arguments: [r.pointID, r.replication, r.key]) }
        }
    }

    /// The records of `keys` (all runs when nil) with outcomes and, if `withSeries`, series; keys not
    /// in the store are absent from the result. Given keys are looked up by primary key in chunks,
    /// so reading one point's replications costs what they hold, not what the store holds.
    /// `outcomes` limits the outcomes read (nil: all of them).
    public func records(keys: [String]? = nil, withSeries: Bool = true, outcomes names: [String]? = nil) throws -> [String: SweepRunRecord] {
        try read("reading runs") { db in
            var out: [String: SweepRunRecord] = [:]
            func load(_ filter: String, _ arguments: StatementArguments) throws {
                let runs = try Row.fetchCursor(db, sql: """
                    SELECT run_key, point_id, replication, seed, status, error, started, finished, seconds, elasticity FROM runs\(filter)
                    """, arguments: arguments)
                while let row = try runs.next() {
                    out[row[0]] = SweepRunRecord(key: row[0], pointID: row[1], replication: row[2], seed: UInt64(bitPattern: row[3] as Int64),
                                                 status: row[4], error: row[5], started: row[6], finished: row[7], seconds: row[8],
                                                 elasticity: (row[9] as Int) != 0, outcomes: [:], series: [:])
                }
                let outcomes = try Row.fetchCursor(db, sql: "SELECT run_key, outcome, value FROM outcomes\(filter)", arguments: arguments)
                let wanted = names.map(Set.init)
                while let row = try outcomes.next() {
                    let key: String = row[0]
                    guard out[key] != nil else { continue }
                    if let wanted, !wanted.contains(row[1] as String) { continue }
                    out[key]!.outcomes[row[1] as String] = .some(row[2] as Double?)
                }
                guard withSeries else { return }
                let series = try Row.fetchCursor(db, sql: "SELECT run_key, metric, period, value FROM series\(filter) ORDER BY run_key, metric, period", arguments: arguments)
                while let row = try series.next() {
                    let key: String = row[0]
                    guard out[key] != nil else { continue }
                    let metric: String = row[1]
                    let period: Int = row[2]
                    var values = out[key]!.series[metric] ?? []
                    while values.count < period { values.append(.nan) }
                    values.append((row[3] as Double?) ?? .nan)
                    out[key]!.series[metric] = values
                }
            }
            guard let keys else { try load("", []); return out }
            let unique = Array(Set(keys)).sorted()
            for start in stride(from: 0, to: unique.count, by: 500) {
                let chunk = Array(unique[start..<min(unique.count, start + 500)])
                try load(" WHERE run_key IN (\(chunk.map { _ in "?" }.joined(separator: ",")))", StatementArguments(chunk))
            }
            return out
        }
    }

    /// Every run key in the store, sorted.
    public func keys() throws -> [String] {
        try read("reading run keys") { try String.fetchAll($0, sql: "SELECT run_key FROM runs ORDER BY run_key") }
    }

    /// Copies `records` in, one transaction. A key already present is compared on what both hold:
    /// the same values leave it as it is (idempotent), except that outcomes or series only the new
    /// record has are added (a run computed with more needs in one store); a different value throws,
    /// naming the run and the outcome. A finished run replaces a failed one. Returns how many runs
    /// were added or completed.
    @discardableResult
    public func merge(_ records: [SweepRunRecord], from source: String) throws -> Int {
        let existing = try self.records(keys: records.map(\.key))
        var added = 0
        try write("merging \(source)") { db in
            for r in records.sorted(by: { $0.key < $1.key }) {
                guard let e = existing[r.key] else { try SweepStore.insert(r, db); added += 1; continue }
                if r.status == "failed" { continue }
                if e.status == "failed" { try SweepStore.insert(r, db); added += 1; continue }
                for (name, value) in r.outcomes {
                    if let old = e.outcomes[name], !SweepStore.same(old, value) {
                        throw StoreError("\(source): run \(r.key) (point \(r.pointID), replication \(r.replication), seed \(r.seed)), outcome \(name): expected \(old.map { "\($0)" } ?? "NULL") as in \(path.path), found \(value.map { "\($0)" } ?? "NULL")")
                    }
                }
                for (metric, values) in r.series {
                    if let old = e.series[metric], !(old.count == values.count && zip(old, values).allSatisfy { SweepStore.same($0, $1) }) {
                        throw StoreError("\(source): run \(r.key) (point \(r.pointID), replication \(r.replication), seed \(r.seed)), series \(metric): expected the values in \(path.path), found different ones")
                    }
                }
                let more = r.outcomes.keys.contains { e.outcomes[$0] == nil } || r.series.keys.contains { e.series[$0] == nil }
                guard more else { continue }
                var union = e
                union.outcomes.merge(r.outcomes) { old, _ in old }
                union.series.merge(r.series) { old, _ in old }
                union.elasticity = e.elasticity || r.elasticity
                try SweepStore.insert(union, db)
                added += 1
            }
        }
        return added
    }

    // MARK: Summaries

    /// Replaces the `summary`, `differences` and `bands` tables in one transaction.
    public func setSummaries(summary: [SweepSummaryRow], differences: [SweepSummaryRow], bands: [SweepSummaryRow]) throws {
        try write("writing summaries") { db in
            try db.execute(sql: "DELETE FROM summary; DELETE FROM differences; DELETE FROM bands")
            let s = try db.cachedStatement(sql: "INSERT INTO summary (point_id, outcome, n, never, mean, sd, ci_low, ci_high) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for r in summary { try s.execute(arguments: [r.pointID, r.name, r.n, r.never, r.mean, r.sd, r.ciLow, r.ciHigh]) }
            let d = try db.cachedStatement(sql: "INSERT INTO differences (point_id, outcome, n, mean, sd, ci_low, ci_high) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for r in differences { try d.execute(arguments: [r.pointID, r.name, r.n, r.mean, r.sd, r.ciLow, r.ciHigh]) }
            let b = try db.cachedStatement(sql: "INSERT INTO bands (point_id, metric, period, n, mean, sd, ci_low, ci_high) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for r in bands { try b.execute(arguments: [r.pointID, r.name, r.period ?? 0, r.n, r.mean, r.sd, r.ciLow, r.ciHigh]) }
        }
    }

    /// The `summary` table ordered by point and outcome.
    public func summary() throws -> [SweepSummaryRow] {
        try read("reading summary") { db in
            try Row.fetchAll(db, sql: "SELECT point_id, outcome, n, never, mean, sd, ci_low, ci_high FROM summary ORDER BY point_id, outcome").map {
                SweepSummaryRow(pointID: $0[0], name: $0[1], n: $0[2], never: $0[3], mean: $0[4], sd: $0[5], ciLow: $0[6], ciHigh: $0[7])
            }
        }
    }

    // MARK: Helpers

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case let (x?, y?): x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
        default: false
        }
    }

    private func read<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        try StoreError.wrapping(path.path, what) { try pool.read(body) }
    }

    private func write<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        try StoreError.wrapping(path.path, what) { try pool.write(body) }
    }
}
